import { describe, expect, it } from 'vitest';
import { clusterCellDeg, clusterPixelSize, clusterPoints } from '../../../electron/common/cluster';
import { createRng } from '../../../electron/common/prng';

describe('clustering', () => {
  it('chooses no clustering close in and coarser cells further out', () => {
    expect(clusterCellDeg(5_000)).toBeNull();
    expect(clusterCellDeg(24_999)).toBeNull();
    expect(clusterCellDeg(25_000)).toBe(0.02);
    expect(clusterCellDeg(60_000)).toBe(0.04);
    expect(clusterCellDeg(100_000)).toBe(0.08);
    expect(clusterCellDeg(1e7)).toBe(0.5);
    expect(clusterCellDeg(NaN)).toBeNull();
  });

  it('conserves points, computes centroids and the worst level per cell', () => {
    const lon = [106.001, 106.003, 106.5, 106.502];
    const lat = [29.001, 29.003, 29.5, 29.501];
    const lvl = [3, 1, 2, 2];
    const c = clusterPoints(lon, lat, lvl, 0.01);
    expect(c).toHaveLength(2);
    const a = c.find((x) => x.lon < 106.1)!;
    expect(a.count).toBe(2);
    expect(a.lon).toBeCloseTo(106.002);
    expect(a.worstLevel).toBe(1);
    expect(a.levels).toEqual([0, 1, 0, 1]);
  });

  it('respects the include filter and never loses a point (random data)', () => {
    const r = createRng(3);
    const n = 5000;
    const lon = Array.from({ length: n }, () => 106.2 + r.next() * 0.3);
    const lat = Array.from({ length: n }, () => 29.4 + r.next() * 0.3);
    const lvl = Array.from({ length: n }, () => r.int(0, 3));
    for (const cell of [0.005, 0.02, 0.2]) {
      const all = clusterPoints(lon, lat, lvl, cell);
      expect(all.reduce((s, c) => s + c.count, 0)).toBe(n);
      const onlyMajor = clusterPoints(lon, lat, lvl, cell, (i) => lvl[i] === 0);
      expect(onlyMajor.reduce((s, c) => s + c.count, 0)).toBe(lvl.filter((x) => x === 0).length);
      expect(onlyMajor.every((c) => c.worstLevel === 0)).toBe(true);
    }
    expect(() => clusterPoints(lon, lat, lvl, 0)).toThrow(/positive/);
  });

  it('sizes markers monotonically within bounds', () => {
    expect(clusterPixelSize(1)).toBe(10);
    expect(clusterPixelSize(100)).toBeGreaterThan(clusterPixelSize(10));
    expect(clusterPixelSize(1e9)).toBe(34);
  });
});
