import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0005-drones', () => {
  it('adds devices, 1 Hz tracks keyed by aircraft and second, and an audited command table', () => {
    const db = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.name === '0005-drones');
    expect(at).toBe(4);
    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(schemaVersion(db)).toBe(5);
    const ins = db.prepare('INSERT INTO drone_tracks (aircraft_sn, t, lon, lat) VALUES (?, ?, ?, ?)');
    ins.run('UAV', 1000, 106.4, 29.5);
    expect(() => ins.run('UAV', 1000, 106.5, 29.6)).toThrow(/UNIQUE|PRIMARY/);
    const cmd = db.prepare(
      `INSERT INTO drone_commands (id, dock_sn, method, params_json, state, tid, bid, actor_json, created_at, updated_at)
       VALUES (?, 'D', 'return_home', '{}', ?, 't', 'b', '{}', 1, 1)`,
    );
    cmd.run('c1', 'sent');
    expect(() => cmd.run('c2', 'lost')).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO drone_devices (sn, kind, source, first_seen, last_seen) VALUES ('x', 'boat', 'dji', 1, 1)`),
    ).toThrow(/CHECK/);
  });
});
