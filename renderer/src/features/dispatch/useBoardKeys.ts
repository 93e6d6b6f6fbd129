// Keyboard-first board: one key per command on the selected incident. Keys are ignored while typing.
import { onBeforeUnmount, onMounted } from 'vue';

export type BoardKey =
  | 'up'
  | 'down'
  | 'enter'
  | 'new'
  | 'triage'
  | 'dispatch'
  | 'accept'
  | 'arrive'
  | 'return'
  | 'consult'
  | 'escalate'
  | 'resolve'
  | 'verify'
  | 'evaluate'
  | 'cancel';

const MAP: Record<string, BoardKey> = {
  ArrowUp: 'up',
  k: 'up',
  ArrowDown: 'down',
  j: 'down',
  Enter: 'enter',
  n: 'new',
  t: 'triage',
  d: 'dispatch',
  a: 'accept',
  s: 'arrive',
  r: 'return',
  c: 'consult',
  e: 'escalate',
  f: 'resolve',
  v: 'verify',
  p: 'evaluate',
  x: 'cancel',
};

export function keyFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  typing: boolean,
): BoardKey | null {
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  return MAP[e.key] ?? null;
}

export function useBoardKeys(handler: (k: BoardKey) => void) {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    const typing =
      !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
    const k = keyFor(e, typing);
    if (!k) return;
    e.preventDefault();
    handler(k);
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
