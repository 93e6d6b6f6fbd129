import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../../electron/common/geo';
import { fnv1a } from '../../../electron/common/prng';
import { buildSeed } from '../../../seeds/generate/index';

const seed = buildSeed();

describe('district seed', () => {
  it('has the district’s real scale', () => {
    expect(seed.towns).toHaveLength(26);
    expect(seed.towns.filter((t) => t.managed)).toHaveLength(22);
    expect(new Set(seed.towns.map((t) => t.code)).size).toBe(26);
    expect(seed.departments).toHaveLength(21); // 4 + 10 on the roster, 6 bureaus beyond it, the cross-district desk
    // bureaus citizen requests reach beyond the 4+N duty, seeded off the joint-duty roster
    expect(seed.departments.filter((d) => !d.jointDuty).map((d) => d.id)).toEqual([
      'hrss',
      'commerce',
      'culture-tourism',
      'medical-insurance',
      'veterans',
      'petitions',
    ]);
    expect(
      seed.departments
        .filter((d) => d.role === 'resident')
        .map((d) => d.id)
        .sort(),
    ).toEqual(['emergency', 'fire', 'police', 'urban']);
    expect(seed.families).toHaveLength(12);
    expect(seed.categories).toHaveLength(120);
    expect(seed.riskPoints).toHaveLength(22_000);
    expect(seed.cameras.filter((c) => c.kind === 'video-network')).toHaveLength(66);
    expect(seed.cameras.filter((c) => c.kind === 'public-safety').length).toBeGreaterThanOrEqual(1_500);
    expect(seed.nests.map((n) => n.townCode).sort()).toEqual(['500106009', '500106112']);
    expect(seed.nests.every((n) => n.coverageRadiusM === 6_000)).toBe(true);
  });

  it('is deterministic: the same seed gives the same district, another seed another', () => {
    const hash = (s: ReturnType<typeof buildSeed>) => fnv1a(JSON.stringify([s.riskPoints, s.cameras]));
    expect(hash(buildSeed())).toBe(hash(seed));
    expect(hash(buildSeed(1))).not.toBe(hash(seed));
  });

  it('links every risk point to a category, a plan (100 %), sensors, a town and an address', () => {
    const cats = new Map(seed.categories.map((c) => [c.id, c]));
    const plans = new Set(seed.plans.map((p) => p.id));
    const towns = new Set(seed.towns.map((t) => t.code));
    for (const p of seed.riskPoints) {
      expect(cats.get(p.categoryId)?.planId).toBe(p.planId);
      expect(plans.has(p.planId)).toBe(true);
      expect(towns.has(p.townCode)).toBe(true);
      expect(p.sensorIds.length).toBeGreaterThan(0);
      expect(p.address).toMatch(/^重庆市沙坪坝区/);
    }
    // every category occurs, each family has ten, every category has a lead department that exists
    expect(new Set(seed.riskPoints.map((p) => p.categoryId)).size).toBe(120);
    const deps = new Set(seed.departments.map((d) => d.id));
    expect(seed.categories.every((c) => deps.has(c.leadDepartmentId))).toBe(true);
  });

  it('uses all four levels with major the rarest', () => {
    const n = (l: string) => seed.riskPoints.filter((p) => p.level === l).length;
    expect(n('major')).toBeGreaterThan(0);
    expect(n('major')).toBeLessThan(n('high'));
    expect(n('high')).toBeLessThan(n('moderate'));
    expect(n('major') + n('high') + n('moderate') + n('low')).toBe(22_000);
  });

  it('places everything inside its own approximate outline, denser in the urban east', () => {
    const ring = seed.outline.ring;
    expect(seed.outline.approximate).toBe(true);
    expect(seed.riskPoints.every((p) => pointInRing(p.lon, p.lat, ring))).toBe(true);
    expect(seed.cameras.every((c) => pointInRing(c.lon, c.lat, ring))).toBe(true);
    const east = seed.riskPoints.filter((p) => p.lon > 106.43).length / seed.riskPoints.length;
    expect(east).toBeGreaterThan(0.5);
  });

  it('gives cameras GB/T 28181-shaped unique ids and both stream urls', () => {
    expect(new Set(seed.cameras.map((c) => c.id)).size).toBe(seed.cameras.length);
    for (const c of seed.cameras) {
      expect(c.id).toMatch(/^5001060000132\d{7}$/);
      expect(c.mainStreamUrl).toContain(c.id);
      expect(c.subStreamUrl).not.toBe(c.mainStreamUrl);
    }
    expect(new Set(seed.cameras.map((c) => c.mount))).toEqual(new Set(['fixed', 'ptz']));
  });
});
