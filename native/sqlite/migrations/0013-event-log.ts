// 0013: the order in which this store took in every incident event — its own, the authority's, and
// those that came in a field package — so a replica catching up from the authority receives all of
// them, not only the ones the authority decided itself. Replicas keep how far they have applied each
// authority's log beside the events, in the same transaction.
import type { Database } from 'better-sqlite3';

export const name = '0013-event-log';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE event_log (
      pos INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      UNIQUE (incident_id, seq)
    );
    -- events already held: each incident's in its own order (the order between incidents does not matter)
    INSERT INTO event_log (incident_id, seq) SELECT incident_id, seq FROM incident_events ORDER BY incident_id, seq;

    CREATE TABLE replication_cursor (authority_id TEXT PRIMARY KEY, pos INTEGER NOT NULL) WITHOUT ROWID;
  `);
}
