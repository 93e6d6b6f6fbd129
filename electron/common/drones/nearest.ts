// The nearest dock to a point: distance, whether the point is inside its coverage, ETA at cruise speed
// (straight line, after launch), and whether it can fly now. Used beside every incident on the board.
import { haversineM } from '../geo';
import type { NearestDock, Readiness } from './types';

export const CRUISE_SPEED_MPS = 12;

export interface DockPlace {
  sn: string;
  name: string;
  lon: number;
  lat: number;
  coverageRadiusM: number;
  readiness: Readiness;
}

/** Nearest dock covering the point; if none covers it, the nearest one with `inRange: false`; null with no docks. */
export function nearestDock(
  docks: readonly DockPlace[],
  lon: number,
  lat: number,
  cruiseSpeedMps = CRUISE_SPEED_MPS,
): NearestDock | null {
  let best: { d: DockPlace; m: number; inRange: boolean } | null = null;
  for (const d of docks) {
    const m = haversineM(d.lon, d.lat, lon, lat);
    const inRange = m <= d.coverageRadiusM;
    // in range beats out of range; then the nearest; then a ready dock; then the sn (stable)
    const better =
      !best ||
      (inRange && !best.inRange) ||
      (inRange === best.inRange &&
        (m < best.m - 1 ||
          (Math.abs(m - best.m) <= 1 &&
            (Number(d.readiness.ready) > Number(best.d.readiness.ready) ||
              (d.readiness.ready === best.d.readiness.ready && d.sn < best.d.sn)))));
    if (better) best = { d, m, inRange };
  }
  if (!best) return null;
  return {
    dockSn: best.d.sn,
    name: best.d.name,
    distanceM: Math.round(best.m),
    inRange: best.inRange,
    coverageRadiusM: best.d.coverageRadiusM,
    etaS: Math.round(best.m / cruiseSpeedMps),
    cruiseSpeedMps,
    ready: best.d.readiness.ready,
    reasons: best.d.readiness.reasons,
  };
}
