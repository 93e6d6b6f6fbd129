import { describe, expect, it } from 'vitest';
import { declutter, labelWidthPx, type ScreenItem } from '../../../electron/common/declutter';
import { createRng } from '../../../electron/common/prng';
import { ALL_POINTS_BELOW_M, firstBands, thinBandFor, THIN_BANDS } from '../../../electron/common/thinning';

function field(n: number, seed: number) {
  const r = createRng(seed);
  const lon = Float64Array.from({ length: n }, () => 106.3 + r.next() * 0.2);
  const lat = Float64Array.from({ length: n }, () => 29.5 + r.next() * 0.2);
  const level = Uint8Array.from({ length: n }, () => r.weighted([0, 1, 2, 3], [3, 12, 38, 47]));
  const id = Uint32Array.from({ length: n }, (_, i) => i + 1);
  return { lon, lat, level, id };
}

describe('thinning between city and street zoom', () => {
  const f = field(22_000, 5);
  const first = firstBands(f.lon, f.lat, f.level, f.id);

  it('bands by height: clusters far out, every point close in', () => {
    expect(thinBandFor(30_000)).toBe(-1);
    expect(thinBandFor(20_000)).toBe(0);
    expect(thinBandFor(10_000)).toBe(1);
    expect(thinBandFor(5_000)).toBe(2);
    expect(thinBandFor(ALL_POINTS_BELOW_M - 1)).toBe(THIN_BANDS.length);
  });

  it('every major is drawn from the first band; each band draws more, and never more than its cap per cell', () => {
    for (let i = 0; i < first.length; i++) if (f.level[i] === 0) expect(first[i]).toBe(0);
    const shown = THIN_BANDS.map((_, b) => first.filter((x) => x <= b).length);
    for (let b = 1; b < shown.length; b++) expect(shown[b]).toBeGreaterThan(shown[b - 1]);
    expect(shown[0]).toBeLessThan(22_000 / 3); // reads at city zoom, not one mass
    THIN_BANDS.forEach((band, b) => {
      const perCell = new Map<string, number>();
      for (let i = 0; i < first.length; i++) {
        if (first[i] > b || f.level[i] === 0) continue;
        const key = `${Math.floor(f.lon[i] / band.cellDeg)}:${Math.floor(f.lat[i] / band.cellDeg)}`;
        perCell.set(key, (perCell.get(key) ?? 0) + 1);
      }
      expect(Math.max(...perCell.values())).toBeLessThanOrEqual(band.perCell);
    });
  });

  it('prefers the more severe point in a crowded cell, and is deterministic', () => {
    const lon = [106.40001, 106.40002, 106.40003, 106.40004];
    const lat = [29.50001, 29.50002, 29.50003, 29.50004];
    const got = firstBands(lon, lat, [3, 2, 1, 3], [1, 2, 3, 4], [{ belowHeightM: 1, cellDeg: 0.01, perCell: 1 }]);
    expect([...got]).toEqual([1, 1, 0, 1]); // the high (level 1) one is drawn first
    expect(firstBands(f.lon, f.lat, f.level, f.id)).toEqual(first);
  });
});

describe('declutter', () => {
  const box = (id: string, x: number, y: number, priority: number, w = 40, h = 20): ScreenItem => ({
    id,
    x,
    y,
    w,
    h,
    priority,
  });
  const overlap = (a: ScreenItem, b: ScreenItem) =>
    Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

  it('keeps the higher priority where two would overlap, and both where they do not', () => {
    expect(declutter([box('town', 100, 100, 1), box('nest', 110, 105, 4)])).toEqual(new Set(['nest']));
    expect(declutter([box('a', 100, 100, 1), box('b', 200, 100, 1)])).toEqual(new Set(['a', 'b']));
  });

  it('what it shows never overlaps (random crowds)', () => {
    const r = createRng(11);
    for (let round = 0; round < 20; round++) {
      const items = Array.from({ length: 300 }, (_, k) =>
        box(`i${k}`, r.next() * 1600, r.next() * 900, r.int(1, 5), r.int(16, 90), r.int(12, 30)),
      );
      const shown = items.filter((it) => declutter(items).has(it.id));
      for (let a = 0; a < shown.length; a++)
        for (let b = a + 1; b < shown.length; b++) expect(overlap(shown[a], shown[b])).toBe(false);
      // and no hidden item could have been shown: each one hidden overlaps something shown of at least its priority
      for (const it of items.filter((x) => !shown.includes(x))) {
        expect(shown.some((s) => overlap(s, it) || Math.abs(s.x - it.x) * 2 < s.w + it.w + 4)).toBe(true);
      }
    }
  });

  it('measures CJK wider than Latin', () => {
    expect(labelWidthPx('磁器口街道', 15)).toBeGreaterThan(labelWidthPx('Ciqikou', 15));
  });
});
