// Web Mercator tile maths (the XYZ scheme every web map uses; MBTiles stores the same tiles with the
// row counted from the south, TMS). Degrees WGS-84 in, tile numbers out; nothing here does I/O.

/** [minLon, minLat, maxLon, maxLat] in degrees, as the HTTP API and packages carry it. */
export type BBoxArr = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface TileXYZ {
  z: number;
  x: number;
  y: number;
}

/** Web Mercator stops at ±85.0511° (the latitude that makes the world square). */
export const MAX_MERCATOR_LAT = 85.0511287798066;
export const MAX_ZOOM = 24;
const RAD = Math.PI / 180;

export const tilesAcross = (z: number): number => 2 ** z;

/** The MBTiles (TMS) row of an XYZ row and back: the same flip both ways. */
export function flipY(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

export function isValidTile(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < 0 || z > MAX_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

const clampLat = (lat: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));

/** Fractional tile coordinates of a point at zoom z (x grows east, y grows south). */
export function tileFloat(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const s = Math.sin(clampLat(lat) * RAD);
  return {
    x: ((lon + 180) / 360) * n,
    y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n,
  };
}

/** The tile that holds a point (edges belong to the tile east/south of them; the world's far edge to the last). */
export function tileOf(lon: number, lat: number, z: number): TileXYZ {
  const n = 2 ** z;
  const f = tileFloat(lon, lat, z);
  return { z, x: Math.min(n - 1, Math.max(0, Math.floor(f.x))), y: Math.min(n - 1, Math.max(0, Math.floor(f.y))) };
}

export function tileXToLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

export function tileYToLat(y: number, z: number): number {
  const k = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return Math.atan(Math.sinh(k)) / RAD;
}

/** The tile's extent in degrees. */
export function tileBounds(z: number, x: number, y: number): BBoxArr {
  return [tileXToLon(x, z), tileYToLat(y + 1, z), tileXToLon(x + 1, z), tileYToLat(y, z)];
}

/** Ground size of a tile's side at a latitude, in metres (for "how much does this cover"). */
export function tileSizeM(z: number, lat: number): number {
  return (40_075_016.686 * Math.cos(lat * RAD)) / 2 ** z;
}

export function isValidBBox(b: readonly number[]): b is BBoxArr {
  if (b.length !== 4 || !b.every(Number.isFinite)) return false;
  const [w, s, e, n] = b;
  return w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n;
}

export function bboxIntersects(a: BBoxArr, b: BBoxArr): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

export function bboxOfRing(ring: readonly (readonly [number, number])[]): BBoxArr {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [lon, lat] of ring) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

export function ringOfBBox(b: BBoxArr): [number, number][] {
  return [
    [b[0], b[1]],
    [b[2], b[1]],
    [b[2], b[3]],
    [b[0], b[3]],
    [b[0], b[1]],
  ];
}
