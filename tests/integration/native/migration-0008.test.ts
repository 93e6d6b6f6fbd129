import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0008-roster-plan-english', () => {
  it('flags departments on or off the joint-duty roster and gives plans English; rows already there keep their data', () => {
    const db = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.name === '0008-roster-plan-english');
    expect(at).toBe(7);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec(
      "INSERT INTO departments VALUES ('police', '区公安分局', 'Public Security Bureau', 'resident', '1', '席位')",
    );
    db.exec(`INSERT INTO response_plans VALUES ('plan-001', '滑坡风险处置预案', '["核实"]', 'police')`);
    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT name, role, joint_duty FROM departments').get()).toEqual({
      name: '区公安分局',
      role: 'resident',
      joint_duty: 1,
    });
    expect(db.prepare('SELECT name, steps_json, name_en, steps_en_json FROM response_plans').get()).toEqual({
      name: '滑坡风险处置预案',
      steps_json: '["核实"]',
      name_en: '',
      steps_en_json: '[]',
    });
    db.exec(`INSERT INTO departments (id, name, name_en, role, duty_phone, contact, joint_duty)
             VALUES ('hrss', '区人力社保局', 'Human Resources and Social Security', 'on-call', '2', '值班室', 0)`);
    expect(db.prepare("SELECT joint_duty FROM departments WHERE id = 'hrss'").pluck().get()).toBe(0);
    const set = (sql: string) => () => db.prepare(sql).run();
    expect(set("UPDATE departments SET joint_duty = 2 WHERE id = 'hrss'")).toThrow(/CHECK/);
    expect(set("UPDATE response_plans SET steps_en_json = 'not json'")).toThrow(/CHECK/);
    set(`UPDATE response_plans SET name_en = 'Landslide response plan', steps_en_json = '["Verify"]'`)();
    expect(db.prepare('SELECT name_en FROM response_plans').pluck().get()).toBe('Landslide response plan');
  });
});
