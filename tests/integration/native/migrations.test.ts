import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, openStore, schemaVersion, StoreOpenError } from '../../../native/sqlite/open';
import { tmpDir } from '../../helpers/tmp';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('0001-init creates reference, risk and camera tables with R*Trees', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'towns',
        'departments',
        'risk_categories',
        'response_plans',
        'risk_points',
        'risk_points_rtree',
        'cameras',
        'cameras_rtree',
        'drone_nests',
        'map_layers',
        'meta',
      ]),
    );
    expect(tables(db)).not.toContain('risk_points_fts');
    // level is constrained
    db.exec("INSERT INTO towns VALUES ('t','镇','T','town',1,106,29,'estimate','x')");
    db.exec("INSERT INTO departments VALUES ('d','部门','D','resident','1','c')");
    db.exec("INSERT INTO risk_families VALUES ('f','族','F')");
    db.exec("INSERT INTO response_plans VALUES ('p','预案','[]','d')");
    db.exec("INSERT INTO risk_categories VALUES (1,'f','类','C','p','d')");
    expect(() => db.exec("INSERT INTO risk_points VALUES (1,'n',1,'severe','t','a',106,29,'[]','p')")).toThrow(/CHECK/);
  });

  it('0002-search adds trigram FTS kept in step by triggers', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec(
      `INSERT INTO towns VALUES ('t','磁器口街道','T','street',1,106,29,'estimate','x');
       INSERT INTO departments VALUES ('d','部门','D','resident','1','c');
       INSERT INTO risk_families VALUES ('f','族','F');
       INSERT INTO response_plans VALUES ('p','预案','[]','d');
       INSERT INTO risk_categories VALUES (1,'f','类','C','p','d')`,
    );
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    db.exec(
      "INSERT INTO risk_points VALUES (1,'磁器口正街12号滑坡',1,'high','t','重庆市沙坪坝区磁器口街道',106,29,'[]','p')",
    );
    const hit = db.prepare('SELECT rowid FROM risk_points_fts WHERE risk_points_fts MATCH ?').all('"器口正"');
    expect(hit).toEqual([{ rowid: 1 }]);
    db.exec("UPDATE risk_points SET name = '井口大道1号崩塌' WHERE id = 1");
    expect(db.prepare('SELECT rowid FROM risk_points_fts WHERE risk_points_fts MATCH ?').all('"器口正"')).toEqual([]);
    db.exec('DELETE FROM risk_points');
    expect(db.prepare('SELECT rowid FROM risk_points_fts WHERE risk_points_fts MATCH ?').all('"井口大"')).toEqual([]);
  });

  it('0003-dispatch adds an append-only incident event log, projections and the audit log', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['incident_events', 'incidents', 'incident_departments', 'audit_log', 'incident_counter']),
    );
    db.prepare("INSERT INTO incident_events VALUES ('INC-1', 1, 0, '{}', 'reported', '{}')").run();
    expect(() => db.prepare("UPDATE incident_events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_events').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO incident_events VALUES ('INC-1', 1, 0, '{}', 'dup', '{}')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => db.prepare("INSERT INTO incident_events VALUES ('INC-1', 2, 0, 'not json', 'x', '{}')").run()).toThrow(
      /CHECK/,
    );
  });

  it('is idempotent and records each migration once', () => {
    const db = new Database(':memory:');
    migrate(db);
    migrate(db);
    const rows = db.prepare('SELECT version, name FROM schema_version ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });
});

describe('openStore', () => {
  it('opens with WAL, foreign keys on, and the latest schema', () => {
    const file = path.join(tmpDir(), 'a.sqlite');
    const db = openStore(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(() => db.exec("INSERT INTO risk_categories VALUES (1,'nofamily','x','x','noplan','nodept')")).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('refuses a database from a newer console and leaves the file where it is', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'b.sqlite');
    const db = openStore(file);
    db.prepare("INSERT INTO schema_version VALUES (99, '0099-future', 'x')").run();
    db.close();
    const before = fs.readFileSync(file);
    let err: unknown;
    try {
      openStore(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as StoreOpenError).code).toBe('newer-schema');
    expect((err as Error).message).toMatch(new RegExp(`version 99 is newer.*\\(${MIGRATIONS.length}\\)`));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('moves a corrupt file aside with a timestamp and never deletes it', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'c.sqlite');
    const junk = Buffer.from('this is not a database, it is a duty log written by mistake\n'.repeat(100));
    fs.writeFileSync(file, junk);
    let err: StoreOpenError | undefined;
    try {
      openStore(file, { now: () => new Date('2026-07-01T02:03:04Z') });
    } catch (e) {
      err = e as StoreOpenError;
    }
    expect(err?.code).toBe('corrupt');
    expect(err?.movedTo).toBe(`${file}.corrupt-2026-07-01T02-03-04-000Z`);
    expect(fs.readFileSync(err!.movedTo!).equals(junk)).toBe(true);
    expect(err?.message).toContain(err!.movedTo!);
    // the next open starts clean
    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('detects a damaged page inside a real database', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'd.sqlite');
    const db = openStore(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run('x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 40); // scribble over many pages, header intact
    fs.writeFileSync(file, bytes);
    let err: StoreOpenError | undefined;
    try {
      openStore(file);
    } catch (e) {
      err = e as StoreOpenError;
    }
    expect(err?.code).toBe('corrupt');
    expect(fs.existsSync(err!.movedTo!)).toBe(true);
  });
});
