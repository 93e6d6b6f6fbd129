import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

function at0012(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const at = MIGRATIONS.findIndex((m) => m.name === '0012-officers');
  expect(at).toBe(11);
  migrate(db, MIGRATIONS.slice(0, at + 1));
  expect(schemaVersion(db)).toBe(12);
  return db;
}

describe('migration 0012-officers', () => {
  it('keeps officers with a role, a department only for liaisons, and a scrypt hash or no password', () => {
    const db = at0012();
    const ins = db.prepare(
      `INSERT INTO officers (id, name, role, department_id, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1)`,
    );
    ins.run('duty-1', '值班员', 'officer', null, null);
    ins.run('liaison-police', '公安联络员', 'department', 'police', 'scrypt$16384$8$1$c2FsdA$aGFzaA');
    expect(() => ins.run('duty-1', 'x', 'officer', null, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => ins.run('x1', 'x', 'janitor', null, null)).toThrow(/CHECK/);
    expect(() => ins.run('x2', 'x', 'department', null, null)).toThrow(/CHECK/);
    expect(() => ins.run('x3', 'x', 'officer', 'police', null)).toThrow(/CHECK/);
    expect(() => ins.run('x4', 'x', 'officer', null, 'plaintext')).toThrow(/CHECK/);
  });

  it('keeps sessions by token hash, gone with their officer; platform reports once per source and id', () => {
    const db = at0012();
    db.exec(`INSERT INTO officers (id, name, role, created_at, updated_at) VALUES ('a', 'A', 'wall', 1, 1)`);
    const s = db.prepare(
      `INSERT INTO sessions (token_hash, officer_id, console_id, created_at, last_seen_at, expires_at) VALUES (?, ?, 'c', 1, 1, ?)`,
    );
    s.run('f'.repeat(64), 'a', 100);
    expect(() => s.run('e'.repeat(64), 'nobody', 100)).toThrow(/FOREIGN/);
    expect(() => s.run('short', 'a', 100)).toThrow(/CHECK/);
    expect(() => s.run('d'.repeat(64), 'a', 1)).toThrow(/CHECK/);
    db.exec(`DELETE FROM officers WHERE id = 'a'`);
    expect(db.prepare('SELECT count(*) n FROM sessions').get()).toEqual({ n: 0 });
    const r = db.prepare(
      `INSERT INTO platform_reports (source, platform_report_id, incident_id, received_at) VALUES (?, ?, ?, 1)`,
    );
    r.run('grid', 'G-1', 'I1');
    r.run('citizen', 'G-1', 'I2');
    expect(() => r.run('grid', 'G-1', 'I3')).toThrow(/UNIQUE|PRIMARY/);
  });
});
