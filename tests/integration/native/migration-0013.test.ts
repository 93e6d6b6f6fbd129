// 0013 gives the events already held a place in the store's log (each incident's in its own order) and
// adds the replicas' cursor; new events are placed by the ledger as they are stored.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0013-event-log', () => {
  it('places every held event once, each incident in sequence order', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 12));
    const ins = db.prepare(
      `INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json, event_id, console_id, console_seq)
       VALUES (?, ?, ?, '{}', 'note', '{}', ?, ?, ?)`,
    );
    // written in an order that is not the incidents' own (another console's events came in between)
    const rows: [string, number, number, string, number][] = [
      ['B', 1, 50, 'C1', 1],
      ['A', 1, 10, 'C1', 2],
      ['B', 2, 40, 'C2', 1], // a clock behind: an earlier time, a later version
      ['A', 2, 60, 'C1', 3],
      ['A', 3, 70, 'C2', 2],
    ];
    for (const [id, seq, at, c, cs] of rows) ins.run(id, seq, at, `${id}${seq}`, c, cs);
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(schemaVersion(db)).toBe(13);
    const log = db.prepare('SELECT incident_id, seq FROM event_log ORDER BY pos').raw().all() as [string, number][];
    expect(log).toHaveLength(5);
    for (const id of ['A', 'B']) {
      const seqs = log.filter(([i]) => i === id).map(([, s]) => s);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    }
    expect(() => db.prepare("INSERT INTO event_log (incident_id, seq) VALUES ('A', 1)").run()).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) FROM replication_cursor').pluck().get()).toBe(0);
  });
});
