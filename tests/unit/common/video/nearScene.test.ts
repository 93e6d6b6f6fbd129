import { describe, expect, it } from 'vitest';
import { destination, haversineM } from '../../../../electron/common/geo';
import { createRng } from '../../../../electron/common/prng';
import {
  bearingDeg,
  compassPoint,
  nearScene,
  viewCone,
  type CameraLike,
} from '../../../../electron/common/video/nearScene';

const O = [106.4573, 29.5822] as const;
const cam = (id: string, bearing: number, d: number, status: CameraLike['status'] = 'online'): CameraLike => {
  const [lon, lat] = destination(O[0], O[1], bearing, d);
  return { id, name: id, mount: 'fixed', status, lon, lat };
};

describe('near the scene', () => {
  it('takes the cameras within 500 m nearest first, labelled with distance and bearing', () => {
    const cams = [cam('c', 90, 300), cam('a', 0, 100), cam('far', 0, 900), cam('b', 225, 200), cam('d', 180, 499)];
    const r = nearScene(O[0], O[1], cams);
    expect(r.widened).toBe(false);
    expect(r.radiusM).toBe(500);
    expect(r.cameras.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.cameras.map((c) => c.compass)).toEqual(['N', 'SW', 'E', 'S']);
    expect(r.cameras.map((c) => c.distanceM)).toEqual([100, 200, 300, 499]);
  });

  it('widens to 1 km when fewer than four are within 500 m, and says so', () => {
    const cams = [cam('a', 0, 100), cam('b', 45, 600), cam('c', 90, 999), cam('x', 0, 1_100)];
    const r = nearScene(O[0], O[1], cams);
    expect(r).toMatchObject({ widened: true, radiusM: 1_000, requestedRadiusM: 500 });
    expect(r.cameras.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('a requested radius beyond 1 km is not narrowed', () => {
    const r = nearScene(O[0], O[1], [cam('a', 0, 1_500)], { radiusM: 2_000 });
    expect(r).toMatchObject({ widened: false, radiusM: 2_000 });
    expect(r.cameras).toHaveLength(1);
  });

  it('property: the result is exactly the k nearest within the radius used, ties by id', () => {
    const rng = createRng(8);
    for (let round = 0; round < 200; round++) {
      const n = rng.int(0, 40);
      const cams = Array.from({ length: n }, (_, i) =>
        cam(`c${rng.int(0, 999)}-${i}`, rng.next() * 360, rng.next() * 1_600),
      );
      const max = rng.int(1, 16);
      const r = nearScene(O[0], O[1], cams, { max });
      const d = (c: CameraLike) => haversineM(O[0], O[1], c.lon, c.lat);
      const inside = cams.filter((c) => d(c) <= r.radiusM);
      expect(r.cameras.length).toBe(Math.min(max, inside.length));
      const chosen = new Set(r.cameras.map((c) => c.id));
      const worst = Math.max(-1, ...r.cameras.map((c) => d(cams.find((x) => x.id === c.id)!)));
      for (const c of inside) if (!chosen.has(c.id)) expect(d(c)).toBeGreaterThanOrEqual(worst);
      for (let i = 1; i < r.cameras.length; i++)
        expect(r.cameras[i].distanceM).toBeGreaterThanOrEqual(r.cameras[i - 1].distanceM);
      const within500 = cams.filter((c) => d(c) <= 500).length;
      expect(r.widened).toBe(within500 < 4);
    }
  });

  it('bearing and compass points', () => {
    expect(bearingDeg(106, 29, 106, 30)).toBeCloseTo(0, 6);
    expect(bearingDeg(106, 29, 107, 29)).toBeCloseTo(89.76, 1);
    expect(bearingDeg(106, 29, 106, 28)).toBeCloseTo(180, 6);
    expect([0, 22, 23, 67, 90, 180, 270, 337, 338, 359].map(compassPoint)).toEqual([
      'N',
      'N',
      'NE',
      'NE',
      'E',
      'S',
      'W',
      'NW',
      'N',
      'N',
    ]);
  });

  it('a view cone starts and ends at the camera and its arc is at the range, inside the field of view', () => {
    const ring = viewCone(O[0], O[1], 90, 60, 120, 6);
    expect(ring[0]).toEqual([O[0], O[1]]);
    expect(ring[ring.length - 1]).toEqual([O[0], O[1]]);
    for (const p of ring.slice(1, -1)) {
      expect(haversineM(O[0], O[1], p[0], p[1])).toBeCloseTo(120, 3);
      const b = bearingDeg(O[0], O[1], p[0], p[1]);
      expect(b).toBeGreaterThanOrEqual(59.99);
      expect(b).toBeLessThanOrEqual(120.01);
    }
  });
});
