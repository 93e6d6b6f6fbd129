// 0010: the night watch — sensors and their readings, dynamic risk levels, alarms, shift handovers and
// the cockpit's window layouts.
// - sensors (seeded) with the rule each is judged by; sensor_state keeps the rule state and the latest
//   reading so a restart continues where it stopped.
// - readings are kept down-sampled only: 5-minute and hourly buckets (count, min, max, sum, last), keyed
//   by the sensor's integer rid and the bucket start, without rowid.
// - risk_levels: the dynamic level of points a grading model has moved; risk_level_events: every change
//   with its reason, append-only (the grading audit trail).
// - alarms (a projection, with a version) and alarm_events (append-only: raise, ack, shelve, escalate…).
// - sensing_reference: seeded blobs (river stations, the 2020 flood scenario, the KPI library, the
//   road-collapse assessment units); flood_exposure: the Ciqikou stage at which a risk point floods;
//   flood_forecasts: imported forecast files.
// - handovers: the report as it stood at a shift change, accepted once (audited, never rewritten).
// - cockpit_layouts: window roles placed on displays, per display set (fingerprint of the bounds).
import type { Database } from 'better-sqlite3';

export const name = '0010-sensing';

const LEVEL = `('major','high','moderate','low')`;
const appendOnly = (table: string) => `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

const series = (table: string) => `
    CREATE TABLE ${table} (
      rid INTEGER NOT NULL, t INTEGER NOT NULL, n INTEGER NOT NULL CHECK (n > 0),
      min REAL NOT NULL, max REAL NOT NULL, sum REAL NOT NULL, last REAL NOT NULL, last_ts INTEGER NOT NULL,
      PRIMARY KEY (rid, t)
    ) WITHOUT ROWID;`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sensors (
      rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
      risk_point_id INTEGER, station_id TEXT, town_code TEXT,
      name TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
      rule_json TEXT NOT NULL CHECK (json_valid(rule_json)),
      interval_s INTEGER NOT NULL CHECK (interval_s > 0)
    );
    CREATE INDEX sensors_point ON sensors(risk_point_id);
    CREATE INDEX sensors_kind ON sensors(kind);
    CREATE TABLE sensor_state (
      rid INTEGER PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('normal','pending','alerting','recovering','no-data')),
      severity TEXT CHECK (severity IS NULL OR severity IN ('warning','critical')),
      since INTEGER NOT NULL, mark INTEGER, last_ts INTEGER, last_value REAL
    );
    ${series('sensor_series_5m')}
    ${series('sensor_series_1h')}

    CREATE TABLE risk_levels (
      point_id INTEGER PRIMARY KEY, level TEXT NOT NULL CHECK (level IN ${LEVEL}),
      base_level TEXT NOT NULL CHECK (base_level IN ${LEVEL}),
      since INTEGER NOT NULL, score REAL NOT NULL, model TEXT NOT NULL
    );
    CREATE TABLE risk_level_events (
      id TEXT PRIMARY KEY, point_id INTEGER NOT NULL, at INTEGER NOT NULL,
      from_level TEXT NOT NULL CHECK (from_level IN ${LEVEL}), to_level TEXT NOT NULL CHECK (to_level IN ${LEVEL}),
      model TEXT NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL,
      factors_json TEXT NOT NULL CHECK (json_valid(factors_json))
    );
    CREATE INDEX risk_level_events_point ON risk_level_events(point_id, at);
    CREATE INDEX risk_level_events_at ON risk_level_events(at);
    ${appendOnly('risk_level_events')}

    CREATE TABLE alarms (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('sensor','grading','indicator','collapse')),
      source_id TEXT NOT NULL, risk_point_id INTEGER, seat TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('urgent','high','medium','low')),
      state TEXT NOT NULL CHECK (state IN ('active','acknowledged','shelved','out-of-service','cleared')),
      condition INTEGER NOT NULL CHECK (condition IN (0,1)),
      raised_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL CHECK (version >= 1),
      alarm_json TEXT NOT NULL CHECK (json_valid(alarm_json))
    );
    CREATE INDEX alarms_state ON alarms(state, raised_at);
    CREATE INDEX alarms_source ON alarms(source, source_id, raised_at);
    CREATE INDEX alarms_raised ON alarms(raised_at);
    CREATE TABLE alarm_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, alarm_id TEXT NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL,
      actor_json TEXT CHECK (actor_json IS NULL OR json_valid(actor_json)),
      detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
    );
    CREATE INDEX alarm_events_alarm ON alarm_events(alarm_id, seq);
    CREATE INDEX alarm_events_at ON alarm_events(at);
    ${appendOnly('alarm_events')}

    CREATE TABLE sensing_reference (key TEXT PRIMARY KEY, json TEXT NOT NULL CHECK (json_valid(json)));
    CREATE TABLE flood_exposure (
      point_id INTEGER PRIMARY KEY, station_id TEXT NOT NULL, flood_stage_m REAL NOT NULL
    );
    CREATE INDEX flood_exposure_stage ON flood_exposure(station_id, flood_stage_m);
    CREATE TABLE flood_forecasts (
      id TEXT PRIMARY KEY, station_id TEXT NOT NULL, issued_at INTEGER NOT NULL, source TEXT NOT NULL,
      points_json TEXT NOT NULL CHECK (json_valid(points_json)), imported_at INTEGER NOT NULL
    );
    CREATE INDEX flood_forecasts_station ON flood_forecasts(station_id, issued_at);

    CREATE TABLE handovers (
      id TEXT PRIMARY KEY, shift_start INTEGER NOT NULL, at INTEGER NOT NULL,
      report_json TEXT NOT NULL CHECK (json_valid(report_json)), created_at INTEGER NOT NULL,
      accepted_at INTEGER, accepted_by_json TEXT CHECK (accepted_by_json IS NULL OR json_valid(accepted_by_json)),
      note TEXT
    );
    CREATE UNIQUE INDEX handovers_at ON handovers(at);
    CREATE TRIGGER handovers_accepted_once BEFORE UPDATE ON handovers WHEN OLD.accepted_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a handover is accepted once'); END;
    CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
      BEGIN SELECT RAISE(ABORT, 'handovers are kept'); END;

    CREATE TABLE cockpit_layouts (
      fingerprint TEXT PRIMARY KEY, layout_json TEXT NOT NULL CHECK (json_valid(layout_json)),
      updated_at INTEGER NOT NULL
    );
  `);
}
