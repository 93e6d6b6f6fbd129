// 0014 moves each event's log position from the event_log table onto the event row: the positions a
// store already served to replicas stay exactly as they were, stay unique, and events stay append-only.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

function storeAt13() {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 13));
  const ins = db.prepare(
    `INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json, event_id, console_id, console_seq)
     VALUES (?, ?, 0, '{}', 'note', '{}', ?, 'C1', ?)`,
  );
  const log = db.prepare('INSERT INTO event_log (pos, incident_id, seq) VALUES (?, ?, ?)');
  // positions as a centre assigned them: not the incidents' order, with a gap where nothing is held
  const rows: [string, number, number][] = [
    ['B', 1, 1],
    ['A', 1, 2],
    ['B', 2, 3],
    ['A', 2, 5],
  ];
  rows.forEach(([id, seq, pos], k) => {
    ins.run(id, seq, `${id}${seq}`, k + 1);
    log.run(pos, id, seq);
  });
  return { db, rows };
}

describe('migration 0014-log-position', () => {
  it('keeps every position it had, on the event itself; the event_log table goes', () => {
    const { db, rows } = storeAt13();
    migrate(db, MIGRATIONS);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const got = db.prepare('SELECT incident_id, seq, log_pos FROM incident_events ORDER BY log_pos').raw().all();
    expect(got).toEqual([...rows].sort((a, b) => a[2] - b[2]));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('event_log');
  });

  it('positions stay unique and events stay append-only', () => {
    const { db } = storeAt13();
    migrate(db, MIGRATIONS);
    const ins = db.prepare(
      `INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json, event_id, console_id,
         console_seq, log_pos) VALUES ('C', 1, 0, '{}', 'note', '{}', 'C1x', 'C1', 99, ?)`,
    );
    expect(() => ins.run(5)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE incident_events SET log_pos = 9 WHERE incident_id = 'A'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare("DELETE FROM incident_events WHERE incident_id = 'A'").run()).toThrow(/append-only/);
  });

  it('refuses a store whose events were not all placed, changing nothing', () => {
    const { db } = storeAt13();
    db.prepare("DELETE FROM event_log WHERE incident_id = 'A' AND seq = 2").run();
    expect(() => migrate(db, MIGRATIONS)).toThrow(/1 incident events have no log position/);
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT COUNT(*) FROM event_log').pluck().get()).toBe(3);
  });
});
