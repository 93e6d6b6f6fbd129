// Keyboard-first board: one key per action on the selected incident, whatever control has focus —
// only typing into a text field keeps the letters; Escape always returns to the list.
import { onBeforeUnmount, onMounted } from 'vue';
import type { BoardKey } from './commands';

export type { BoardKey };

const MAP: Record<string, BoardKey> = {
  ArrowUp: 'up',
  k: 'up',
  ArrowDown: 'down',
  j: 'down',
  ' ': 'take',
  Enter: 'enter',
  Escape: 'escape',
  n: 'new',
  m: 'map',
  w: 'video',
  o: 'note',
  u: 'amend',
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

export interface KeyTarget {
  /** typing into a text field: letters and Space are the officer's words */
  typing: boolean;
  /** a list box or select has focus: its arrow keys are its own */
  choosing: boolean;
}

export function keyFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  at: KeyTarget | boolean,
): BoardKey | null {
  const t: KeyTarget = typeof at === 'boolean' ? { typing: at, choosing: false } : at;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = MAP[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? null;
  if (k === 'escape') return k;
  if (t.typing) return null;
  if (t.choosing && (k === 'up' || k === 'down' || k === 'enter' || k === 'take')) return null;
  return k;
}

/** `handler` returns false when the key is not the board's this time (Enter on a dialog's own button). */
export function useBoardKeys(handler: (k: BoardKey, e: KeyboardEvent) => boolean) {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    const tag = el?.tagName;
    const textInput =
      tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type);
    const k = keyFor(e, {
      typing: !!el && (textInput || tag === 'TEXTAREA' || el.isContentEditable),
      choosing: tag === 'SELECT',
    });
    if (k && handler(k, e)) e.preventDefault();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
