// The night watch's seed in a real store: every sensor id a risk point links is a sensor with a kind,
// unit-bearing thresholds and a sensible interval; the stations carry their real levels and the datum
// note; a sensor keeps its rid when the district is seeded again.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapseGrade, collapseScore, type CollapseUnit } from '../../../../electron/common/rules/collapse';
import type { StationDef } from '../../../../electron/common/flood/types';
import { ruleSpecSchema } from '../../../../electron/common/rules/threshold';
import { SENSOR_KINDS } from '../../../../electron/common/sensors/kinds';
import { ensureSeeded } from '../../../../electron/node/seed/loader';
import { openStore, type Db } from '../../../../native/sqlite/open';
import { tmpDir } from '../../../helpers/tmp';

let db: Db;
const ref = <T>(key: string): T =>
  JSON.parse((db.prepare('SELECT json FROM sensing_reference WHERE key = ?').get(key) as { json: string }).json) as T;

beforeAll(async () => {
  db = openStore(path.join(tmpDir(), 'sensing.sqlite'));
  await ensureSeeded(db);
}, 120_000);
afterAll(() => db.close());

describe('the sensing seed', () => {
  it('links every risk point to sensors that exist (100 % link rate), of about 20 kinds', () => {
    const missing = db
      .prepare(
        `SELECT count(*) FROM risk_points p, json_each(p.sensor_ids_json) j
         WHERE NOT EXISTS (SELECT 1 FROM sensors s WHERE s.id = j.value)`,
      )
      .pluck()
      .get();
    expect(missing).toBe(0);
    const kinds = db.prepare('SELECT DISTINCT kind FROM sensors').pluck().all() as string[];
    expect(kinds.length).toBeGreaterThanOrEqual(20);
    for (const k of kinds) expect(SENSOR_KINDS).toContain(k);
    const rules = db.prepare('SELECT rule_json FROM sensors ORDER BY rid LIMIT 2000').pluck().all() as string[];
    for (const r of rules) expect(ruleSpecSchema.safeParse(JSON.parse(r)).success).toBe(true);
  });

  it('seeds the river stations with their real warning and guarantee levels and the datum note', () => {
    const stations = ref<StationDef[]>('stations');
    const cqk = stations.find((s) => s.id === 'cqk')!;
    expect(cqk).toMatchObject({ name: '磁器口', warningM: 182.64, guaranteeM: 185.64, order: 0 });
    expect(cqk.peak2020).toMatchObject({ stageM: 194.29, aboveGuaranteeM: 8.65 });
    expect(cqk.altThresholds).toMatchObject({ warningM: 181, guaranteeM: 184 });
    expect(cqk.datumNote).toMatch(/Verify before operational use/);
    const rule = JSON.parse(db.prepare("SELECT rule_json FROM sensors WHERE id = 'HY-CQK-01'").pluck().get() as string);
    expect(rule).toMatchObject({ warning: 182.64, critical: 185.64, direction: 'above' });
    const flooded = db
      .prepare('SELECT count(*) FROM flood_exposure WHERE flood_stage_m <= 194.29')
      .pluck()
      .get() as number;
    expect(flooded).toBeGreaterThan(100);
  });

  it('seeds the collapse pilot: 68 cells of 250 m (4.25 km²), 16 at medium or above while all is calm', () => {
    const units = ref<CollapseUnit[]>('collapse-units');
    expect(units).toHaveLength(68);
    const warned = units.filter((u) => collapseGrade(collapseScore(u, () => null).score) !== 'low');
    expect(warned).toHaveLength(16);
    expect(units.some((u) => u.riverside)).toBe(true);
  });

  it('keeps each sensor rid when the district is seeded again', async () => {
    const before = db.prepare('SELECT id, rid FROM sensors ORDER BY rid').all();
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'seed.complete'").run();
    await ensureSeeded(db);
    expect(db.prepare('SELECT id, rid FROM sensors ORDER BY rid').all()).toEqual(before);
  }, 120_000);
});
