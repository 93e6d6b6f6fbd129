// telemetry.ingest: aircraft OSD messages (JSON bytes, as they come off the broker) through the DJI
// adapter — envelope and field validation, normalisation, 1 Hz down-sampling — and the batched SQLite
// track write, against a raw batched insert of the same rows into the same table.
// Target: ≥ 0.6 of raw throughput and ≥ 100k messages/s.
import fs from 'node:fs';
import path from 'node:path';
import { djiTopic } from '../../electron/common/bus/topics';
import { createIdSource } from '../../electron/common/ids';
import { Bus } from '../../electron/node/bus/index';
import { createDrones } from '../../electron/node/drones/index';
import type { TrackRow } from '../../electron/node/drones/repo';
import { openStore } from '../../native/sqlite/open';
import { tmpDir } from '../helpers/tmp';
import { line, median } from './stats';

const AIRCRAFT = 200;
const BATCH = 2_000;

/** the stores of this run, removed once everything is measured (about 100 MB a run otherwise left in tmp) */
const dirs: string[] = [];
const benchDir = () => {
  const d = tmpDir('lianqin-bench-');
  dirs.push(d);
  return d;
};

/** `hz` OSD messages per aircraft per second (the simulator, like a dock in flight, sends 2). */
function messages(seconds: number, t0: number, hz: number) {
  const out: { topic: string; payload: Buffer; at: number }[] = [];
  for (let s = 0; s < seconds * hz; s++) {
    for (let k = 0; k < AIRCRAFT; k++) {
      const at = t0 + Math.round((s * 1000) / hz);
      const body = {
        tid: `t-${s}-${k}`,
        bid: `b-${s}-${k}`,
        timestamp: at,
        gateway: `DOCK-${k}`,
        data: {
          latitude: 29.5 + k * 0.001 + s * 1e-5,
          longitude: 106.4 + s * 1e-5,
          height: 420.5,
          elevation: 120.5,
          attitude_head: (s * 3) % 180,
          attitude_pitch: -8,
          attitude_roll: 0.5,
          horizontal_speed: 11.8,
          vertical_speed: 0,
          home_distance: 1234.5,
          battery: { capacity_percent: 80, remain_flight_time: 1500, return_home_power: 25, landing_power: 10 },
          mode_code: 5,
          wind_speed: 34,
          wind_direction: 3,
        },
      };
      out.push({ topic: djiTopic('osd', `UAV-${k}`), payload: Buffer.from(JSON.stringify(body)), at });
    }
  }
  return out;
}

function pipelineRun(msgs: ReturnType<typeof messages>, expectRows: number): number {
  const dir = benchDir();
  const db = openStore(path.join(dir, 'ingest.sqlite'));
  let now = 0;
  const bus = new Bus({ dataDir: dir, consoleId: 'bench', version: 'bench' });
  const d = createDrones({
    db,
    bus,
    ids: createIdSource(),
    now: () => now,
    log: () => {},
    nests: () => [],
    publicUrl: 'http://x',
  });
  for (let k = 0; k < AIRCRAFT; k++) d.registry.announce(`DOCK-${k}`, `UAV-${k}`, 0);
  const t = performance.now();
  for (const m of msgs) {
    now = m.at;
    d.dji.handle(m.topic, m.payload);
  }
  d.tracks.flush();
  const ms = performance.now() - t;
  const rows = (db.prepare('SELECT count(*) AS n FROM drone_tracks').get() as { n: number }).n;
  if (rows !== expectRows) throw new Error(`telemetry.ingest: expected ${expectRows} rows, stored ${rows}`);
  const stats = bus.ingest.snapshot().dji;
  if (stats.rejected)
    throw new Error(`telemetry.ingest: ${stats.rejected} rejected: ${JSON.stringify(stats.byReason)}`);
  d.service.stop();
  db.close();
  return msgs.length / (ms / 1000);
}

function rawRun(rows: TrackRow[]): number {
  const db = openStore(path.join(benchDir(), 'raw.sqlite'));
  const ins = db.prepare(
    `INSERT OR IGNORE INTO drone_tracks (aircraft_sn, t, lon, lat, height_m, elevation_m, heading_deg, speed_mps, battery_pct)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tx = db.transaction((b: TrackRow[]) => {
    for (const r of b)
      ins.run(r.sn, r.t, r.lon, r.lat, r.heightM, r.elevationM, r.headingDeg, r.speedMps, r.batteryPct);
  });
  const t = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) tx(rows.slice(i, i + BATCH));
  const ms = performance.now() - t;
  db.close();
  return rows.length / (ms / 1000);
}

function rowsOf(msgs: ReturnType<typeof messages>): TrackRow[] {
  const seen = new Set<string>();
  const out: TrackRow[] = [];
  for (const m of msgs) {
    const sn = m.topic.split('/')[2];
    const t = Math.floor(m.at / 1000) * 1000;
    if (seen.has(`${sn}@${t}`)) continue;
    seen.add(`${sn}@${t}`);
    out.push(rowOf(m, sn, t));
  }
  return out;
}

function rowOf(m: { payload: Buffer }, sn: string, t: number): TrackRow {
  const b = JSON.parse(m.payload.toString()) as {
    data: Record<string, number> & { battery: { capacity_percent: number } };
  };
  return {
    sn,
    t,
    lon: b.data.longitude,
    lat: b.data.latitude,
    heightM: b.data.height,
    elevationM: b.data.elevation,
    headingDeg: b.data.attitude_head,
    speedMps: b.data.horizontal_speed,
    batteryPct: b.data.battery.capacity_percent,
  };
}

function measure(seconds: number, hz: number, rounds: number) {
  const msgs = messages(seconds, Date.UTC(2025, 6, 1), hz);
  const rows = rowsOf(msgs);
  pipelineRun(msgs.slice(0, 20_000), rowsOf(msgs.slice(0, 20_000)).length); // warm up
  rawRun(rows.slice(0, 20_000));
  const ours: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ours.push(pipelineRun(msgs, rows.length));
    raw.push(rawRun(rows));
  }
  return { msgs: msgs.length, rows: rows.length, ours: median(ours), raw: median(raw) };
}

export function benchTelemetryIngest(rounds = 5) {
  // the ratio is like for like: every message is a new second for its aircraft, so each is a stored row
  const worst = measure(250, 1, rounds);
  // as flown: 2 Hz OSD per aircraft, 1 Hz kept (half the messages write nothing)
  const live = measure(250, 2, rounds);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  const k = (x: number) => `${Math.round(x / 1000)}k/s`;
  return line('telemetry.ingest', worst.ours, worst.raw, 'messages/s', {
    target: 'ratio >= 0.6 and value >= 100000',
    note:
      `${worst.msgs} aircraft OSD messages (${AIRCRAFT} aircraft), each parsed, validated, normalised and stored as a 1 Hz fix, ` +
      `vs raw batched INSERT of the same rows (${BATCH} per transaction), median of ${rounds}. As flown (2 Hz in, 1 Hz kept): ` +
      `${k(live.ours)} messages for ${live.rows} stored fixes`,
  });
}
