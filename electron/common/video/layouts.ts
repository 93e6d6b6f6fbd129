// Video wall layouts as tile rectangles on a grid: 1, 4, 9, 16 and one big tile plus small ones
// (1+5 on 3×3, 1+7 on 4×4). Tile 0 is always the top-left (and, in 1+N, the big) tile.
export const LAYOUT_IDS = ['1', '4', '9', '16', '1+5', '1+7'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export interface TileRect {
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}
export interface WallLayout {
  id: LayoutId;
  cols: number;
  rows: number;
  tiles: TileRect[];
}

function grid(n: number): TileRect[] {
  const out: TileRect[] = [];
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) out.push({ col, row, colSpan: 1, rowSpan: 1 });
  return out;
}

/** One big tile of (n−1)×(n−1) cells top-left, the rest of an n×n grid in single cells around it. */
function bigPlus(n: number): TileRect[] {
  const out: TileRect[] = [{ col: 0, row: 0, colSpan: n - 1, rowSpan: n - 1 }];
  for (let row = 0; row < n - 1; row++) out.push({ col: n - 1, row, colSpan: 1, rowSpan: 1 });
  for (let col = 0; col < n; col++) out.push({ col, row: n - 1, colSpan: 1, rowSpan: 1 });
  return out;
}

export function isLayoutId(v: unknown): v is LayoutId {
  return typeof v === 'string' && (LAYOUT_IDS as readonly string[]).includes(v);
}

export function wallLayout(id: LayoutId): WallLayout {
  switch (id) {
    case '1':
      return { id, cols: 1, rows: 1, tiles: grid(1) };
    case '4':
      return { id, cols: 2, rows: 2, tiles: grid(2) };
    case '9':
      return { id, cols: 3, rows: 3, tiles: grid(3) };
    case '16':
      return { id, cols: 4, rows: 4, tiles: grid(4) };
    case '1+5':
      return { id, cols: 3, rows: 3, tiles: bigPlus(3) };
    case '1+7':
      return { id, cols: 4, rows: 4, tiles: bigPlus(4) };
  }
}

export function tileCount(id: LayoutId): number {
  return wallLayout(id).tiles.length;
}

/** The smallest square layout that shows n cameras (at most 16). */
export function layoutFor(n: number): LayoutId {
  if (n <= 1) return '1';
  if (n <= 4) return '4';
  if (n <= 9) return '9';
  return '16';
}

/** Pixel rectangles of a layout inside a width × height area, with a gap between tiles. */
export function tilePixels(
  layout: WallLayout,
  width: number,
  height: number,
  gap = 0,
): { x: number; y: number; w: number; h: number }[] {
  const cw = (width - gap * (layout.cols - 1)) / layout.cols;
  const ch = (height - gap * (layout.rows - 1)) / layout.rows;
  return layout.tiles.map((t) => ({
    x: t.col * (cw + gap),
    y: t.row * (ch + gap),
    w: t.colSpan * cw + (t.colSpan - 1) * gap,
    h: t.rowSpan * ch + (t.rowSpan - 1) * gap,
  }));
}
