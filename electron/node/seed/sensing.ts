// Writes the night watch's seed (sensors, stations, exposure to the river, the collapse pilot, the KPI
// library, scenarios) as part of the first-start seed, in chunks with progress. Runtime data (readings,
// rule states, levels, alarms, handovers) is never touched by a re-seed.
import type { Db } from '../../../native/sqlite/open';
import type { SeedProgress } from '../../common/dto';
import type { SeedBundle } from '../../../seeds/generate/model';
import { buildSensing } from '../../../seeds/generate/sensing';
import { FLOOD_2020 } from '../../../seeds/reference/hydrology';
import { SENSING_KEYS } from '../sensors/keys';

export async function seedSensing(
  db: Db,
  b: SeedBundle,
  emit: (p: SeedProgress) => void,
  pause: () => Promise<void>,
  chunk = 4_000,
): Promise<void> {
  const s = buildSensing(b);
  // a sensor keeps its rid across re-seeds, so its stored series and rule state stay its own
  const rids = new Map(
    (db.prepare('SELECT id, rid FROM sensors').all() as { id: string; rid: number }[]).map((r) => [r.id, r.rid]),
  );
  let nextRid = 0;
  for (const r of rids.values()) nextRid = Math.max(nextRid, r);
  db.transaction(() => {
    for (const t of ['sensors', 'flood_exposure', 'sensing_reference']) db.prepare(`DELETE FROM ${t}`).run();
    const ref = db.prepare('INSERT INTO sensing_reference (key, json) VALUES (?, ?)');
    ref.run(SENSING_KEYS.stations, JSON.stringify(s.stations));
    ref.run(SENSING_KEYS.calm, JSON.stringify(s.calm));
    ref.run(SENSING_KEYS.collapse, JSON.stringify(s.collapseUnits));
    ref.run(SENSING_KEYS.indicators, JSON.stringify(s.indicators));
    ref.run(SENSING_KEYS.scenarios, JSON.stringify(s.scenarios));
    ref.run(SENSING_KEYS.flood2020, JSON.stringify(FLOOD_2020));
    const exp = db.prepare('INSERT INTO flood_exposure (point_id, station_id, flood_stage_m) VALUES (?, ?, ?)');
    for (const e of s.exposure) exp.run(e.pointId, e.stationId, e.floodStageM);
  })();
  const ins = db.prepare(
    `INSERT INTO sensors (rid, id, kind, risk_point_id, station_id, town_code, name, lon, lat, rule_json, interval_s)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < s.sensors.length; i += chunk) {
    db.transaction(() => {
      for (const x of s.sensors.slice(i, i + chunk))
        ins.run(
          rids.get(x.id) ?? ++nextRid,
          x.id,
          x.kind,
          x.riskPointId,
          x.stationId,
          x.townCode,
          x.name,
          x.lon,
          x.lat,
          JSON.stringify(x.rule),
          x.intervalS,
        );
    })();
    emit({ phase: 'seeding', step: 'sensors', done: Math.min(s.sensors.length, i + chunk), total: s.sensors.length });
    await pause();
  }
}
