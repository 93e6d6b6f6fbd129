// Loads the embedded default into the store on first start, in chunks with progress, and does
// nothing on later starts. A start interrupted mid-seed is detected (no completion mark) and redone.
import type { Db } from '../../../native/sqlite/open';
import type { SeedProgress } from '../../common/dto';
import { buildSeed, DEFAULT_SEED, SEED_VERSION } from '../../../seeds/generate/index';
import type { SeedBundle } from '../../../seeds/generate/model';
import { seedSensing } from './sensing';

export interface SeedOptions {
  seed?: number;
  chunkSize?: number;
  onProgress?: (p: SeedProgress) => void;
  /** lets the event loop breathe between chunks so the host keeps answering (and progress reaches screens) */
  pause?: () => Promise<void>;
  bundle?: SeedBundle;
}

const SEEDED_TABLES = [
  'risk_points',
  'cameras',
  'drone_nests',
  'risk_categories',
  'response_plans',
  'risk_families',
  'departments',
  'towns',
  'map_layers',
  'responsibility_rules',
  'risk_points_rtree',
  'cameras_rtree',
];

export function seedState(db: Db): { version: string | null; complete: boolean } {
  const get = (k: string) =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value ?? null;
  return { version: get('seed.version'), complete: get('seed.complete') === '1' };
}

export async function ensureSeeded(db: Db, opts: SeedOptions = {}): Promise<{ seeded: boolean; ms: number }> {
  const t0 = performance.now();
  const emit = opts.onProgress ?? (() => {});
  const pause = opts.pause ?? (() => new Promise<void>((r) => setImmediate(r)));
  const state = seedState(db);
  if (state.complete && state.version === SEED_VERSION) {
    emit({ phase: 'ready', step: 'done', done: 1, total: 1 });
    return { seeded: false, ms: performance.now() - t0 };
  }
  emit({ phase: 'seeding', step: 'generate', done: 0, total: 1 });
  await pause();
  const b = opts.bundle ?? buildSeed(opts.seed ?? DEFAULT_SEED);
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );

  db.transaction(() => {
    setMeta.run('seed.complete', '0');
    for (const t of SEEDED_TABLES) db.prepare(`DELETE FROM ${t}`).run();
    setMeta.run('seed.version', b.version);
    insertReference(db, b);
  })();
  // each phase counts its own rows, so no bar restarts or jumps between phases
  emit({ phase: 'seeding', step: 'reference', done: 1, total: 1 });
  await pause();

  const chunk = opts.chunkSize ?? 2_000;
  const insPoint = db.prepare(
    `INSERT INTO risk_points (id, name, category_id, level, town_code, address, lon, lat, sensor_ids_json, plan_id)
     VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );
  const insPointTree = db.prepare(
    'INSERT INTO risk_points_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)',
  );
  for (let i = 0; i < b.riskPoints.length; i += chunk) {
    db.transaction(() => {
      for (const p of b.riskPoints.slice(i, i + chunk)) {
        insPoint.run(
          p.id,
          p.name,
          p.categoryId,
          p.level,
          p.townCode,
          p.address,
          p.lon,
          p.lat,
          JSON.stringify(p.sensorIds),
          p.planId,
        );
        insPointTree.run(p.id, p.lon, p.lon, p.lat, p.lat);
      }
    })();
    emit({
      phase: 'seeding',
      step: 'risk-points',
      done: Math.min(b.riskPoints.length, i + chunk),
      total: b.riskPoints.length,
    });
    await pause();
  }

  const insCam = db.prepare(
    `INSERT INTO cameras (id, name, kind, mount, status, town_code, lon, lat, main_stream_url, sub_stream_url,
       heading_deg, fov_deg, range_m, codec, platform) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insCamTree = db.prepare(
    'INSERT INTO cameras_rtree (rid, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)',
  );
  for (let i = 0; i < b.cameras.length; i += chunk) {
    db.transaction(() => {
      for (const c of b.cameras.slice(i, i + chunk)) {
        const rid = insCam.run(
          c.id,
          c.name,
          c.kind,
          c.mount,
          c.status,
          c.townCode,
          c.lon,
          c.lat,
          c.mainStreamUrl,
          c.subStreamUrl,
          c.headingDeg,
          c.fovDeg,
          c.rangeM,
          c.codec,
          c.platform,
        ).lastInsertRowid;
        insCamTree.run(rid, c.lon, c.lon, c.lat, c.lat);
      }
    })();
    emit({ phase: 'seeding', step: 'cameras', done: Math.min(b.cameras.length, i + chunk), total: b.cameras.length });
    await pause();
  }

  await seedSensing(db, b, emit, pause);

  setMeta.run('seed.complete', '1');
  emit({ phase: 'ready', step: 'done', done: 1, total: 1 });
  return { seeded: true, ms: performance.now() - t0 };
}

function insertReference(db: Db, b: SeedBundle): void {
  const town = db.prepare(
    'INSERT INTO towns (code, name, name_en, kind, managed, lon, lat, point_quality, point_source) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  for (const t of b.towns)
    town.run(t.code, t.name, t.nameEn, t.kind, t.managed ? 1 : 0, t.lon, t.lat, t.pointQuality, t.pointSource);
  const dep = db.prepare(
    'INSERT INTO departments (id, name, name_en, role, joint_duty, duty_phone, contact) VALUES (?,?,?,?,?,?,?)',
  );
  for (const d of b.departments) dep.run(d.id, d.name, d.nameEn, d.role, d.jointDuty ? 1 : 0, d.dutyPhone, d.contact);
  const fam = db.prepare('INSERT INTO risk_families (id, name, name_en) VALUES (?,?,?)');
  for (const f of b.families) fam.run(f.id, f.name, f.nameEn);
  const plan = db.prepare(
    'INSERT INTO response_plans (id, name, name_en, steps_json, steps_en_json, lead_department_id) VALUES (?,?,?,?,?,?)',
  );
  for (const p of b.plans)
    plan.run(p.id, p.name, p.nameEn, JSON.stringify(p.steps), JSON.stringify(p.stepsEn), p.leadDepartmentId);
  const cat = db.prepare(
    'INSERT INTO risk_categories (id, family_id, name, name_en, plan_id, lead_department_id) VALUES (?,?,?,?,?,?)',
  );
  for (const c of b.categories) cat.run(c.id, c.familyId, c.name, c.nameEn, c.planId, c.leadDepartmentId);
  const nest = db.prepare(
    `INSERT INTO drone_nests (id, name, town_code, lon, lat, coverage_radius_m, dock_sn, aircraft_sn, point_quality)
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  for (const n of b.nests)
    nest.run(n.id, n.name, n.townCode, n.lon, n.lat, n.coverageRadiusM, n.dockSn, n.aircraftSn, n.pointQuality);
  const rule = db.prepare('INSERT INTO responsibility_rules (id, priority, rule_json) VALUES (?,?,?)');
  for (const r of b.responsibility) rule.run(r.id, r.priority, JSON.stringify(r));
  const layer = db.prepare('INSERT INTO map_layers (id, geojson) VALUES (?, ?)');
  layer.run('outline', JSON.stringify(b.outline));
  layer.run('rivers', JSON.stringify(b.rivers));
  layer.run('neighbours', JSON.stringify(b.neighbours));
}
