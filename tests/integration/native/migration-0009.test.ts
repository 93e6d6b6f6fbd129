import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0009-maps', () => {
  it('adds map sources, region downloads with per-level progress, and field packages', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const at = MIGRATIONS.findIndex((m) => m.name === '0009-maps');
    expect(at).toBe(8);
    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(schemaVersion(db)).toBe(9);
    const src = db.prepare('INSERT INTO map_sources VALUES (?, ?, ?, 1, 1)');
    src.run('tdt-vec', 'wmts', '{"url":"x"}');
    expect(() => src.run('bad', 'tms', '{}')).toThrow(/CHECK/);
    expect(() => src.run('bad2', 'xyz', 'not json')).toThrow(/CHECK|JSON/);
    const dl = db.prepare(
      `INSERT INTO map_downloads (id, source_id, spec_json, state, tiles_total, bytes_estimate, created_at, updated_at)
       VALUES (?, 'tdt-vec', '{}', ?, 10, 100, 1, 1)`,
    );
    dl.run('d1', 'running');
    expect(() => dl.run('d2', 'lost')).toThrow(/CHECK/);
    const lvl = db.prepare('INSERT INTO map_download_levels (download_id, z, tiles_total) VALUES (?, ?, ?)');
    lvl.run('d1', 12, 4);
    expect(() => lvl.run('d1', 12, 4)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => lvl.run('nope', 13, 4)).toThrow(/FOREIGN/);
    db.prepare('DELETE FROM map_downloads WHERE id = ?').run('d1');
    expect(db.prepare('SELECT COUNT(*) FROM map_download_levels').pluck().get()).toBe(0);
    const pkg = db.prepare(
      'INSERT INTO field_packages (id, direction, kind, manifest_json, bytes, at) VALUES (?, ?, ?, ?, ?, 1)',
    );
    pkg.run('p1', 'exported', 'area', '{}', 10);
    expect(() => pkg.run('p2', 'sent', 'area', '{}', 10)).toThrow(/CHECK/);
    expect(() => pkg.run('p3', 'imported', 'return', '{}', -1)).toThrow(/CHECK/);
  });
});
