// 0004: global ids and event identity, for several consoles sharing one board.
// - This console gets a global id (meta 'console.id').
// - Incidents are re-keyed from the per-console counter (INC-<day>-<n>) to ULIDs, time-sortable from
//   their first event; the old number stays as the short reference officers read out (`ref`).
// - Every event gets its own ULID and the console + sequence that accepted it, so a replica can apply
//   it exactly once (a unique index on console + sequence; ULIDs are unique by construction). The
//   append-only triggers are dropped only for this rewrite and put back.
// - The responsibility list moves into the store (the seeder writes it, dispatch reads it), and the
//   workspace (window layouts per workstation) gets a table.
import type { Database } from 'better-sqlite3';
import { monotonicFactory, ulid } from 'ulid';

export const name = '0004-global-ids';

const APPEND_ONLY = `
  CREATE TRIGGER incident_events_append_only_u BEFORE UPDATE ON incident_events
    BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;
  CREATE TRIGGER incident_events_append_only_d BEFORE DELETE ON incident_events
    BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;`;

export function up(db: Database): void {
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  let consoleId = meta.get('console.id') as string | undefined;
  if (!consoleId) {
    consoleId = ulid();
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('console.id', consoleId);
  }

  // old id → new id, in the order incidents were first recorded
  const firsts = db
    .prepare('SELECT incident_id AS id, at FROM incident_events WHERE seq = 1 ORDER BY at, incident_id')
    .all() as { id: string; at: number }[];
  const nextId = monotonicFactory();
  db.exec('CREATE TEMP TABLE id_map (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID');
  const mapIns = db.prepare('INSERT INTO id_map (old, new) VALUES (?, ?)');
  for (const f of firsts) mapIns.run(f.id, nextId(Math.max(0, f.at)));

  db.exec(`
    DROP TRIGGER incident_events_append_only_u;
    DROP TRIGGER incident_events_append_only_d;
    CREATE TABLE incident_events_new (
      incident_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
      actor_json TEXT NOT NULL CHECK (json_valid(actor_json)), type TEXT NOT NULL,
      event_json TEXT NOT NULL CHECK (json_valid(event_json)),
      event_id TEXT NOT NULL, console_id TEXT NOT NULL, console_seq INTEGER NOT NULL,
      PRIMARY KEY (incident_id, seq)
    ) WITHOUT ROWID;`);
  const events = db
    .prepare(
      `SELECT m.new AS id, m.old AS old, e.seq, e.at, e.actor_json, e.type, e.event_json
       FROM incident_events e JOIN id_map m ON m.old = e.incident_id ORDER BY e.at, m.new, e.seq`,
    )
    .all() as {
    id: string;
    old: string;
    seq: number;
    at: number;
    actor_json: string;
    type: string;
    event_json: string;
  }[];
  const ins = db.prepare('INSERT INTO incident_events_new VALUES (?,?,?,?,?,?,?,?,?)');
  const nextEventId = monotonicFactory();
  let consoleSeq = 0;
  for (const e of events) {
    const body = e.type === 'reported' ? JSON.stringify({ ...JSON.parse(e.event_json), ref: e.old }) : e.event_json;
    ins.run(e.id, e.seq, e.at, e.actor_json, e.type, body, nextEventId(Math.max(0, e.at)), consoleId, ++consoleSeq);
  }
  db.exec(`
    DROP TABLE incident_events;
    ALTER TABLE incident_events_new RENAME TO incident_events;
    CREATE UNIQUE INDEX incident_events_console_seq ON incident_events(console_id, console_seq);
    ${APPEND_ONLY}

    ALTER TABLE incidents ADD COLUMN ref TEXT;
    UPDATE incidents SET ref = id;
    UPDATE incidents SET id = m.new, state_json = json_set(state_json, '$.id', m.new, '$.ref', m.old)
      FROM id_map m WHERE m.old = incidents.id;
    CREATE INDEX incidents_ref ON incidents(ref);
    UPDATE incident_departments SET incident_id = m.new FROM id_map m WHERE m.old = incident_departments.incident_id;
    UPDATE audit_log SET incident_id = m.new FROM id_map m WHERE m.old = audit_log.incident_id;
    DROP TABLE incident_counter;
    DROP TABLE id_map;

    CREATE TABLE responsibility_rules (
      id TEXT PRIMARY KEY, priority INTEGER NOT NULL, rule_json TEXT NOT NULL CHECK (json_valid(rule_json))
    );
    CREATE TABLE workspace (key TEXT PRIMARY KEY, value_json TEXT NOT NULL CHECK (json_valid(value_json)));
  `);
}
