// 0004 re-keys a store written by the per-console counter (INC-<day>-<n>) to global ids, and gives every
// event its own id and its console + sequence. Built here the way 0003 left stores: old-style rows.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { apply, decide } from '../../../electron/common/dispatch/machine';
import type { DecidedEvent } from '../../../electron/common/dispatch/machine';
import type { Incident } from '../../../electron/common/dispatch/types';
import { isUlid, ulidTime } from '../../../electron/common/ids';
import { createIdSource } from '../../../electron/common/ids';
import { Ledger } from '../../../electron/node/dispatch/ledger';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';
import { ctx, officer, reported, T0 } from '../../unit/common/dispatch/fixtures';

function oldStore() {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 3));
  const insEvent = db.prepare('INSERT INTO incident_events VALUES (?,?,?,?,?,?)');
  const insInc = db.prepare(
    `INSERT INTO incidents (id, version, status, open, grade, source, town_code, lead_department_id, title,
       reported_at, dispatched_at, resolved_at, closed_at, colour, returns, state_json)
     VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,0,?)`,
  );
  const insAudit = db.prepare(
    `INSERT INTO audit_log (incident_id, seq, at, actor_id, actor_name, role, command, outcome, reason)
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  // two incidents, the second reported first (ids follow time, not the counter)
  const plan: [string, number][] = [
    ['INC-20261002-0002', T0],
    ['INC-20261002-0001', T0 + 60_000],
  ];
  const out: Incident[] = [];
  for (const [id, at] of plan) {
    const first: DecidedEvent = { incidentId: id, seq: 1, at, actor: officer, event: reported };
    let s = apply(null, first);
    s = { ...s, ref: undefined as unknown as string }; // 0003 had no ref
    delete (s as Partial<Incident>).ref;
    insEvent.run(id, 1, at, JSON.stringify(officer), 'reported', JSON.stringify(reported));
    const d = decide(s, 1, officer, { type: 'triage', grade: 'major', tier: 'district' }, ctx(at + 1000));
    if (!d.ok) throw new Error(d.reason);
    s = apply(s, d.event);
    insEvent.run(id, 2, at + 1000, JSON.stringify(officer), 'triage', JSON.stringify(d.event.event));
    insInc.run(
      id,
      2,
      s.status,
      s.grade,
      'grid',
      s.townCode,
      s.leadDepartmentId,
      s.report.title,
      s.reportedAt,
      null,
      null,
      null,
      null,
      JSON.stringify(s),
    );
    db.prepare("INSERT INTO incident_departments VALUES (?, 'police', 'lead')").run(id);
    insAudit.run(id, 2, at + 1000, officer.id, officer.name, 'officer', 'triage', 'accepted', null);
    insAudit.run(id, null, at + 2000, officer.id, officer.name, 'officer', 'dispatch', 'rejected', 'conflict: stale');
    out.push(s);
  }
  db.prepare("INSERT INTO incident_counter VALUES ('20261002', 2)").run();
  return db;
}

describe('migration 0004-global-ids', () => {
  it('re-keys incidents to ULIDs in time order and keeps the old number as the officer-facing ref', () => {
    const db = oldStore();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(schemaVersion(db)).toBe(4);
    const rows = db.prepare('SELECT id, ref, state_json FROM incidents ORDER BY id').all() as {
      id: string;
      ref: string;
      state_json: string;
    }[];
    expect(rows.map((r) => r.ref)).toEqual(['INC-20261002-0002', 'INC-20261002-0001']); // earlier report first
    for (const r of rows) {
      expect(isUlid(r.id)).toBe(true);
      expect(JSON.parse(r.state_json)).toMatchObject({ id: r.id, ref: r.ref });
    }
    expect(ulidTime(rows[0].id)).toBe(T0);
    const deps = db.prepare('SELECT incident_id FROM incident_departments ORDER BY incident_id').pluck().all();
    expect(deps).toEqual(rows.map((r) => r.id));
    const audit = db.prepare('SELECT DISTINCT incident_id FROM audit_log ORDER BY incident_id').pluck().all();
    expect(audit).toEqual(rows.map((r) => r.id));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('incident_counter');
    expect(tables).toEqual(expect.arrayContaining(['responsibility_rules', 'workspace']));
  });

  it('gives every event an id, this console and a sequence, and stays append-only', () => {
    const db = oldStore();
    migrate(db, MIGRATIONS.slice(0, 4));
    const consoleId = db.prepare("SELECT value FROM meta WHERE key = 'console.id'").pluck().get() as string;
    expect(isUlid(consoleId)).toBe(true);
    const ev = db
      .prepare('SELECT incident_id, seq, at, type, event_json, event_id, console_id, console_seq FROM incident_events')
      .all() as {
      type: string;
      event_json: string;
      event_id: string;
      console_id: string;
      console_seq: number;
      at: number;
    }[];
    expect(ev).toHaveLength(4);
    expect(new Set(ev.map((e) => e.event_id)).size).toBe(4);
    expect(ev.every((e) => isUlid(e.event_id) && e.console_id === consoleId)).toBe(true);
    expect(ev.map((e) => e.console_seq).sort()).toEqual([1, 2, 3, 4]);
    const reports = ev.filter((e) => e.type === 'reported').map((e) => JSON.parse(e.event_json).ref);
    expect(reports.sort()).toEqual(['INC-20261002-0001', 'INC-20261002-0002']);
    expect(() => db.prepare("UPDATE incident_events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_events').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json, event_id, console_id,
             console_seq) VALUES ('x', 1, 0, '{}', 'reported', '{}', 'e', ?, 1)`,
        )
        .run(consoleId),
    ).toThrow(/UNIQUE/); // (console, sequence) is applied once
  });

  it('the migrated log rebuilds the migrated projections, and the audit trail reads the same', () => {
    const db = oldStore();
    // on to the newest schema: the ledger of today reads the store 0004 re-keyed
    migrate(db, MIGRATIONS);
    const consoleId = db.prepare("SELECT value FROM meta WHERE key = 'console.id'").pluck().get() as string;
    const ledger = new Ledger(db, {
      reference: () => {
        throw new Error('not needed for a rebuild');
      },
      ids: createIdSource(),
      consoleId,
    });
    const rows = () =>
      (db.prepare('SELECT * FROM incidents ORDER BY id').all() as { state_json: string }[]).map((r) => ({
        ...r,
        state_json: JSON.parse(r.state_json), // key order differs (json_set appends), content must not
      }));
    const before = rows();
    expect(ledger.rebuildProjections()).toBe(2);
    expect(rows()).toEqual(before);
    const id = (before[0] as unknown as { id: string }).id;
    expect(ledger.audit(id).map((a) => `${a.command}:${a.outcome}`)).toEqual([
      'reported:accepted',
      'triage:accepted',
      'dispatch:rejected',
    ]);
  });
});
