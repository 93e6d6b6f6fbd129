import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

function at0010(): Database.Database {
  const db = new Database(':memory:');
  const at = MIGRATIONS.findIndex((m) => m.name === '0010-sensing');
  expect(at).toBe(9);
  migrate(db, MIGRATIONS.slice(0, at + 1));
  expect(schemaVersion(db)).toBe(10);
  return db;
}

describe('migration 0010-sensing', () => {
  it('keeps sensors with a rule, their state, and readings only as 5-minute and hourly buckets', () => {
    const db = at0010();
    const ins = db.prepare(
      `INSERT INTO sensors (id, kind, risk_point_id, name, lon, lat, rule_json, interval_s) VALUES (?, ?, 1, 'x', 106.4, 29.5, ?, ?)`,
    );
    ins.run('SN-001-000001', 'crack', '{"warning":5}', 1800);
    expect(() => ins.run('SN-001-000001', 'crack', '{}', 60)).toThrow(/UNIQUE/);
    expect(() => ins.run('SN-001-000002', 'crack', 'not json', 60)).toThrow(/CHECK/);
    expect(() => ins.run('SN-001-000003', 'crack', '{}', 0)).toThrow(/CHECK/);
    const state = db.prepare('INSERT INTO sensor_state (rid, state, severity, since) VALUES (1, ?, ?, 0)');
    expect(() => state.run('alarming', null)).toThrow(/CHECK/);
    expect(() => state.run('alerting', 'major')).toThrow(/CHECK/);
    state.run('alerting', 'critical');
    for (const t of ['sensor_series_5m', 'sensor_series_1h']) {
      const b = db.prepare(
        `INSERT INTO ${t} (rid, t, n, min, max, sum, last, last_ts) VALUES (1, 0, ?, 1, 2, 3, 2, 5)`,
      );
      b.run(2);
      expect(() => b.run(3)).toThrow(/UNIQUE|PRIMARY/);
    }
  });

  it('makes level changes and alarm events append-only and accepts a handover once', () => {
    const db = at0010();
    db.prepare(
      `INSERT INTO risk_level_events (id, point_id, at, from_level, to_level, model, score, reason, factors_json)
       VALUES ('e1', 7, 1, 'low', 'high', 'geohazard', 3, 'crack critical', '[]')`,
    ).run();
    expect(() => db.exec("UPDATE risk_level_events SET reason = 'other'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM risk_level_events')).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO risk_level_events (id, point_id, at, from_level, to_level, model, score, reason, factors_json)
               VALUES ('e2', 7, 1, 'low', 'red', 'm', 0, 'r', '[]')`),
    ).toThrow(/CHECK/);
    db.exec(`INSERT INTO alarm_events (alarm_id, at, type, detail_json) VALUES ('a1', 1, 'raise', '{}')`);
    expect(() => db.exec('DELETE FROM alarm_events')).toThrow(/append-only/);
    const alarm = db.prepare(
      `INSERT INTO alarms (id, source, source_id, seat, priority, state, condition, raised_at, updated_at, version, alarm_json)
       VALUES (?, 'sensor', 'SN', 'seat-geo', ?, ?, 1, 1, 1, 1, '{}')`,
    );
    alarm.run('a1', 'urgent', 'active');
    expect(() => alarm.run('a2', 'critical', 'active')).toThrow(/CHECK/);
    expect(() => alarm.run('a3', 'high', 'latched')).toThrow(/CHECK/);
    db.exec(`INSERT INTO handovers (id, shift_start, at, report_json, created_at) VALUES ('h1', 0, 100, '{}', 100)`);
    db.exec(`UPDATE handovers SET accepted_at = 101, accepted_by_json = '{"id":"o"}' WHERE id = 'h1'`);
    expect(() => db.exec(`UPDATE handovers SET accepted_at = 102 WHERE id = 'h1'`)).toThrow(/accepted once/);
    expect(() => db.exec('DELETE FROM handovers')).toThrow(/kept/);
    expect(() =>
      db.exec(`INSERT INTO handovers (id, shift_start, at, report_json, created_at) VALUES ('h2', 0, 100, '{}', 1)`),
    ).toThrow(/UNIQUE/);
  });
});
