import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../../../electron/common/geo';
import { createRng } from '../../../../electron/common/prng';
import { AreaError, resolveArea, townCell } from '../../../../electron/common/tiles/areas';

const outline: [number, number][] = [
  [106.25, 29.47],
  [106.53, 29.47],
  [106.53, 29.75],
  [106.25, 29.75],
];
const towns = [
  { code: '500106001', name: '甲街道', lon: 106.46, lat: 29.56 },
  { code: '500106002', name: '乙街道', lon: 106.44, lat: 29.6 },
  { code: '500106003', name: '丙镇', lon: 106.33, lat: 29.6 },
  { code: '500106004', name: '丁镇', lon: 106.38, lat: 29.5 },
];

describe('areas for downloads and packages', () => {
  it("a town's area holds its centre and every point nearer it than any other centre (property)", () => {
    const cells = towns.map((t) => townCell(t.code, towns, outline)!);
    cells.forEach((c, k) => expect(pointInRing(towns[k].lon, towns[k].lat, c)).toBe(true));
    const rng = createRng(5);
    const k = Math.cos((29.6 * Math.PI) / 180);
    for (let i = 0; i < 2_000; i++) {
      const lon = 106.26 + rng.next() * 0.26;
      const lat = 29.48 + rng.next() * 0.26;
      const d = towns.map((t) => ((t.lon - lon) * k) ** 2 + (t.lat - lat) ** 2);
      const nearest = d.indexOf(Math.min(...d));
      const sorted = [...d].sort((a, b) => a - b);
      if (sorted[1] - sorted[0] < 1e-7) continue; // on a border
      expect(cells.map((c) => pointInRing(lon, lat, c)).indexOf(true)).toBe(nearest);
    }
  });

  it('resolves a town, an incident radius and a box, and names what it cannot find', () => {
    const ctx = {
      towns,
      outline,
      incident: (id: string) => (id === 'I1' ? { lon: 106.45, lat: 29.56, ref: '0601-AB' } : null),
    };
    expect(resolveArea({ townCode: '500106002' }, ctx).label).toMatch(/乙街道 \(approximate/);
    const r = resolveArea({ incidentId: 'I1', radiusM: 2_000 }, ctx);
    expect('ring' in r && r.ring.length).toBe(49);
    expect(r.label).toBe('2000 m around incident 0601-AB');
    expect(() => resolveArea({ townCode: '500106099' }, ctx)).toThrow(AreaError);
    expect(() => resolveArea({ incidentId: 'nope', radiusM: 100 }, ctx)).toThrow(/no incident nope/);
  });
});
