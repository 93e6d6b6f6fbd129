// A small, fast structural checker for field payloads at the edge (DJI OSD arrives at hundreds of
// messages a second per console; a general schema library costs more than the SQLite write behind it).
// A spec lists the known keys; every key is optional (DJI sends partial messages), a present key must
// have the right type and range, unknown keys are ignored. The TypeScript type is derived from the spec.

export type FieldSpec =
  | { t: 'num'; min?: number; max?: number }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'flag' }
  | { t: 'str'; max?: number }
  | { t: 'obj'; fields: Record<string, FieldSpec> }
  | { t: 'list'; max: number; of: FieldSpec };

export type Shape = Record<string, FieldSpec>;

type Out<S extends FieldSpec> = S extends { t: 'num' | 'int' }
  ? number
  : S extends { t: 'flag' }
    ? boolean | 0 | 1
    : S extends { t: 'str' }
      ? string
      : S extends { t: 'obj'; fields: infer F extends Shape }
        ? Checked<F>
        : S extends { t: 'list'; of: infer E extends FieldSpec }
          ? Out<E>[]
          : never;

export type Checked<S extends Shape> = { [K in keyof S]?: Out<S[K]> };

export const num = (min?: number, max?: number) => ({ t: 'num', min, max }) as const;
export const int = (min?: number, max?: number) => ({ t: 'int', min, max }) as const;
export const flag = { t: 'flag' } as const;
export const str = (max = 256) => ({ t: 'str', max }) as const;
export const obj = <F extends Shape>(fields: F) => ({ t: 'obj', fields }) as const;
export const list = <E extends FieldSpec>(of: E, max: number) => ({ t: 'list', of, max }) as const;

// The leaf checks, shared by the generic walk below and the hand-written validators of the hot path
// (osdCheck.ts), so both name a fault in the same words. `path` names the field; the caller skips absent ones.

export function checkNumber(
  v: unknown,
  s: { t: 'num' | 'int'; min?: number; max?: number },
  path: string,
): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${path} must be a finite number`;
  if (s.t === 'int' && !Number.isInteger(v)) return `${path} must be an integer`;
  if (s.min !== undefined && v < s.min) return `${path} is below ${s.min}`;
  if (s.max !== undefined && v > s.max) return `${path} is above ${s.max}`;
  return null;
}

export function checkString(v: unknown, s: { max?: number }, path: string): string | null {
  if (typeof v !== 'string') return `${path} must be a string`;
  return s.max !== undefined && v.length > s.max ? `${path} is longer than ${s.max}` : null;
}

export function checkFlag(v: unknown, path: string): string | null {
  return typeof v === 'boolean' || v === 0 || v === 1 ? null : `${path} must be true/false or 0/1`;
}

function checkValue(v: unknown, s: FieldSpec, path: string): string | null {
  switch (s.t) {
    case 'num':
    case 'int':
      return checkNumber(v, s, path);
    case 'flag':
      return checkFlag(v, path);
    case 'str':
      return checkString(v, s, path);
    case 'obj':
      if (!isObject(v)) return `${path} must be an object`;
      return checkShape(v, s.fields, path);
    case 'list':
      if (!Array.isArray(v)) return `${path} must be a list`;
      if (v.length > s.max) return `${path} has more than ${s.max} items`;
      for (let i = 0; i < v.length; i++) {
        const e = checkValue(v[i], s.of, `${path}[${i}]`);
        if (e) return e;
      }
      return null;
  }
}

// a shape's entries, listed once (for…in over a spec on every message costs more than the check itself)
const ENTRIES = new WeakMap<Shape, [string, FieldSpec][]>();
function entriesOf(shape: Shape): [string, FieldSpec][] {
  let e = ENTRIES.get(shape);
  if (!e) {
    e = Object.entries(shape);
    ENTRIES.set(shape, e);
  }
  return e;
}

/** null when `o` fits the shape, else what is wrong (naming the field). `null` values count as absent. */
export function checkShape(o: Record<string, unknown>, shape: Shape, path = ''): string | null {
  const entries = entriesOf(shape);
  for (let i = 0; i < entries.length; i++) {
    const [k, spec] = entries[i];
    const v = o[k];
    if (v === undefined || v === null) continue;
    // the path is built only when something is wrong
    const e = checkValue(v, spec, k);
    if (e) return path ? `${path}.${e}` : e;
  }
  return null;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
