// Two consoles started on fresh data folders never mint the same id, and every event says which
// console accepted it and its sequence there (what a replica needs to apply it once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUlid } from '../../../../electron/common/ids';
import { createConsole, type LianqinConsole } from '../../../../electron/node/console/index';
import { tmpDir } from '../../../helpers/tmp';

const T = Date.UTC(2026, 10, 30, 12); // both consoles read the very same clock
let a: LianqinConsole;
let b: LianqinConsole;
const open = () =>
  createConsole({ dataDir: tmpDir(), version: 'test', log: () => {}, now: () => T, seed: { historyCount: 0 } });

beforeAll(async () => {
  a = open();
  b = open();
  await Promise.all([a.ready, b.ready]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const report = {
  source: 'grid' as const,
  title: '磁器口古镇儿童走失',
  description: '一名约五岁男孩与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
  reporter: '网格员张三',
};

describe('global ids', () => {
  it('two fresh consoles mint different ids for their first incident, at the same instant', async () => {
    expect(a.id).not.toBe(b.id);
    const ia = await a.services.dispatch.report(report);
    const ib = await b.services.dispatch.report(report);
    expect(isUlid(ia.id) && isUlid(ib.id)).toBe(true);
    expect(ia.id).not.toBe(ib.id);
    expect(ia.ref).toMatch(/^1130-[0-9A-Z]{5}$/);
  });

  it('every event records its console and its sequence there, counting up', async () => {
    const i = await a.services.dispatch.report({ ...report, title: '渝碚路井盖缺失' });
    await a.services.dispatch.command(i.id, 1, { type: 'triage', grade: i.suggestedGrade, tier: i.tier });
    const timeline = a.ledger.timeline(i.id);
    expect(timeline.map((e) => e.consoleId)).toEqual([a.id, a.id]);
    expect(timeline[1].consoleSeq).toBe(timeline[0].consoleSeq + 1);
    expect(new Set(timeline.map((e) => e.eventId)).size).toBe(2);
  });

  it('the sequence continues after a restart', async () => {
    const dir = a.dataDir;
    const last = a.db.prepare('SELECT MAX(console_seq) FROM incident_events').pluck().get() as number;
    await a.close();
    a = createConsole({ dataDir: dir, version: 'test', log: () => {}, now: () => T, seed: { historyCount: 0 } });
    await a.ready;
    const i = await a.services.dispatch.report({ ...report, title: '沙滨路路面积水' });
    expect(a.ledger.timeline(i.id)[0].consoleSeq).toBe(last + 1);
  });
});
