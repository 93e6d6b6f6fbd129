import { describe, expect, it } from 'vitest';
import { insideWithTolerance, intake, IntakeError, pointInRing } from '../../../../electron/common/dispatch/intake';

const square: [number, number][] = [
  [106.3, 29.5],
  [106.5, 29.5],
  [106.5, 29.7],
  [106.3, 29.7],
  [106.3, 29.5],
];
const towns = [
  { code: 't1', name: '磁器口街道', kind: 'street' as const, lon: 106.45, lat: 29.58 },
  { code: 't2', name: '中梁镇', kind: 'town' as const, lon: 106.35, lat: 29.6 },
];
const neighbours = [
  { name: '九龙坡区', lon: 106.51, lat: 29.45 },
  { name: '北碚区', lon: 106.4, lat: 29.8 },
];
const NOW = Date.UTC(2026, 10, 30, 12);
const ctx = { towns, outline: square, neighbours, now: NOW };

describe('intake', () => {
  it('a point in the district is kept as it is, with its nearest town', () => {
    expect(intake({ lon: 106.451, lat: 29.581 }, ctx)).toEqual({ townCode: 't1', flags: [], neighbour: null });
  });

  it('a point 60 km away is kept but flagged outside, naming the neighbour', () => {
    const r = intake({ lon: 106.52, lat: 29.2 }, ctx);
    expect(r).toEqual({ townCode: null, flags: ['outside-district'], neighbour: '九龙坡区' });
  });

  it('just outside the approximate outline still counts as ours (tolerance)', () => {
    expect(intake({ lon: 106.505, lat: 29.6 }, ctx).flags).toEqual([]); // ~480 m east of the edge
    expect(insideWithTolerance(106.52, 29.6, square, 800)).toBe(false); // ~1.9 km
  });

  it('coordinates that contradict the named town are flagged, not moved', () => {
    const r = intake({ lon: 106.35, lat: 29.6, town: 't1' }, ctx);
    expect(r).toEqual({ townCode: 't1', flags: ['town-mismatch'], neighbour: null });
  });

  it('refuses an unknown town, a time in the future or before living memory, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof IntakeError ? e.field : 'other';
      }
      return null;
    };
    expect(field(() => intake({ lon: 106.45, lat: 29.58, town: '不存在镇' }, ctx))).toBe('town');
    expect(field(() => intake({ lon: 106.45, lat: 29.58, occurredAt: NOW + 3_600_000 }, ctx))).toBe('occurredAt');
    expect(field(() => intake({ lon: 106.45, lat: 29.58, occurredAt: 0 }, ctx))).toBe('occurredAt'); // 1970
    expect(field(() => intake({ lon: 106.45, lat: 29.58, occurredAt: NOW - 86_400_000 }, ctx))).toBeNull();
  });

  it('point in ring', () => {
    expect(pointInRing(106.4, 29.6, square)).toBe(true);
    expect(pointInRing(106.6, 29.6, square)).toBe(false);
  });
});
