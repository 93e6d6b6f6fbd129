// Geo helpers on WGS-84 lon/lat degrees. Distances in metres (SI inside, unit in the name).

export type LonLat = readonly [lon: number, lat: number];
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function haversineM(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** A box that surely contains every point within radiusM of (lon, lat); used to prefilter an R*Tree. */
export function bboxAround(lon: number, lat: number, radiusM: number): BBox {
  const dLat = radiusM / EARTH_RADIUS_M / RAD;
  // Widen by the cosine at the pole-ward edge so the box never undershoots.
  const edgeLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = dLat / Math.cos(edgeLat * RAD);
  return { minLon: lon - dLon, minLat: lat - dLat, maxLon: lon + dLon, maxLat: lat + dLat };
}

/** The point reached going distanceM from (lon, lat) on bearing bearingDeg (great circle). */
export function destination(lon: number, lat: number, bearingDeg: number, distanceM: number): [number, number] {
  const d = distanceM / EARTH_RADIUS_M;
  const b = bearingDeg * RAD;
  const la1 = lat * RAD;
  const lo1 = lon * RAD;
  const la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
  const lo2 = lo1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
  return [lo2 / RAD, la2 / RAD];
}

/** A closed ring approximating a circle (for nest coverage rings). */
export function circleRing(lon: number, lat: number, radiusM: number, segments = 72): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i <= segments; i++) ring.push(destination(lon, lat, (360 * i) / segments, radiusM));
  return ring;
}

/** Ray casting; ring may be open or closed. Points on the edge count as inside or outside arbitrarily. */
export function pointInRing(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Polygon = outer ring followed by holes (GeoJSON order). */
export function pointInPolygon(lon: number, lat: number, polygon: readonly (readonly LonLat[])[]): boolean {
  if (polygon.length === 0 || !pointInRing(lon, lat, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (pointInRing(lon, lat, polygon[h])) return false;
  return true;
}

/** Andrew's monotone chain; returns the hull counter-clockwise, not closed. */
export function convexHull(points: readonly LonLat[]): [number, number][] {
  const pts = [...points].map((p) => [p[0], p[1]] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * Approximate outward buffer of a convex ring: every vertex is pushed distanceM away from the centroid,
 * then the ring is rounded with a few points per vertex. Good enough for a hand-made approximate outline.
 */
export function bufferConvexRing(ring: readonly LonLat[], distanceM: number, arcSteps = 4): [number, number][] {
  const out: LonLat[] = [];
  for (const [lon, lat] of ring) {
    for (let s = 0; s < 360; s += 360 / arcSteps) out.push(destination(lon, lat, s, distanceM));
  }
  const hull = convexHull(out);
  hull.push([hull[0][0], hull[0][1]]);
  return hull;
}

export function bboxContains(b: BBox, lon: number, lat: number): boolean {
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

export function isValidLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/**
 * Sutherland–Hodgman: the part of `subject` (any simple ring) inside the convex, counter-clockwise
 * ring `clip`. Returns a closed ring (empty when nothing is left).
 */
export function clipToConvex(subject: readonly LonLat[], clip: readonly LonLat[]): [number, number][] {
  const open = (r: readonly LonLat[]) =>
    r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r.slice(0, -1) : r;
  let out: readonly LonLat[] = open(subject);
  const c = open(clip);
  const inside = (p: LonLat, a: LonLat, b: LonLat) =>
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
  const cut = (p: LonLat, q: LonLat, a: LonLat, b: LonLat): LonLat => {
    const a1 = q[1] - p[1],
      b1 = p[0] - q[0],
      c1 = a1 * p[0] + b1 * p[1];
    const a2 = b[1] - a[1],
      b2 = a[0] - b[0],
      c2 = a2 * a[0] + b2 * a[1];
    const det = a1 * b2 - a2 * b1;
    return [(b2 * c1 - b1 * c2) / det, (a1 * c2 - a2 * c1) / det];
  };
  for (let i = 0; i < c.length && out.length; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const input = out;
    const next: LonLat[] = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const pin = inside(p, a, b);
      const qin = inside(q, a, b);
      if (pin) next.push(p);
      if (pin !== qin) next.push(cut(p, q, a, b));
    }
    out = next;
  }
  const ring = out.map((p) => [p[0], p[1]] as [number, number]);
  if (ring.length) ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
