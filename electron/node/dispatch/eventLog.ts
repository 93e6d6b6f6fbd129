// The order in which this store took in its incident events (its own, an authority's, a field
// package's): what an authority serves to replicas catching up, and how far a replica has applied an
// authority's log. Positions are assigned in the ledger's write transaction, one writer per store.
import type { Db } from '../../../native/sqlite/open';
import type { IncidentEvent } from '../../common/dispatch/types';
import type { LoggedEvent } from '../../common/replication/protocol';
import { rowToEvent, type EventRow } from './eventRows';

const COLUMNS = 'e.incident_id, e.seq, e.at, e.actor_json, e.event_json, e.event_id, e.console_id, e.console_seq';

export class EventLog {
  private readonly sql;
  private pos: number;

  constructor(
    db: Db,
    private readonly consoleId: string,
  ) {
    this.sql = {
      append: db.prepare('INSERT INTO event_log (pos, incident_id, seq) VALUES (?, ?, ?)'),
      max: db.prepare('SELECT COALESCE(MAX(pos), 0) FROM event_log').pluck(),
      after: db.prepare(
        `SELECT l.pos, ${COLUMNS} FROM event_log l
         JOIN incident_events e ON e.incident_id = l.incident_id AND e.seq = l.seq
         WHERE l.pos > ? ORDER BY l.pos LIMIT ?`,
      ),
      of: db.prepare(
        `SELECT l.pos, ${COLUMNS} FROM event_log l
         JOIN incident_events e ON e.incident_id = l.incident_id AND e.seq = l.seq
         WHERE l.incident_id = ? AND l.seq >= ? ORDER BY l.seq`,
      ),
      cursor: db.prepare('SELECT pos FROM replication_cursor WHERE authority_id = ?').pluck(),
      setCursor: db.prepare(
        `INSERT INTO replication_cursor (authority_id, pos) VALUES (?, ?)
         ON CONFLICT(authority_id) DO UPDATE SET pos = MAX(pos, excluded.pos)`,
      ),
    };
    this.pos = this.sql.max.get() as number;
  }

  /** the newest position: how far this store's log goes */
  get position(): number {
    return this.pos;
  }

  /** Records an event just stored (inside the ledger's transaction); returns it with its position. */
  append(e: IncidentEvent): LoggedEvent {
    this.sql.append.run(this.pos + 1, e.incidentId, e.seq);
    this.pos++;
    return { ...e, log: { of: this.consoleId, pos: this.pos } };
  }

  /** the position again after a rolled-back transaction */
  reload(): void {
    this.pos = this.sql.max.get() as number;
  }

  /** Events after position `after`, in this store's order. */
  after(after: number, limit: number): LoggedEvent[] {
    return (this.sql.after.all(after, limit) as (EventRow & { pos: number })[]).map((r) => this.logged(r));
  }

  /** One incident's events from version `fromSeq` on, with their positions. */
  of(incidentId: string, fromSeq: number): LoggedEvent[] {
    return (this.sql.of.all(incidentId, fromSeq) as (EventRow & { pos: number })[]).map((r) => this.logged(r));
  }

  /** how far this store has applied `authorityId`'s log (0: nothing yet) */
  cursor(authorityId: string): number {
    return (this.sql.cursor.get(authorityId) as number | undefined) ?? 0;
  }

  setCursor(authorityId: string, pos: number): void {
    this.sql.setCursor.run(authorityId, pos);
  }

  private logged(r: EventRow & { pos: number }): LoggedEvent {
    return { ...rowToEvent(r), log: { of: this.consoleId, pos: r.pos } };
  }
}
