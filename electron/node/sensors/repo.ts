// SQL for sensing: the seeded sensors and reference blobs, and rule states with the latest reading (so a
// restart continues where it stopped). The readings themselves: series.ts.
import type { Db } from '../../../native/sqlite/open';
import { initialState, type RuleState } from '../../common/rules/engine';
import type { RuleSpec } from '../../common/rules/threshold';
import type { SensorKind } from '../../common/sensors/kinds';
import type { SensorEntry } from './registry';
import type { BucketRow, SeriesStore } from './series';

export class SensorRepo {
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
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

  /** Writes buckets (through the series store) and rule states in one transaction. */
  write(series: SeriesStore, buckets: readonly BucketRow[], states: readonly SensorEntry[]): void {
    const { state } = this.sql;
    this.db.transaction(() => {
      series.write(buckets);
      for (const e of states) {
        const s = e.state;
        state.run(e.rid, s.state, s.severity, s.since, s.mark, s.lastTs, s.lastValue);
      }
    })();
  }

  exposure(): { pointId: number; stationId: string; floodStageM: number }[] {
    return this.db
      .prepare('SELECT point_id AS pointId, station_id AS stationId, flood_stage_m AS floodStageM FROM flood_exposure')
      .all() as { pointId: number; stationId: string; floodStageM: number }[];
  }
}
