// Between city and street zoom, 22,000 points are too many to read: each point gets the coarsest
// zoom band at which it is drawn. Per grid cell of a band, the most severe points come first (majors
// always), then a few of the rest, chosen deterministically. Pure: the renderer only shows/hides.

/** Zoom bands from far to close: camera height below which the band applies, its cell and its cap. */
export interface ThinBand {
  belowHeightM: number;
  cellDeg: number;
  /** points kept per cell besides the majors */
  perCell: number;
}

export const THIN_BANDS: readonly ThinBand[] = [
  { belowHeightM: 25_000, cellDeg: 0.008, perCell: 2 },
  { belowHeightM: 14_000, cellDeg: 0.004, perCell: 3 },
  { belowHeightM: 7_000, cellDeg: 0.0015, perCell: 4 },
];
/** below this height every point is drawn */
export const ALL_POINTS_BELOW_M = 3_500;

/** The band index for a camera height: -1 far out (clusters), bands.length close in (everything). */
export function thinBandFor(heightM: number, bands: readonly ThinBand[] = THIN_BANDS): number {
  if (!Number.isFinite(heightM) || heightM >= bands[0].belowHeightM) return -1;
  if (heightM < ALL_POINTS_BELOW_M) return bands.length;
  let b = 0;
  while (b + 1 < bands.length && heightM < bands[b + 1].belowHeightM) b++;
  return b;
}

/**
 * For every point, the first band (index) at which it is drawn; bands.length when only at street
 * zoom. Level 0 (major) is drawn from the first band on. Within a cell, lower level index wins, then
 * the lower id, so the choice is stable across runs and consoles.
 */
export function firstBands(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  level: ArrayLike<number>,
  id: ArrayLike<number>,
  bands: readonly ThinBand[] = THIN_BANDS,
): Uint8Array {
  const n = lon.length;
  const out = new Uint8Array(n).fill(bands.length);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => level[a] - level[b] || id[a] - id[b]);
  bands.forEach((band, b) => {
    const cellOf = (i: number) => `${Math.floor(lon[i] / band.cellDeg)}:${Math.floor(lat[i] / band.cellDeg)}`;
    // what a coarser band already draws fills this band's cells first
    const used = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (out[i] < b && level[i] !== 0) used.set(cellOf(i), (used.get(cellOf(i)) ?? 0) + 1);
    }
    for (const i of order) {
      if (out[i] < b) continue;
      if (level[i] === 0) {
        out[i] = b;
        continue;
      }
      const key = cellOf(i);
      const k = used.get(key) ?? 0;
      if (k < band.perCell) {
        used.set(key, k + 1);
        out[i] = b;
      }
    }
  });
  return out;
}
