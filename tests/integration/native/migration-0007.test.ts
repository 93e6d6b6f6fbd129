import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0007-video-snapshots', () => {
  it('adds snapshots by incident; a file is recorded once and an empty one is refused', () => {
    const db = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.name === '0007-video-snapshots');
    expect(at).toBe(6);
    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(schemaVersion(db)).toBe(7);
    const ins = db.prepare('INSERT INTO video_snapshots VALUES (?, ?, ?, ?, ?, ?)');
    ins.run('s1', 'cam', 'INC', 'snapshots/a.jpg', 1000, 1);
    ins.run('s2', 'cam', null, 'snapshots/b.jpg', 1000, 2);
    expect(() => ins.run('s3', 'cam', null, 'snapshots/a.jpg', 10, 3)).toThrow(/UNIQUE/);
    expect(() => ins.run('s4', 'cam', null, 'snapshots/c.jpg', 0, 3)).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM video_snapshots WHERE incident_id = ?').all('INC')).toEqual([{ id: 's1' }]);
  });
});
