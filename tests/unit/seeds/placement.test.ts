// Seeded risk points and cameras where their kinds live (issue 10): footprints, metro, water, slopes,
// named places — with the counts and level shares kept.
import { describe, expect, it } from 'vitest';
import { pointInRing } from '../../../electron/common/geo';
import { osmBasemap } from '../../../seeds/basemap/index';
import { buildSeed } from '../../../seeds/generate/index';
import { nearestTown } from '../../../seeds/generate/placement';
import { distanceToLineM, JIALING_BANK } from '../../../seeds/generate/riverDistance';
import { FAMILIES } from '../../../seeds/reference/categories';
import { PLACES } from '../../../seeds/reference/towns';

const seed = buildSeed();
const osm = osmBasemap();
const family = new Map(seed.categories.map((c) => [c.id, c.familyId]));
const catName = new Map(seed.categories.map((c) => [c.id, c.name]));
const pointsOf = (f: string) => seed.riskPoints.filter((p) => family.get(p.categoryId) === f);
const pairs = (flat: number[]) =>
  Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]] as [number, number]);
const footprints = osm.buildings.map((b) => pairs(b.ring));
const onFootprint = (lon: number, lat: number) => footprints.some((r) => pointInRing(lon, lat, r));
const share = <T>(xs: T[], ok: (x: T) => boolean) => xs.filter(ok).length / xs.length;
const minDist = (lon: number, lat: number, lines: number[][]) =>
  Math.min(...lines.map((l) => distanceToLineM(lon, lat, pairs(l))));
const metroLines = osm.metro.flatMap((m) => m.lines);
const waterRings = osm.water.flatMap((w) => w.rings.map((r) => [...r, r[0], r[1]]));
const nearM = (lon: number, lat: number, p: { lon: number; lat: number }) =>
  Math.hypot((lon - p.lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (lat - p.lat) * 111_320);

describe('where seeded risk points live', () => {
  it('puts high-rise fire and old housing on building footprints', () => {
    for (const f of ['highrise-fire', 'old-housing']) {
      const pts = pointsOf(f);
      expect(pts.length).toBeGreaterThan(1_500);
      expect(share(pts, (p) => onFootprint(p.lon, p.lat))).toBeGreaterThan(0.9);
    }
    // before: scattered uniformly, a few per cent fell on a footprint by chance
    expect(share(pointsOf('gas'), (p) => onFootprint(p.lon, p.lat))).toBeLessThan(0.2);
  });

  it('puts metro construction along the metro lines or at stations', () => {
    const pts = seed.riskPoints.filter((p) => catName.get(p.categoryId) === '轨道交通施工');
    expect(pts.length).toBeGreaterThan(100);
    const ok = (p: { lon: number; lat: number }) =>
      minDist(p.lon, p.lat, metroLines) < 80 || osm.stations.some((s) => nearM(p.lon, p.lat, s) < 450);
    expect(share(pts, ok)).toBeGreaterThan(0.95);
  });

  it('puts flooding beside water (never in it) and along the low Jialing bank', () => {
    const pts = pointsOf('flooding');
    const byWater = (p: { lon: number; lat: number }) => minDist(p.lon, p.lat, waterRings) < 150;
    const byRiver = (p: { lon: number; lat: number }) => distanceToLineM(p.lon, p.lat, JIALING_BANK) < 450;
    expect(share(pts, (p) => byWater(p) || byRiver(p))).toBeGreaterThan(0.97);
    expect(share(pts, byRiver)).toBeGreaterThan(0.35);
    const inWater = pts.filter((p) => osm.water.some((w) => pointInRing(p.lon, p.lat, pairs(w.rings[0]))));
    expect(inWater.length / pts.length).toBeLessThan(0.01);
  });

  it('puts geohazards on the western slopes (Gele Mountain, Zhongliang)', () => {
    const pts = pointsOf('geohazard');
    const west = share(pts, (p) => p.lon < 106.43);
    expect(west).toBeGreaterThan(0.9);
    const towns = new Set(pts.map((p) => p.townCode));
    expect(towns.has('500106009') && towns.has('500106112')).toBe(true);
  });

  it('puts crowds at the named places, stations and schools', () => {
    const hubs = seed.riskPoints.filter((p) => catName.get(p.categoryId) === '交通枢纽');
    const stationsAndHubs = [...osm.stations, ...PLACES.filter((p) => /站$/.test(p.name))];
    expect(share(hubs, (p) => stationsAndHubs.some((s) => nearM(p.lon, p.lat, s) < 600))).toBeGreaterThan(0.95);
    const oldTown = seed.riskPoints.filter((p) => catName.get(p.categoryId) === '景区古镇');
    const ciqikou = PLACES.find((p) => p.name === '磁器口古镇')!;
    expect(share(oldTown, (p) => nearM(p.lon, p.lat, ciqikou) < 1_000)).toBeGreaterThan(0.95);
    expect(oldTown.every((p) => p.townCode === nearestTown(p.lon, p.lat).code)).toBe(true);
  });

  it('keeps the count, each family’s level shares, the town of each point and no invented street', () => {
    expect(seed.riskPoints).toHaveLength(22_000);
    for (const f of FAMILIES) {
      const pts = pointsOf(f.id);
      const total = f.levelMix.reduce((a, b) => a + b, 0);
      (['major', 'high', 'moderate', 'low'] as const).forEach((lv, k) => {
        const got = pts.filter((p) => p.level === lv).length / pts.length;
        expect(Math.abs(got - f.levelMix[k] / total)).toBeLessThan(0.035);
      });
    }
    expect(seed.riskPoints.every((p) => p.townCode === nearestTown(p.lon, p.lat).code)).toBe(true);
    expect(seed.riskPoints.some((p) => /(正街|大道|东路|西路|支路|横街)\d/.test(p.name + p.address))).toBe(false);
  });
});

describe('where seeded cameras live', () => {
  it('puts school-gate cameras on school footprints and flood watches by water', () => {
    const school = seed.cameras.filter((c) => c.name.includes('学校门口'));
    expect(school.length).toBeGreaterThan(50);
    const schoolRings = osm.buildings
      .filter((b) => /school|university|college/.test(b.type ?? ''))
      .map((b) => [...b.ring, b.ring[0], b.ring[1]]);
    // towns without a mapped school keep theirs around the centre; uniformly spread it was a few per cent
    expect(share(school, (c) => minDist(c.lon, c.lat, schoolRings) < 50)).toBeGreaterThan(0.45);
    const flood = seed.cameras.filter((c) => c.name.includes('防汛监测点'));
    expect(flood).toHaveLength(22);
    const wet = (c: { lon: number; lat: number }) =>
      minDist(c.lon, c.lat, waterRings) < 200 || distanceToLineM(c.lon, c.lat, JIALING_BANK) < 300;
    expect(share(flood, wet)).toBeGreaterThan(0.5);
  });
});
