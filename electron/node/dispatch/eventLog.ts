// The order in which this store took in its incident events (its own, an authority's, a field
// package's): what an authority serves to replicas catching up, and how far a replica has applied an
// authority's log. Positions are assigned in the ledger's write transaction, one writer per store, and
// stored on the event row itself (incident_events.log_pos, migration 0014).
import type { Db } from '../../../native/sqlite/open';
import type { IncidentEvent } from '../../common/dispatch/types';
import type { LoggedEvent } from '../../common/replication/protocol';
import { rowToEvent, type EventRow } from './eventRows';

const COLUMNS = 'log_pos AS pos, incident_id, seq, at, actor_json, event_json, event_id, console_id, console_seq';

export class EventLog {
  private readonly sql;
  private pos: number;

  constructor(
    db: Db,
    private readonly consoleId: string,
  ) {
    this.sql = {
      max: db.prepare('SELECT COALESCE(MAX(log_pos), 0) FROM incident_events').pluck(),
      after: db.prepare(`SELECT ${COLUMNS} FROM incident_events WHERE log_pos > ? ORDER BY log_pos LIMIT ?`),
      of: db.prepare(`SELECT ${COLUMNS} FROM incident_events WHERE incident_id = ? AND seq >= ? ORDER BY seq`),
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

  /** The position of an event about to be stored (inside the ledger's transaction), with the event. */
  place(e: IncidentEvent): LoggedEvent {
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
