// Which tiles an area needs, per zoom: a rectangle or a polygon becomes rows of column spans, so a
// whole district at zoom 18 (tens of thousands of tiles) is counted without listing every tile, and
// the download walks the same spans in the same order every time (resume depends on that).
import { MAX_ZOOM, tileFloat, tileOf, type BBoxArr, type TileXYZ } from './mercator';

/** Columns x0..x1 (inclusive) of one row y. */
export interface RowSpans {
  y: number;
  spans: [x0: number, x1: number][];
}

export interface LevelCover {
  z: number;
  rows: RowSpans[];
  count: number;
}

export type Area = { bbox: BBoxArr } | { ring: readonly (readonly [number, number])[] };

const spanCount = (rows: RowSpans[]) => rows.reduce((n, r) => n + r.spans.reduce((m, [a, b]) => m + b - a + 1, 0), 0);

export function bboxCover(b: BBoxArr, z: number): LevelCover {
  const nw = tileOf(b[0], b[3], z);
  const se = tileOf(b[2], b[1], z);
  // a box that ends exactly on a tile edge does not need the tile beyond it
  const fe = tileFloat(b[2], b[1], z);
  const x1 = fe.x === Math.floor(fe.x) && se.x > nw.x ? se.x - 1 : se.x;
  const y1 = fe.y === Math.floor(fe.y) && se.y > nw.y ? se.y - 1 : se.y;
  const rows: RowSpans[] = [];
  for (let y = nw.y; y <= y1; y++) rows.push({ y, spans: [[nw.x, x1]] });
  return { z, rows, count: (x1 - nw.x + 1) * (y1 - nw.y + 1) };
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/**
 * Tiles a polygon touches at zoom z: those an edge passes through plus those whose centre is inside
 * (a tile wholly inside has its centre inside). Edges are straight in Mercator, as on screen.
 */
export function ringCover(ring: readonly (readonly [number, number])[], z: number): LevelCover {
  const n = 2 ** z;
  const pts = ring.map(([lon, lat]) => tileFloat(lon, lat, z));
  if (pts.length > 1 && pts[0].x === pts[pts.length - 1].x && pts[0].y === pts[pts.length - 1].y) pts.pop();
  if (pts.length < 3) throw new RangeError('a polygon needs at least three distinct points');
  const clampT = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  const yMin = clampT(Math.min(...pts.map((p) => p.y)));
  const yMax = clampT(Math.max(...pts.map((p) => p.y)));
  const rows: RowSpans[] = [];
  for (let y = yMin; y <= yMax; y++) {
    const spans: [number, number][] = [];
    const centre = y + 0.5;
    const crossings: number[] = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      // the part of edge a→b inside the band y..y+1
      const lo = Math.max(y, Math.min(a.y, b.y));
      const hi = Math.min(y + 1, Math.max(a.y, b.y));
      if (lo <= hi) {
        const xAt = (yy: number) => (a.y === b.y ? a.x : a.x + ((b.x - a.x) * (yy - a.y)) / (b.y - a.y));
        const xs = a.y === b.y ? [a.x, b.x] : [xAt(lo), xAt(hi)];
        spans.push([clampT(Math.min(...xs)), clampT(Math.max(...xs))]);
      }
      if (a.y > centre !== b.y > centre) crossings.push(a.x + ((b.x - a.x) * (centre - a.y)) / (b.y - a.y));
    }
    crossings.sort((p, q) => p - q);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // tiles whose centre x lies between an entering and a leaving crossing
      const x0 = Math.max(0, Math.ceil(crossings[k] - 0.5));
      const x1 = Math.min(n - 1, Math.floor(crossings[k + 1] - 0.5));
      if (x0 <= x1) spans.push([x0, x1]);
    }
    if (spans.length) rows.push({ y, spans: mergeSpans(spans) });
  }
  return { z, rows, count: spanCount(rows) };
}

export function areaCover(area: Area, z: number): LevelCover {
  return 'bbox' in area ? bboxCover(area.bbox, z) : ringCover(area.ring, z);
}

export function checkZooms(minZoom: number, maxZoom: number): void {
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > MAX_ZOOM) {
    throw new RangeError(`zoom levels must be whole numbers from 0 to ${MAX_ZOOM}`);
  }
  if (minZoom > maxZoom) throw new RangeError(`minZoom ${minZoom} is above maxZoom ${maxZoom}`);
}

/** The cover of every level from minZoom to maxZoom. */
export function coverLevels(area: Area, minZoom: number, maxZoom: number): LevelCover[] {
  checkZooms(minZoom, maxZoom);
  const out: LevelCover[] = [];
  for (let z = minZoom; z <= maxZoom; z++) out.push(areaCover(area, z));
  return out;
}

export const totalTiles = (levels: readonly LevelCover[]): number => levels.reduce((n, l) => n + l.count, 0);

/** Every tile of a level in a fixed order: rows north to south, columns west to east. */
export function* levelTiles(level: LevelCover): Generator<TileXYZ> {
  for (const r of level.rows)
    for (const [x0, x1] of r.spans) for (let x = x0; x <= x1; x++) yield { z: level.z, x, y: r.y };
}

export function* coverTiles(levels: readonly LevelCover[]): Generator<TileXYZ> {
  for (const l of levels) yield* levelTiles(l);
}

export function coverContains(level: LevelCover, x: number, y: number): boolean {
  const row = level.rows.find((r) => r.y === y);
  return !!row && row.spans.some(([a, b]) => x >= a && x <= b);
}
