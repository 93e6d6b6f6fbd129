// Escalation and shelving with a fake clock on a real store: an urgent alarm nobody acknowledges goes to
// the shift leader's seat after a minute (not a millisecond sooner), an acknowledged one never does, a
// shelved one comes back when its time is up, and every step is in the alarm's append-only history.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { annunciation } from '../../../../electron/common/alarms/annunciation';
import { createIdSource } from '../../../../electron/common/ids';
import { migrate } from '../../../../native/sqlite/open';
import { AlarmRepo } from '../../../../electron/node/alarms/repo';
import { AlarmsService, type RaiseInput } from '../../../../electron/node/alarms/service';

let t = Date.UTC(2026, 4, 14, 18, 0);
let service: AlarmsService;
let repo: AlarmRepo;
const changes: string[] = [];

const input = (sourceId: string, patch: Partial<RaiseInput> = {}): RaiseInput => ({
  source: 'sensor',
  sourceId,
  riskPointId: 7,
  categoryId: 31,
  planId: 'plan-031',
  seat: 'seat-fire',
  priority: 'urgent',
  severity: 'critical',
  title: '燃气管道 可燃气体浓度超严重值',
  titleEn: 'Combustible gas over critical',
  value: 55,
  unit: '%LEL',
  threshold: 50,
  lon: 106.46,
  lat: 29.56,
  at: t,
  ...patch,
});

beforeEach(() => {
  const db = new Database(':memory:');
  migrate(db);
  repo = new AlarmRepo(db);
  service = new AlarmsService({
    repo,
    ids: createIdSource(),
    now: () => t,
    report: async () => {
      throw new Error('not in this test');
    },
    point: async () => null,
    plan: () => null,
    cameras: async () => [],
    series: async () => null,
  });
  service.load();
  changes.length = 0;
  service.onDidChange((a) => changes.push(`${a.state}${a.escalatedAt ? '+escalated' : ''}`));
});

describe('alarm escalation (fake clock)', () => {
  it('escalates an unacknowledged urgent alarm to the second seat after exactly 60 s, once', () => {
    const a = service.raise(input('GAS-1'));
    t += 59_999;
    service.tick(t);
    expect(service.openFor('sensor', 'GAS-1')!.escalatedAt).toBeNull();
    t += 1;
    service.tick(t);
    const e = service.openFor('sensor', 'GAS-1')!;
    expect(e.escalatedAt).toBe(a.raisedAt + 60_000);
    expect(annunciation(e, t)).toMatchObject({ seats: ['seat-fire', 'seat-lead'], loud: true });
    t += 600_000;
    service.tick(t);
    expect(repo.events(a.id).map((x) => x.type)).toEqual(['raise', 'escalate']);
    expect(changes).toEqual(['active', 'active+escalated']);
  });

  it('never escalates what was acknowledged in time, nor a low-priority alarm', async () => {
    const a = service.raise(input('GAS-2', { priority: 'high' }));
    t += 170_000;
    await service.ack(a.id, '已通知燃气公司');
    t += 3_600_000;
    service.tick(t);
    expect(service.openFor('sensor', 'GAS-2')).toMatchObject({ state: 'acknowledged', escalatedAt: null });
    service.raise(input('KPI-1', { source: 'indicator', priority: 'low' }));
    t += 24 * 3_600_000;
    service.tick(t);
    expect(service.openFor('indicator', 'KPI-1')!.escalatedAt).toBeNull();
  });

  it('brings a shelved alarm back when its time is up (still escalating if nobody acknowledges)', async () => {
    const a = service.raise(input('GAS-3'));
    t += 10_000;
    await service.shelve(a.id, { durationMs: 15 * 60_000, reason: '维修人员已在现场' });
    t += 15 * 60_000 - 1;
    service.tick(t);
    expect(service.openFor('sensor', 'GAS-3')!.state).toBe('shelved');
    t += 1;
    service.tick(t);
    expect(service.openFor('sensor', 'GAS-3')!.state).toBe('active');
    // shelving does not reset the clock: the alarm is long past its minute, so the next tick escalates
    t += 1_000;
    service.tick(t);
    expect(repo.events(a.id).map((x) => [x.type, x.actor?.name ?? null])).toEqual([
      ['raise', null],
      ['shelve', '联勤值班员'],
      ['unshelve', null],
      ['escalate', null],
    ]);
  });

  it('re-raises the open alarm of a source instead of opening a second one, and clears it when the condition goes', () => {
    const a = service.raise(input('GAS-4', { priority: 'high', severity: 'warning' }));
    const b = service.raise(input('GAS-4', { priority: 'urgent', severity: 'critical', value: 70 }));
    expect(b.id).toBe(a.id);
    expect(b).toMatchObject({ raiseCount: 1, priority: 'urgent', value: 70 });
    service.clear('sensor', 'GAS-4', t + 1, 3);
    expect(service.openFor('sensor', 'GAS-4')).toBeNull();
    expect(repo.get(a.id)).toMatchObject({ state: 'cleared', condition: false });
    const c = service.raise(input('GAS-4'));
    expect(c.id).not.toBe(a.id);
  });
});
