import { describe, expect, it } from 'vitest';
import {
  annunciation,
  chattering,
  escalationDueAt,
  floods,
  standing,
} from '../../../../electron/common/alarms/annunciation';
import { applyAlarm, priorityOf, type AlarmCommand } from '../../../../electron/common/alarms/machine';
import { alarmSchema, seatForFamily, type Alarm } from '../../../../electron/common/alarms/types';

const officer = { id: 'console-officer', name: '联勤值班员', role: 'officer' as const };

function alarm(patch: Partial<Alarm> = {}): Alarm {
  return alarmSchema.parse({
    id: 'A1',
    source: 'sensor',
    sourceId: 'SN-004-000001',
    riskPointId: 7,
    categoryId: 4,
    planId: 'plan-004',
    seat: 'seat-geo',
    priority: 'high',
    state: 'active',
    condition: true,
    severity: 'critical',
    title: '裂缝宽度超限',
    titleEn: 'Crack width over limit',
    value: 12,
    unit: 'mm',
    threshold: 10,
    lon: 106.45,
    lat: 29.56,
    raisedAt: 1_000,
    raiseCount: 0,
    ackedAt: null,
    ackedBy: null,
    shelvedUntil: null,
    shelveReason: null,
    outOfServiceReason: null,
    clearedAt: null,
    escalatedAt: null,
    incidentId: null,
    version: 1,
    updatedAt: 1_000,
    ...patch,
  });
}

function run(a: Alarm, ...steps: [AlarmCommand, number][]): Alarm {
  for (const [cmd, at] of steps) {
    const r = applyAlarm(a, cmd, at, officer);
    if (!r.ok) throw new Error(r.reason);
    a = r.alarm;
  }
  return a;
}

describe('alarm states', () => {
  it('priority comes from the severity and how grave the point already was', () => {
    expect(priorityOf('sensor', 'critical', 'high')).toBe('urgent');
    expect(priorityOf('sensor', 'critical', 'low')).toBe('high');
    expect(priorityOf('sensor', 'warning', 'major')).toBe('high');
    expect(priorityOf('sensor', 'warning', 'moderate')).toBe('medium');
    expect(priorityOf('grading', null, 'major')).toBe('urgent');
    expect(priorityOf('indicator', 'warning', null)).toBe('low');
    expect(priorityOf('collapse', 'warning', null)).toBe('low');
    expect(priorityOf('collapse', 'critical', null)).toBe('high');
    expect(seatForFamily('flooding')).toBe('seat-water');
    expect(seatForFamily(undefined)).toBe('seat-city');
  });

  it('active → acknowledged → cleared, every step versioned, acknowledging twice is a conflict', () => {
    const a = run(alarm(), [{ type: 'ack' }, 2_000]);
    expect(a).toMatchObject({ state: 'acknowledged', ackedAt: 2_000, ackedBy: officer, version: 2 });
    const again = applyAlarm(a, { type: 'ack' }, 3_000, officer);
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    const c = run(a, [{ type: 'condition-cleared', value: 3 }, 4_000]);
    expect(c).toMatchObject({ state: 'cleared', clearedAt: 4_000, condition: false, version: 3 });
    // a cleared alarm never re-raises: the next condition is a new alarm
    expect(applyAlarm(c, { type: 're-raise' }, 5_000)).toMatchObject({ ok: false, code: 'rejected' });
  });

  it('shelved for a time with a reason; back to acknowledged, or cleared when the condition went meanwhile', () => {
    let a = run(
      alarm(),
      [{ type: 'ack' }, 2_000],
      [{ type: 'shelve', durationMs: 3_600_000, reason: '设备检修' }, 3_000],
    );
    expect(a).toMatchObject({ state: 'shelved', shelvedUntil: 3_603_000, shelveReason: '设备检修' });
    expect(applyAlarm(a, { type: 'ack' }, 3_100)).toMatchObject({ ok: false, code: 'conflict' });
    const back = run(a, [{ type: 'unshelve' }, 4_000]);
    expect(back.state).toBe('acknowledged');
    a = run(a, [{ type: 'condition-cleared' }, 5_000]);
    expect(a).toMatchObject({ state: 'shelved', condition: false, clearedAt: null });
    expect(run(a, [{ type: 'unshelve' }, 6_000])).toMatchObject({ state: 'cleared', clearedAt: 6_000 });
    const unacked = run(
      alarm(),
      [{ type: 'shelve', durationMs: 60_000, reason: '误报' }, 2_000],
      [{ type: 'unshelve' }, 62_000],
    );
    expect(unacked.state).toBe('active');
  });

  it('out of service and back; refusals name the state', () => {
    const oos = run(alarm(), [{ type: 'out-of-service', reason: '传感器更换' }, 2_000]);
    expect(oos.state).toBe('out-of-service');
    const r = applyAlarm(oos, { type: 'shelve', durationMs: 60_000, reason: 'x' }, 3_000);
    expect(r).toMatchObject({ ok: false, code: 'rejected' });
    expect(!r.ok && r.reason).toMatch(/out-of-service/);
    expect(run(oos, [{ type: 'return-to-service' }, 4_000]).state).toBe('active');
  });

  it('re-raises while open count up; an incident is made once', () => {
    const a = run(
      alarm(),
      [{ type: 're-raise', value: 14, severity: 'critical' }, 2_000],
      [{ type: 'incident', incidentId: 'I1' }, 3_000],
    );
    expect(a).toMatchObject({ raiseCount: 1, value: 14, incidentId: 'I1' });
    expect(applyAlarm(a, { type: 'incident', incidentId: 'I2' }, 4_000)).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('annunciation', () => {
  it('repeats by priority until acknowledged and escalates, louder, to the second seat', () => {
    const a = alarm({ priority: 'urgent', raisedAt: 0 });
    expect(annunciation(a, 0)).toMatchObject({ seats: ['seat-geo'], loud: false, nextAt: 5_000 });
    expect(annunciation(a, 12_000)?.nextAt).toBe(15_000);
    expect(escalationDueAt(a)).toBe(60_000);
    const e = run(a, [{ type: 'escalate' }, 60_000]);
    expect(annunciation(e, 61_000)).toMatchObject({ seats: ['seat-geo', 'seat-lead'], loud: true });
    expect(escalationDueAt(e)).toBeNull();
    expect(annunciation(run(e, [{ type: 'ack' }, 62_000]), 63_000)).toBeNull();
    expect(annunciation(alarm({ priority: 'low' }), 0)).toBeNull();
    expect(escalationDueAt(alarm({ priority: 'low' }))).toBeNull();
  });

  it('groups more than 10 new alarms in 10 minutes for one seat under one banner', () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      alarm({ id: `A${i}`, raisedAt: i * 50_000, priority: i === 4 ? 'urgent' : 'medium' }),
    );
    const other = Array.from({ length: 10 }, (_, i) => alarm({ id: `W${i}`, seat: 'seat-water', raisedAt: i * 1_000 }));
    const f = floods([...many, ...other], 10 * 50_000);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ seat: 'seat-geo', count: 11, since: 0, priority: 'urgent' });
    expect(f[0].alarmIds[0]).toBe('A4');
    // low priority alarms are journal only: they never make a flood
    expect(
      floods(
        many.map((a) => ({ ...a, priority: 'low' as const })),
        10 * 50_000,
      ),
    ).toEqual([]);
    // ten minutes later the oldest have left the window: no flood
    expect(floods(many, 10 * 60_000 + 1)).toEqual([]);
  });

  it('lists chattering sources and standing alarms for the report', () => {
    const raises = [0, 100_000, 500_000, 5_000_000].map((at) => ({ source: 'sensor' as const, sourceId: 'S1', at }));
    raises.push(...[0, 700_000].map((at) => ({ source: 'sensor' as const, sourceId: 'S2', at })));
    expect(chattering(raises)).toEqual([{ source: 'sensor', sourceId: 'S1', count: 3, first: 0, last: 5_000_000 }]);
    const old = alarm({ id: 'OLD', raisedAt: 0 });
    const day = 24 * 3_600_000;
    expect(
      standing(
        [old, alarm({ id: 'NEW', raisedAt: day }), alarm({ id: 'GONE', raisedAt: 0, state: 'cleared' })],
        day + 1,
      ),
    ).toEqual([old]);
  });
});
