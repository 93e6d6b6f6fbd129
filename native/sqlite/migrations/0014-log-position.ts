// 0014: an event's position in this store's log is a column of the event itself (log_pos, unique),
// written with it, instead of a row in a separate table: one page fewer written per command. The
// positions 0013 assigned are kept as they were; the event_log table goes.
import type { Database } from 'better-sqlite3';

export const name = '0014-log-position';

export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER incident_events_append_only_u;
    DROP TRIGGER incident_events_append_only_d;
    ALTER TABLE incident_events ADD COLUMN log_pos INTEGER;
    UPDATE incident_events SET log_pos = l.pos
      FROM event_log l WHERE l.incident_id = incident_events.incident_id AND l.seq = incident_events.seq;
    CREATE UNIQUE INDEX incident_events_log ON incident_events(log_pos);
    DROP TABLE event_log;
    CREATE TRIGGER incident_events_append_only_u BEFORE UPDATE ON incident_events
      BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;
    CREATE TRIGGER incident_events_append_only_d BEFORE DELETE ON incident_events
      BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;
  `);
  // every event had a position (0013 gave each one); a store where one lacks it is not this schema
  const missing = db.prepare('SELECT COUNT(*) FROM incident_events WHERE log_pos IS NULL').pluck().get() as number;
  if (missing) throw new Error(`0014: ${missing} incident events have no log position`);
}
