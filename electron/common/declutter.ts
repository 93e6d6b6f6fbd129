// Labels and markers on a map never overlap: greedy placement by priority in screen space. Fixed
// items (a cluster marker holding a major point) are always placed; the others are shown only where
// they do not collide with anything placed before them. Pure, so it is tested without a map.

export interface ScreenItem {
  id: string;
  /** centre of the box in CSS pixels */
  x: number;
  y: number;
  w: number;
  h: number;
  /** higher goes first */
  priority: number;
  /** always shown (it still blocks lower ones) */
  fixed?: boolean;
  /** other places the box may go (offsets from x/y, best first), tried when the first collides */
  alternatives?: readonly { dx: number; dy: number }[];
}

/** Where each shown item ended up (its offset from the preferred place). */
export type Placement = Map<string, { dx: number; dy: number }>;

const overlaps = (a: ScreenItem, b: ScreenItem, pad: number) =>
  Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 * pad && Math.abs(a.y - b.y) * 2 < a.h + b.h + 2 * pad;

/** The ids shown. Ties in priority keep the given order (callers sort stably by importance). */
export function declutter(items: readonly ScreenItem[], padPx = 2): Set<string> {
  return new Set(place(items, padPx).keys());
}

/** Like declutter, and says where each shown item went among its alternatives. */
export function place(items: readonly ScreenItem[], padPx = 2): Placement {
  const shown: ScreenItem[] = [];
  const order = items
    .map((it, k) => ({ it, k }))
    .sort((a, b) => Number(!!b.it.fixed) - Number(!!a.it.fixed) || b.it.priority - a.it.priority || a.k - b.k);
  // a uniform grid keeps this fast for hundreds of items
  const cell = 64;
  const grid = new Map<string, ScreenItem[]>();
  const cellsOf = (it: ScreenItem) => {
    const keys: string[] = [];
    for (
      let gx = Math.floor((it.x - it.w / 2 - padPx) / cell);
      gx <= Math.floor((it.x + it.w / 2 + padPx) / cell);
      gx++
    ) {
      for (
        let gy = Math.floor((it.y - it.h / 2 - padPx) / cell);
        gy <= Math.floor((it.y + it.h / 2 + padPx) / cell);
        gy++
      ) {
        keys.push(`${gx}:${gy}`);
      }
    }
    return keys;
  };
  const placement: Placement = new Map();
  for (const { it } of order) {
    for (const alt of [{ dx: 0, dy: 0 }, ...(it.alternatives ?? [])]) {
      const at = { ...it, x: it.x + alt.dx, y: it.y + alt.dy };
      const keys = cellsOf(at);
      const hit = !it.fixed && keys.some((k) => grid.get(k)?.some((o) => overlaps(o, at, padPx)));
      if (hit) continue;
      shown.push(at);
      placement.set(it.id, alt);
      for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(at);
      break;
    }
  }
  return placement;
}

/** Width of a label in pixels, roughly: CJK characters are square, Latin about half. */
export function labelWidthPx(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? fontPx : fontPx * 0.55;
  return Math.ceil(w + 8);
}
