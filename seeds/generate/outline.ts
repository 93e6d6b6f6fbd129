// The embedded default's district outline: a buffered convex hull of open points (town centres and
// article places), cut along the Jialing river (the district lies on its west/south bank; Natural
// Earth, public domain). Deliberately approximate and flagged so in the UI; the authoritative boundary
// can be imported by the user. Nothing here is derived from the restricted boundary files.
import { bufferConvexRing, clipToConvex, convexHull, type LonLat } from '../../electron/common/geo';
import { JIALING_LINE, PLACES, TOWNS } from '../reference/towns';

export const OUTLINE_BUFFER_M = 1200;

/** The bank of the Jialing the district is on: the river line closed far to the south-west. */
export function districtBankRing(): [number, number][] {
  const first = JIALING_LINE[0];
  const last = JIALING_LINE[JIALING_LINE.length - 1];
  return [
    ...JIALING_LINE.map((p) => [p[0], p[1]] as [number, number]),
    [last[0], 29.3],
    [106.0, 29.3],
    [106.0, first[1]],
    [first[0], first[1]],
  ];
}

export function approximateOutline(): [number, number][] {
  const pts: LonLat[] = [...TOWNS.map((t) => [t.lon, t.lat] as const), ...PLACES.map((p) => [p.lon, p.lat] as const)];
  const hull = bufferConvexRing(convexHull(pts), OUTLINE_BUFFER_M, 8);
  return clipToConvex(districtBankRing(), hull).map(([lon, lat]) => [
    Math.round(lon * 1e6) / 1e6,
    Math.round(lat * 1e6) / 1e6,
  ]);
}
