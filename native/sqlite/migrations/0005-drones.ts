// 0005: drone nests. Devices a gateway announced (update_topo), flown tracks down-sampled to 1 Hz
// (kept 30 days, pruned by the drones service) and the audit of every command sent to a dock, with
// its outcome (state, DJI result code, readable message).
import type { Database } from 'better-sqlite3';

export const name = '0005-drones';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE drone_devices (
      sn TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('dock', 'aircraft')),
      gateway_sn TEXT, source TEXT NOT NULL, domain INTEGER, type INTEGER, sub_type INTEGER,
      first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL
    );
    CREATE TABLE drone_tracks (
      aircraft_sn TEXT NOT NULL, t INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
      height_m REAL, elevation_m REAL, heading_deg REAL, speed_mps REAL, battery_pct REAL,
      PRIMARY KEY (aircraft_sn, t)
    ) WITHOUT ROWID;
    CREATE INDEX drone_tracks_t ON drone_tracks(t);
    CREATE TABLE drone_commands (
      id TEXT PRIMARY KEY, dock_sn TEXT NOT NULL, method TEXT NOT NULL,
      params_json TEXT NOT NULL CHECK (json_valid(params_json)),
      state TEXT NOT NULL CHECK (state IN ('sent', 'accepted', 'failed', 'timed-out')),
      result_code INTEGER, message TEXT, tid TEXT NOT NULL, bid TEXT NOT NULL,
      actor_json TEXT NOT NULL CHECK (json_valid(actor_json)),
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
    );
    CREATE INDEX drone_commands_dock ON drone_commands(dock_sn, created_at);
  `);
}
