import { describe, expect, it } from 'vitest';
import {
  bboxAround,
  circleRing,
  clipToConvex,
  convexHull,
  destination,
  haversineM,
  pointInPolygon,
  pointInRing,
  bufferConvexRing,
} from '../../../electron/common/geo';

describe('geo', () => {
  it('haversine: one degree of latitude is about 111.2 km; zero for the same point', () => {
    expect(haversineM(106.45, 29.5, 106.45, 30.5)).toBeCloseTo(111_195, -1);
    expect(haversineM(106.45, 29.56, 106.45, 29.56)).toBe(0);
  });

  it('destination then haversine returns the distance travelled, on any bearing', () => {
    for (const bearing of [0, 45, 90, 180, 270, 333]) {
      const [lon, lat] = destination(106.45, 29.56, bearing, 6_000);
      expect(haversineM(106.45, 29.56, lon, lat)).toBeCloseTo(6_000, 3);
    }
  });

  it('bboxAround always contains the circle it was made for', () => {
    for (const lat of [0, 29.56, 60, 80]) {
      const b = bboxAround(106.45, lat, 5_000);
      for (const p of circleRing(106.45, lat, 4_999, 36)) {
        expect(p[0]).toBeGreaterThanOrEqual(b.minLon);
        expect(p[0]).toBeLessThanOrEqual(b.maxLon);
        expect(p[1]).toBeGreaterThanOrEqual(b.minLat);
        expect(p[1]).toBeLessThanOrEqual(b.maxLat);
      }
    }
  });

  it('point in ring and polygon with a hole', () => {
    const outer: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const hole: [number, number][] = [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
    ];
    expect(pointInRing(5, 5, outer)).toBe(true);
    expect(pointInRing(11, 5, outer)).toBe(false);
    expect(pointInPolygon(5, 5, [outer, hole])).toBe(false);
    expect(pointInPolygon(2, 2, [outer, hole])).toBe(true);
    expect(pointInPolygon(2, 2, [])).toBe(false);
  });

  it('convex hull drops interior points and keeps the corners', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [1, 1],
      [0.5, 1.5],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(
      expect.arrayContaining([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ]),
    );
  });

  it('buffered hull contains every original point with margin', () => {
    const pts: [number, number][] = [
      [106.3, 29.5],
      [106.46, 29.55],
      [106.4, 29.7],
    ];
    const ring = bufferConvexRing(convexHull(pts), 1_000);
    for (const [lon, lat] of pts) {
      expect(pointInRing(lon, lat, ring)).toBe(true);
      // 900 m out in any direction is still inside
      for (const b of [0, 90, 180, 270]) expect(pointInRing(...destination(lon, lat, b, 900), ring)).toBe(true);
    }
  });

  it('clipToConvex keeps only the part inside the clip ring', () => {
    const square: [number, number][] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ];
    const clip: [number, number][] = [
      [2, -1],
      [6, -1],
      [6, 5],
      [2, 5],
    ]; // counter-clockwise
    const out = clipToConvex(square, clip);
    expect(out[0]).toEqual(out[out.length - 1]);
    const xs = out.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(2);
    expect(Math.max(...xs)).toBeCloseTo(4);
    expect(
      clipToConvex(square, [
        [10, 10],
        [11, 10],
        [11, 11],
      ]),
    ).toEqual([]);
  });
});
