export function electronBinary(root: string): { path: string | null; why: string };
export function ensureRendererBuilt(root: string): void;
