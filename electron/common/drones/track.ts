// Flown tracks are kept at 1 Hz for 30 days: the first fix of each second is stored under that second.
export const TRACK_RETENTION_MS = 30 * 24 * 3_600_000;
export const TRACK_STEP_MS = 1_000;

/** The second a fix is stored under, or null when this aircraft already has a fix for that second. */
export function trackSlot(lastSlot: number | undefined, t: number): number | null {
  const slot = Math.floor(t / TRACK_STEP_MS) * TRACK_STEP_MS;
  return lastSlot !== undefined && slot <= lastSlot ? null : slot;
}

export const trackCutoff = (now: number): number => now - TRACK_RETENTION_MS;

/** A fix between stored ones, for replay: linear in position, height and heading (shortest turn). */
export function positionAt(
  points: readonly { t: number; lon: number; lat: number; heightM: number | null; headingDeg: number | null }[],
  t: number,
): { lon: number; lat: number; heightM: number | null; headingDeg: number | null } | null {
  if (!points.length) return null;
  if (t <= points[0].t) return points[0];
  const last = points[points.length - 1];
  if (t >= last.t) return last;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = points[lo];
  const b = points[hi];
  const f = (t - a.t) / (b.t - a.t);
  const mix = (x: number | null, y: number | null) => (x === null || y === null ? (x ?? y) : x + (y - x) * f);
  const turn = (x: number, y: number) => (x + (((y - x + 540) % 360) - 180) * f + 360) % 360;
  const heading =
    a.headingDeg !== null && b.headingDeg !== null ? turn(a.headingDeg, b.headingDeg) : (a.headingDeg ?? b.headingDeg);
  return {
    lon: a.lon + (b.lon - a.lon) * f,
    lat: a.lat + (b.lat - a.lat) * f,
    heightM: mix(a.heightM, b.heightM),
    headingDeg: heading,
  };
}

/** The live trail of the last `windowMs` (10 minutes on the map). */
export const LIVE_TRAIL_MS = 10 * 60_000;
export function trimTrail<T extends { t: number }>(trail: readonly T[], now: number, windowMs = LIVE_TRAIL_MS): T[] {
  const from = now - windowMs;
  let i = 0;
  while (i < trail.length && trail[i].t < from) i++;
  return i ? trail.slice(i) : [...trail];
}
