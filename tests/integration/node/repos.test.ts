import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineM } from '../../../electron/common/geo';
import type { SeedProgress } from '../../../electron/common/dto';
import { ensureSeeded, seedState } from '../../../electron/node/seed/loader';
import { CameraRepo } from '../../../electron/node/cameras/repo';
import { ReferenceRepo } from '../../../electron/node/reference/repo';
import { RiskPointRepo } from '../../../electron/node/riskmap/repo';
import { openStore, type Db } from '../../../native/sqlite/open';
import { tmpDir } from '../../helpers/tmp';

const OUTSIDE_ROSTER = ['hrss', 'commerce', 'culture-tourism', 'medical-insurance', 'veterans', 'petitions'];
let db: Db;
let file: string;
const progress: SeedProgress[] = [];

beforeAll(async () => {
  file = path.join(tmpDir(), 'store.sqlite');
  db = openStore(file);
  const r = await ensureSeeded(db, { onProgress: (p) => progress.push(p) });
  expect(r.seeded).toBe(true);
});

describe('seed loader', () => {
  it('loads the district and reports monotonic progress ending ready', () => {
    const ref = new ReferenceRepo(db);
    expect(ref.count('towns')).toBe(26);
    expect(ref.count('departments')).toBe(21);
    // the joint-duty roster first (resident, then on call), the bureaus outside it last
    const deps = ref.departments();
    const firstOutside = deps.findIndex((d) => !d.jointDuty);
    expect(deps.slice(0, 4).map((d) => d.role)).toEqual(['resident', 'resident', 'resident', 'resident']);
    expect(deps.slice(firstOutside).map((d) => d.id)).toEqual(OUTSIDE_ROSTER);
    const plan = ref.plan(ref.categories()[0].planId)!;
    expect(plan.nameEn).toMatch(/ response plan$/);
    expect(plan.stepsEn).toHaveLength(plan.steps.length);
    expect(ref.count('risk_categories')).toBe(120);
    expect(ref.count('risk_points')).toBe(22_000);
    expect(ref.count('cameras')).toBe(1_566);
    expect(ref.count('drone_nests')).toBe(2);
    const seeding = progress.filter((p) => p.phase === 'seeding' && p.step !== 'generate');
    expect(seeding.length).toBeGreaterThan(10);
    // one count per phase, in order, each rising to its own total (no count restarts within a phase)
    expect([...new Set(seeding.map((p) => p.step))]).toEqual(['reference', 'risk-points', 'cameras', 'sensors']);
    for (let i = 1; i < seeding.length; i++) {
      if (seeding[i].step === seeding[i - 1].step) expect(seeding[i].done).toBeGreaterThan(seeding[i - 1].done);
    }
    for (const step of ['risk-points', 'cameras', 'sensors']) {
      const last = seeding.filter((p) => p.step === step).at(-1)!;
      expect(last.done).toBe(last.total);
    }
    expect(seeding.find((p) => p.step === 'risk-points')!.total).toBe(22_000);
    expect(progress.at(-1)).toMatchObject({ phase: 'ready' });
  });

  it('does nothing on restart (idempotent) and keeps the same rows', async () => {
    db.close();
    db = openStore(file);
    const before = new RiskPointRepo(db).packed();
    const r = await ensureSeeded(db);
    expect(r.seeded).toBe(false);
    expect(new RiskPointRepo(db).packed()).toEqual(before);
  });

  it('redoes an interrupted seed without duplicating anything', async () => {
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'seed.complete'").run();
    db.prepare('DELETE FROM cameras WHERE rid > 100').run(); // as if the process died mid-cameras
    expect(seedState(db).complete).toBe(false);
    const r = await ensureSeeded(db);
    expect(r.seeded).toBe(true);
    expect(new ReferenceRepo(db).count('cameras')).toBe(1_566);
    expect(new ReferenceRepo(db).count('risk_points')).toBe(22_000);
    expect((db.prepare('SELECT COUNT(*) n FROM risk_points_rtree').get() as { n: number }).n).toBe(22_000);
  });
});

describe('risk point repository', () => {
  it('packs all points into columns that decode to the stored rows', () => {
    const repo = new RiskPointRepo(db);
    const p = repo.packed();
    expect(p.count).toBe(22_000);
    const ids = p.id;
    const lon = p.lon;
    const lvl = p.level;
    const row = repo.get(ids[1234])!;
    expect(lon[1234]).toBe(row.lon);
    expect(['major', 'high', 'moderate', 'low'][lvl[1234]]).toBe(row.level);
  });

  it('counts per level add up to the whole', () => {
    const c = new RiskPointRepo(db).levelCounts();
    expect(c.major + c.high + c.moderate + c.low).toBe(22_000);
  });

  it('queries a box with level and category filters, matching a full scan', () => {
    const repo = new RiskPointRepo(db);
    const bbox: [number, number, number, number] = [106.44, 29.55, 106.47, 29.58];
    const all = db
      .prepare('SELECT id, level, category_id FROM risk_points WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?')
      .all(106.44, 106.47, 29.55, 29.58) as { id: number; level: string; category_id: number }[];
    expect(repo.query({ bbox }).map((p) => p.id)).toEqual(all.map((r) => r.id));
    expect(repo.query({ bbox, level: 'major' }).map((p) => p.id)).toEqual(
      all.filter((r) => r.level === 'major').map((r) => r.id),
    );
    expect(repo.query({ bbox, categoryId: 12 }).every((p) => p.categoryId === 12)).toBe(true);
    expect(repo.query({ bbox, limit: 5 })).toHaveLength(5);
  });

  it('finds Chinese substrings: three or more characters through trigram FTS, two through LIKE', () => {
    const repo = new RiskPointRepo(db);
    const ciqi = repo.search('磁器口', 20);
    expect(ciqi.length).toBe(20);
    expect(ciqi.every((p) => p.name.includes('磁器口') || p.address.includes('磁器口'))).toBe(true);
    const slide = repo.search('深基坑', 500);
    expect(slide.length).toBeGreaterThan(50);
    expect(slide.every((p) => p.name.includes('深基坑'))).toBe(true);
    const two = repo.search('井口', 30);
    expect(two.length).toBe(30);
    expect(two.every((p) => (p.name + p.address).includes('井口'))).toBe(true);
    expect(repo.search('不存在的地名xyz')).toEqual([]);
    expect(repo.search('"; DROP TABLE risk_points; --')).toEqual([]);
    expect(repo.search('100%_')).toEqual([]);
  });
});

describe('camera repository', () => {
  it('nearby equals a brute-force scan, nearest first, with distances', () => {
    const repo = new CameraRepo(db);
    const all = repo.list();
    for (const [lon, lat, r] of [
      [106.4505, 29.583, 500],
      [106.456, 29.56, 1500],
      [106.3, 29.7, 3000],
      [106.41258, 29.57791, 6000],
    ] as const) {
      const expected = all
        .map((c) => ({ id: c.id, d: haversineM(lon, lat, c.lon, c.lat) }))
        .filter((c) => c.d <= r)
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
      const got = repo.nearby(lon, lat, r, 10_000);
      expect(got.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      for (let i = 1; i < got.length; i++) expect(got[i].distanceM).toBeGreaterThanOrEqual(got[i - 1].distanceM);
    }
    expect(repo.nearby(106.4505, 29.583, 500).length).toBeGreaterThan(0);
    expect(repo.get(all[0].id)).toEqual(all[0]);
    expect(repo.get('nope')).toBeNull();
  });
});
