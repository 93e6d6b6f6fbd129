// What intake checks about a report before it is kept: when it happened (not in the future, not
// before living memory), and where — inside the district or not (then the neighbour is named and the
// matter goes to cross-district handling), and whether the coordinates agree with the named town.
// A report is never lost for where it is: it is kept, flagged.
import { haversineM, pointInRing } from '../geo';

export { pointInRing };
import type { IncidentFlag, IncidentReport } from './types';

/** how far into the future a report's clock may run ahead of ours */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** reports of events older than this are refused (a typing slip, not a report) */
export const MAX_AGE_MS = 366 * 86_400_000;
/** a point this close outside our approximate outline still counts as ours */
export const OUTLINE_TOLERANCE_M = 800;

export interface IntakeTown {
  code: string;
  name: string;
  kind: 'street' | 'town';
  lon: number;
  lat: number;
}
export interface Neighbour {
  name: string;
  lon: number;
  lat: number;
}
export interface IntakeContext {
  towns: readonly IntakeTown[];
  /** the district outline (closed ring, lon/lat); empty = unknown, nothing is flagged outside */
  outline: readonly (readonly [number, number])[];
  neighbours: readonly Neighbour[];
  now: number;
}
export interface IntakeResult {
  townCode: string | null;
  flags: IncidentFlag[];
  neighbour: string | null;
}

export class IntakeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const TOWN_RADIUS_M = { street: 3_500, town: 7_000 } as const;

/** Throws IntakeError (naming the field) for what cannot be kept; otherwise where the report lies. */
export function intake(
  r: Pick<IncidentReport, 'lon' | 'lat' | 'town' | 'occurredAt'>,
  ctx: IntakeContext,
): IntakeResult {
  if (r.occurredAt !== undefined) {
    if (r.occurredAt > ctx.now + FUTURE_TOLERANCE_MS) {
      throw new IntakeError('occurredAt', 'occurredAt is in the future');
    }
    if (r.occurredAt < ctx.now - MAX_AGE_MS) throw new IntakeError('occurredAt', 'occurredAt is more than a year ago');
  }
  let named: IntakeTown | null = null;
  if (r.town !== undefined) {
    named = ctx.towns.find((t) => t.code === r.town || t.name === r.town) ?? null;
    if (!named) throw new IntakeError('town', `unknown town ${JSON.stringify(r.town)}`);
  }
  const flags: IncidentFlag[] = [];
  let neighbour: string | null = null;
  if (ctx.outline.length > 2 && !insideWithTolerance(r.lon, r.lat, ctx.outline, OUTLINE_TOLERANCE_M)) {
    flags.push('outside-district');
    neighbour = nearest(ctx.neighbours, r.lon, r.lat)?.name ?? null;
  }
  if (named && haversineM(r.lon, r.lat, named.lon, named.lat) > TOWN_RADIUS_M[named.kind]) flags.push('town-mismatch');
  const townCode = named?.code ?? (flags.includes('outside-district') ? null : nearestTown(ctx.towns, r.lon, r.lat));
  return { townCode, flags, neighbour };
}

function nearest<T extends { lon: number; lat: number }>(list: readonly T[], lon: number, lat: number): T | null {
  let best: { t: T; d: number } | null = null;
  for (const t of list) {
    const d = haversineM(lon, lat, t.lon, t.lat);
    if (!best || d < best.d) best = { t, d };
  }
  return best?.t ?? null;
}

function nearestTown(towns: readonly IntakeTown[], lon: number, lat: number): string | null {
  const t = nearest(towns, lon, lat);
  return t && haversineM(lon, lat, t.lon, t.lat) <= 8_000 ? t.code : null;
}

/** Inside the ring, or within `toleranceM` of one of its edges. */
export function insideWithTolerance(
  lon: number,
  lat: number,
  ring: readonly (readonly [number, number])[],
  toleranceM: number,
): boolean {
  if (pointInRing(lon, lat, ring)) return true;
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((lat * Math.PI) / 180);
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = (ring[j][0] - lon) * mPerDegLon;
    const ay = (ring[j][1] - lat) * mPerDegLat;
    const bx = (ring[i][0] - lon) * mPerDegLon;
    const by = (ring[i][1] - lat) * mPerDegLat;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    if (Math.hypot(ax + t * dx, ay + t * dy) <= toleranceM) return true;
  }
  return false;
}
