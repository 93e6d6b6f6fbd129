// 0003: the dispatch ledger. Incident events are append-only (triggers refuse UPDATE and DELETE);
// `incidents` is a projection rebuilt from them; `audit_log` records every command, accepted or not.
import type { Database } from 'better-sqlite3';

export const name = '0003-dispatch';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incident_events (
      incident_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
      actor_json TEXT NOT NULL CHECK (json_valid(actor_json)), type TEXT NOT NULL,
      event_json TEXT NOT NULL CHECK (json_valid(event_json)),
      PRIMARY KEY (incident_id, seq)
    ) WITHOUT ROWID;
    CREATE TRIGGER incident_events_append_only_u BEFORE UPDATE ON incident_events
      BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;
    CREATE TRIGGER incident_events_append_only_d BEFORE DELETE ON incident_events
      BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;

    CREATE TABLE incidents (
      id TEXT PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL, open INTEGER NOT NULL CHECK (open IN (0,1)),
      grade TEXT NOT NULL, source TEXT NOT NULL, town_code TEXT, lead_department_id TEXT,
      title TEXT NOT NULL, reported_at INTEGER NOT NULL, dispatched_at INTEGER, resolved_at INTEGER,
      closed_at INTEGER, colour TEXT, returns INTEGER NOT NULL DEFAULT 0,
      state_json TEXT NOT NULL CHECK (json_valid(state_json))
    );
    CREATE INDEX incidents_open_reported ON incidents(open, reported_at);
    CREATE INDEX incidents_grade ON incidents(grade);
    CREATE INDEX incidents_town ON incidents(town_code);
    CREATE INDEX incidents_lead ON incidents(lead_department_id);

    CREATE TABLE incident_departments (
      incident_id TEXT NOT NULL, department_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('lead','assist')),
      PRIMARY KEY (incident_id, department_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_departments_dep ON incident_departments(department_id);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL, seq INTEGER, at INTEGER NOT NULL,
      actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, role TEXT NOT NULL, command TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('accepted','rejected')), reason TEXT,
      before_json TEXT, after_json TEXT
    );
    CREATE INDEX audit_log_incident ON audit_log(incident_id, id);

    CREATE TABLE incident_counter (day TEXT PRIMARY KEY, n INTEGER NOT NULL);
  `);
}
