// Areas an officer picks for a download or a field package, turned into a box or a polygon: a town or
// street (we hold centre points, not boundaries, so its area is the part of the district nearer its
// centre than any other — said so in the label), or a radius around an incident.
import { circleRing, clipToConvex, type LonLat } from '../geo';
import type { ResolvedArea } from './download';
import { bboxLabel } from './download';
import type { BBoxArr } from './mercator';
import { bboxOfRing, ringOfBBox } from './mercator';

const RAD = Math.PI / 180;

/** Clips a convex polygon by the half-plane of points nearer a than b (x scaled by cos(lat)). */
function clipNearer(poly: [number, number][], a: LonLat, b: LonLat, k: number): [number, number][] {
  const f = (p: readonly [number, number]) => {
    const da = ((p[0] - a[0]) * k) ** 2 + (p[1] - a[1]) ** 2;
    const db = ((p[0] - b[0]) * k) ** 2 + (p[1] - b[1]) ** 2;
    return db - da; // ≥ 0: nearer a
  };
  const out: [number, number][] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const fp = f(p);
    const fq = f(q);
    if (fp >= 0) out.push(p);
    if (fp >= 0 !== fq >= 0) {
      const t = fp / (fp - fq);
      out.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
    }
  }
  return out;
}

/**
 * The part of `outline` nearer the centre of `code` than any other centre (a Voronoi cell), as a ring.
 * Null when the code is unknown or the cell is empty.
 */
export function townCell(
  code: string,
  towns: readonly { code: string; lon: number; lat: number }[],
  outline: readonly LonLat[],
): [number, number][] | null {
  const me = towns.find((t) => t.code === code);
  if (!me) return null;
  const b = bboxOfRing(outline as [number, number][]);
  const pad = 0.05;
  let cell: [number, number][] = ringOfBBox([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]).slice(0, 4);
  const k = Math.cos(me.lat * RAD);
  for (const t of towns) {
    if (t.code === code) continue;
    cell = clipNearer(cell, [me.lon, me.lat], [t.lon, t.lat], k);
    if (cell.length < 3) return null;
  }
  const clipped = clipToConvex(outline, cell);
  return clipped.length >= 3 ? clipped : null;
}

export interface AreaContext {
  towns: readonly { code: string; name: string; lon: number; lat: number }[];
  outline: readonly LonLat[];
  incident: (id: string) => { lon: number; lat: number; ref: string } | null;
}

export type AreaPick =
  { bbox: BBoxArr } | { polygon: [number, number][] } | { townCode: string } | { incidentId: string; radiusM: number };

export class AreaError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function resolveArea(pick: AreaPick, ctx: AreaContext): ResolvedArea {
  if ('bbox' in pick) return { bbox: pick.bbox, label: bboxLabel(pick.bbox) };
  if ('polygon' in pick) return { ring: pick.polygon, label: `polygon of ${pick.polygon.length} points` };
  if ('townCode' in pick) {
    const t = ctx.towns.find((x) => x.code === pick.townCode);
    if (!t) throw new AreaError('townCode', `no town or street with code ${pick.townCode}`);
    const ring = townCell(pick.townCode, ctx.towns, ctx.outline);
    if (!ring) throw new AreaError('townCode', `${t.name} has no area inside the district outline`);
    return { ring, label: `${t.name} (approximate: nearer its centre than any other)` };
  }
  const i = ctx.incident(pick.incidentId);
  if (!i) throw new AreaError('incidentId', `no incident ${pick.incidentId}`);
  return {
    ring: circleRing(i.lon, i.lat, pick.radiusM, 48),
    label: `${Math.round(pick.radiusM)} m around incident ${i.ref}`,
  };
}

export const areaBBox = (a: ResolvedArea): BBoxArr => ('bbox' in a ? a.bbox : bboxOfRing(a.ring));
