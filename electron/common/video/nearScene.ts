// "Cameras near the scene": the cameras within 500 m of a point, nearest first, widened to 1 km when
// fewer than four are that near; each labelled with its distance and the bearing from the scene.
import { destination, haversineM } from '../geo';
import { COMPASS_POINTS, type CompassPoint, type NearCameraDto } from './types';

export const NEAR_RADIUS_M = 500;
export const WIDE_RADIUS_M = 1_000;
export const MIN_NEAR_CAMERAS = 4;
export const MAX_WALL_TILES = 16;

const RAD = Math.PI / 180;

/** Initial great-circle bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const phi1 = aLat * RAD;
  const phi2 = bLat * RAD;
  const dLambda = (bLon - aLon) * RAD;
  const y = Math.sin(dLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
  const deg = Math.atan2(y, x) / RAD;
  return ((deg % 360) + 360) % 360;
}

/** The nearest of the eight compass points (N covers 337.5°–22.5°). */
export function compassPoint(deg: number): CompassPoint {
  const i = Math.round((((deg % 360) + 360) % 360) / 45) % 8;
  return COMPASS_POINTS[i];
}

export interface CameraLike {
  id: string;
  name: string;
  mount: 'fixed' | 'ptz';
  status: 'online' | 'offline' | 'fault';
  lon: number;
  lat: number;
}

export interface NearSceneOptions {
  radiusM?: number;
  widenToM?: number;
  minCount?: number;
  max?: number;
}

export interface NearScene {
  cameras: NearCameraDto[];
  requestedRadiusM: number;
  radiusM: number;
  widened: boolean;
}

/**
 * Picks from `candidates` (any superset of the cameras within the widest radius) those within the
 * radius, nearest first (ties by id), widening once when fewer than `minCount` are that near.
 */
export function nearScene(
  lon: number,
  lat: number,
  candidates: readonly CameraLike[],
  opts: NearSceneOptions = {},
): NearScene {
  const requested = opts.radiusM ?? NEAR_RADIUS_M;
  const wide = Math.max(requested, opts.widenToM ?? WIDE_RADIUS_M);
  const minCount = opts.minCount ?? MIN_NEAR_CAMERAS;
  const max = opts.max ?? MAX_WALL_TILES;
  const measured = candidates
    .map((c) => ({ c, d: haversineM(lon, lat, c.lon, c.lat) }))
    .filter((x) => x.d <= wide)
    .sort((a, b) => a.d - b.d || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  let within = measured.filter((x) => x.d <= requested);
  let radiusM = requested;
  const widened = within.length < minCount && wide > requested;
  if (widened) {
    within = measured;
    radiusM = wide;
  }
  const cameras = within.slice(0, max).map(({ c, d }) => {
    const b = bearingDeg(lon, lat, c.lon, c.lat);
    return {
      id: c.id,
      name: c.name,
      mount: c.mount,
      status: c.status,
      lon: c.lon,
      lat: c.lat,
      distanceM: Math.round(d),
      bearingDeg: Math.round(b),
      compass: compassPoint(b),
    };
  });
  return { cameras, requestedRadiusM: requested, radiusM, widened };
}

/** The widest radius nearScene may need, so callers can prefilter with one R*Tree query. */
export function candidateRadiusM(radiusM = NEAR_RADIUS_M, widenToM = WIDE_RADIUS_M): number {
  return Math.max(radiusM, widenToM);
}

/** A fixed camera's field of view as a closed ring: the camera, an arc at its range, back. */
export function viewCone(
  lon: number,
  lat: number,
  headingDeg: number,
  fovDeg: number,
  rangeM: number,
  steps = 12,
): [number, number][] {
  const ring: [number, number][] = [[lon, lat]];
  const start = headingDeg - fovDeg / 2;
  for (let i = 0; i <= steps; i++) ring.push(destination(lon, lat, start + (fovDeg * i) / steps, rangeM));
  ring.push([lon, lat]);
  return ring;
}
