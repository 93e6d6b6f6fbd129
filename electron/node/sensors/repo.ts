// SQL for sensing: the seeded sensors and reference blobs, rule states and latest readings (so a restart
// continues), readings as 5-minute and hourly buckets merged on conflict, and their pruning.
import type { Db } from '../../../native/sqlite/open';
import { initialState, type RuleState } from '../../common/rules/engine';
import type { RuleSpec } from '../../common/rules/threshold';
import type { SensorKind } from '../../common/sensors/kinds';
import type { SeriesPoint, SeriesResolution } from '../../common/sensors/types';
import type { SensorEntry } from './registry';

export interface BucketRow {
  rid: number;
  t: number;
  n: number;
  min: number;
  max: number;
  sum: number;
  last: number;
  lastTs: number;
}

const TABLE: Record<SeriesResolution, string> = { '5m': 'sensor_series_5m', '1h': 'sensor_series_1h' };

const upsert = (table: string) =>
  `INSERT INTO ${table} (rid, t, n, min, max, sum, last, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (rid, t) DO UPDATE SET n = n + excluded.n, min = min(min, excluded.min), max = max(max, excluded.max),
     sum = sum + excluded.sum, last = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last ELSE last END,
     last_ts = max(last_ts, excluded.last_ts)`;

export class SensorRepo {
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
      up5: db.prepare(upsert(TABLE['5m'])),
      up1h: db.prepare(upsert(TABLE['1h'])),
      state: db.prepare(
        `INSERT INTO sensor_state (rid, state, severity, since, mark, last_ts, last_value) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (rid) DO UPDATE SET state = excluded.state, severity = excluded.severity, since = excluded.since,
           mark = excluded.mark, last_ts = excluded.last_ts, last_value = excluded.last_value`,
      ),
    };
  }

  /** every sensor with its stored rule state (a fresh one, dated `now`, where none is stored) */
  sensors(now: number): SensorEntry[] {
    const rows = this.db
      .prepare(
        `SELECT s.rid, s.id, s.kind, s.risk_point_id, s.station_id, s.town_code, s.name, s.lon, s.lat, s.rule_json, s.interval_s,
                st.state, st.severity, st.since, st.mark, st.last_ts, st.last_value
         FROM sensors s LEFT JOIN sensor_state st ON st.rid = s.rid ORDER BY s.rid`,
      )
      .raw()
      .all() as unknown[][];
    return rows.map((r) => ({
      rid: r[0] as number,
      id: r[1] as string,
      kind: r[2] as SensorKind,
      riskPointId: r[3] as number | null,
      stationId: r[4] as string | null,
      townCode: r[5] as string | null,
      name: r[6] as string,
      lon: r[7] as number,
      lat: r[8] as number,
      rule: JSON.parse(r[9] as string) as RuleSpec,
      intervalS: r[10] as number,
      state:
        r[11] === null
          ? initialState(now)
          : ({
              state: r[11],
              severity: r[12],
              since: r[13],
              mark: r[14],
              lastTs: r[15],
              lastValue: r[16],
            } as RuleState),
    }));
  }

  /** each risk point's linked sensor ids */
  links(): { pointId: number; sensorIds: string[] }[] {
    return (this.db.prepare('SELECT id, sensor_ids_json FROM risk_points').raw().all() as [number, string][]).map(
      ([pointId, json]) => ({ pointId, sensorIds: JSON.parse(json) as string[] }),
    );
  }

  reference<T>(key: string): T | null {
    const row = this.db.prepare('SELECT json FROM sensing_reference WHERE key = ?').pluck().get(key) as
      string | undefined;
    return row === undefined ? null : (JSON.parse(row) as T);
  }

  /** Writes buckets and changed rule states in one transaction. */
  write(b5: readonly BucketRow[], b1h: readonly BucketRow[], states: readonly SensorEntry[]): void {
    const { up5, up1h, state } = this.sql;
    this.db.transaction(() => {
      for (const b of b5) up5.run(b.rid, b.t, b.n, b.min, b.max, b.sum, b.last, b.lastTs);
      for (const b of b1h) up1h.run(b.rid, b.t, b.n, b.min, b.max, b.sum, b.last, b.lastTs);
      for (const e of states) {
        const s = e.state;
        state.run(e.rid, s.state, s.severity, s.since, s.mark, s.lastTs, s.lastValue);
      }
    })();
  }

  series(rid: number, resolution: SeriesResolution, from: number, to: number): SeriesPoint[] {
    const rows = this.db
      .prepare(
        `SELECT t, n, min, max, sum, last FROM ${TABLE[resolution]} WHERE rid = ? AND t >= ? AND t <= ? ORDER BY t`,
      )
      .raw()
      .all(rid, from, to) as [number, number, number, number, number, number][];
    return rows.map(([t, n, min, max, sum, last]) => ({
      t,
      n,
      min,
      max,
      mean: Math.round((sum / n) * 1e4) / 1e4,
      last,
    }));
  }

  /** Hourly means of several sensors together (rainfall over the district), from `from`. */
  hourlyMean(rids: readonly number[], from: number): { t: number; mean: number }[] {
    if (!rids.length) return [];
    const rows = this.db
      .prepare(
        `SELECT t, sum(sum) / sum(n) AS mean FROM sensor_series_1h
         WHERE t >= ? AND rid IN (SELECT value FROM json_each(?)) GROUP BY t ORDER BY t`,
      )
      .all(from, JSON.stringify(rids)) as { t: number; mean: number }[];
    return rows;
  }

  /** Deletes buckets older than the cut-offs, a slice of sensors at a time (the primary key leads with rid). */
  prune(rids: readonly number[], before5m: number, before1h: number): number {
    const d5 = this.db.prepare(`DELETE FROM ${TABLE['5m']} WHERE rid = ? AND t < ?`);
    const d1 = this.db.prepare(`DELETE FROM ${TABLE['1h']} WHERE rid = ? AND t < ?`);
    let n = 0;
    this.db.transaction(() => {
      for (const rid of rids) n += d5.run(rid, before5m).changes + d1.run(rid, before1h).changes;
    })();
    return n;
  }

  exposure(): { pointId: number; stationId: string; floodStageM: number }[] {
    return this.db
      .prepare('SELECT point_id AS pointId, station_id AS stationId, flood_stage_m AS floodStageM FROM flood_exposure')
      .all() as { pointId: number; stationId: string; floodStageM: number }[];
  }
}
