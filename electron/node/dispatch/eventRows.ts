// The ledger's prepared statements and the stored-event row shape, in one place.
import type { Db } from '../../../native/sqlite/open';
import type { IncidentEvent } from '../../common/dispatch/types';

export interface EventRow {
  incident_id: string;
  seq: number;
  at: number;
  actor_json: string;
  event_json: string;
  event_id: string;
  console_id: string;
  console_seq: number;
}

export const rowToEvent = (r: EventRow): IncidentEvent => ({
  eventId: r.event_id,
  incidentId: r.incident_id,
  seq: r.seq,
  at: r.at,
  actor: JSON.parse(r.actor_json),
  consoleId: r.console_id,
  consoleSeq: r.console_seq,
  event: JSON.parse(r.event_json),
});

const EVENT_COLUMNS = 'incident_id, seq, at, actor_json, event_json, event_id, console_id, console_seq';

export function INCIDENT_SQL(db: Db) {
  return {
    insEvent: db.prepare(
      `INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json, event_id, console_id, console_seq,
         log_pos) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    ),
    upsert: db.prepare(
      `INSERT INTO incidents (id, ref, version, status, open, grade, source, town_code, lead_department_id, title,
         reported_at, dispatched_at, resolved_at, closed_at, colour, returns, state_json)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT(id) DO UPDATE SET version=excluded.version, status=excluded.status, open=excluded.open,
         grade=excluded.grade, town_code=excluded.town_code, lead_department_id=excluded.lead_department_id,
         dispatched_at=excluded.dispatched_at, resolved_at=excluded.resolved_at, closed_at=excluded.closed_at,
         colour=excluded.colour, returns=excluded.returns, state_json=excluded.state_json`,
    ),
    update: db.prepare(
      `UPDATE incidents SET version = ?, status = ?, dispatched_at = ?, resolved_at = ?, closed_at = ?, colour = ?,
         returns = ?, state_json = ? WHERE id = ?`,
    ),
    delDeps: db.prepare('DELETE FROM incident_departments WHERE incident_id = ?'),
    insDep: db.prepare('INSERT OR IGNORE INTO incident_departments (incident_id, department_id, role) VALUES (?,?,?)'),
    insAudit: db.prepare(
      `INSERT INTO audit_log (incident_id, seq, at, actor_id, actor_name, role, command, outcome, reason,
         before_json, after_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    ),
    // accepted commands are in the event log; the audit table keeps the refused ones (older stores also
    // hold accepted lines there, which the event log already tells)
    refusedOf: db.prepare(
      `SELECT seq, at, actor_id AS actorId, actor_name AS actorName, role, command, outcome, reason,
         before_json AS beforeJson, after_json AS afterJson
       FROM audit_log WHERE incident_id = ? AND outcome = 'rejected' ORDER BY id`,
    ),
    getState: db.prepare('SELECT state_json FROM incidents WHERE id = ?').pluck(),
    timeline: db.prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events WHERE incident_id = ? ORDER BY seq`),
    allEvents: db.prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events ORDER BY incident_id, seq`),
    hasConsoleSeq: db.prepare('SELECT 1 FROM incident_events WHERE console_id = ? AND console_seq = ?').pluck(),
    eventsAfter: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM incident_events WHERE console_id = ? AND console_seq > ? ORDER BY console_seq LIMIT ?`,
    ),
    maxConsoleSeq: db.prepare('SELECT COALESCE(MAX(console_seq), 0) FROM incident_events WHERE console_id = ?').pluck(),
  };
}
