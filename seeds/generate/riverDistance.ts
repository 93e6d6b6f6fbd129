// Distance from a point to a polyline (the Jialing's centre line) in a local flat projection: fine at
// district scale, where the error is far below the line's own (~1 km, Natural Earth 10m).
import { JIALING_LINE } from '../reference/towns';

const M_PER_DEG = 111_320;

/**
 * The Jialing's bank through the district for exposure: Natural Earth's coarse centre line cuts the meander
 * at Ciqikou by almost 2 km, so the two riverside reference places (Ciqikou old town's gauge, Shabin Road,
 * both estimates of ~500–800 m) are put back on it between the points they lie between.
 */
export const JIALING_BANK: readonly (readonly [number, number])[] = (() => {
  const at = JIALING_LINE.findIndex((p) => p[0] === 106.45924 && p[1] === 29.59557);
  if (at < 0) return JIALING_LINE;
  return [...JIALING_LINE.slice(0, at + 1), [106.45, 29.58], [106.464, 29.574], ...JIALING_LINE.slice(at + 1)];
})();

export function distanceToLineM(lon: number, lat: number, line: readonly (readonly [number, number])[]): number {
  const kx = M_PER_DEG * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const ax = (line[i][0] - lon) * kx;
    const ay = (line[i][1] - lat) * M_PER_DEG;
    const bx = (line[i + 1][0] - lon) * kx;
    const by = (line[i + 1][1] - lat) * M_PER_DEG;
    const dx = bx - ax;
    const dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
