// The platforms' reports over the embedded broker: a report becomes an incident and the platform hears
// its id on the reply topic; a resent report (same source and platform id) is the same incident, over
// the bus and over HTTP alike, even when the copies arrive together; a malformed one is answered with
// the field and counted.
import { connect, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lianqinTopics } from '../../../../electron/common/bus/topics';
import type { ReportReply } from '../../../../electron/common/bus/reports';
import { startTestHost, type TestHost } from '../../../helpers/host';

let host: TestHost;
let platform: MqttClient;
const replies: ReportReply[] = [];

beforeAll(async () => {
  host = await startTestHost(undefined, { historyCount: 0 });
  platform = connect(host.console.bus.connection().url, { protocolVersion: 4, clientId: 'platform-141-test' });
  await new Promise<void>((r) => platform.once('connect', () => r()));
  platform.on('message', (_t, p) => replies.push(JSON.parse(p.toString())));
  await new Promise<void>((r, j) =>
    platform.subscribe(
      [lianqinTopics.reportReply('grid'), lianqinTopics.reportReply('citizen'), lianqinTopics.reportReply('weibo')],
      { qos: 1 },
      (e) => (e ? j(e) : r()),
    ),
  );
});
afterAll(async () => {
  await new Promise<void>((r) => platform?.end(true, {}, () => r()));
  await host?.close();
});

const report = (platformReportId: string) => ({
  platformReportId,
  title: '磁器口古镇儿童走失',
  description: '一名约六岁男孩在古镇正街与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
  reporter: '网格员张三',
});

function publish(source: string, payload: unknown) {
  return new Promise<void>((r) =>
    platform.publish(
      lianqinTopics.report(source),
      typeof payload === 'string' ? payload : JSON.stringify(payload),
      { qos: 1 },
      () => r(),
    ),
  );
}

async function replyFor(pred: (r: ReportReply) => boolean, n = 1): Promise<ReportReply[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const got = replies.filter(pred);
    if (got.length >= n) return got;
    if (Date.now() > until) throw new Error(`no reply within 10 s (have ${JSON.stringify(replies)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const incidentsWith = (pid: string) =>
  host.console.db
    .prepare(
      `SELECT COUNT(*) FROM incident_events WHERE seq = 1 AND json_extract(event_json, '$.report.platformReportId') = ?`,
    )
    .pluck()
    .get(pid) as number;

describe('reports over the bus', () => {
  it('answers with the incident; a resend is the same incident, marked duplicate', async () => {
    await publish('grid', report('141-A-0001'));
    const [first] = await replyFor((r) => r.platformReportId === '141-A-0001');
    expect(first).toMatchObject({
      ok: true,
      duplicate: false,
      incidentId: expect.any(String),
      ref: expect.any(String),
    });
    const i = host.console.ledger.get((first as { incidentId: string }).incidentId)!;
    expect(i.report).toMatchObject({ source: 'grid', platformReportId: '141-A-0001' });
    expect(i.lastActor?.id).toBe('platform-141');

    await publish('grid', report('141-A-0001'));
    const [, second] = await replyFor((r) => r.platformReportId === '141-A-0001', 2);
    expect(second).toEqual({ ...first, duplicate: true });
    expect(incidentsWith('141-A-0001')).toBe(1);
  });

  it('copies that arrive together make one incident', async () => {
    await Promise.all([1, 2, 3, 4].map(() => publish('grid', report('141-A-0002'))));
    const got = await replyFor((r) => r.platformReportId === '141-A-0002', 4);
    expect(new Set(got.map((r) => (r as { incidentId: string }).incidentId)).size).toBe(1);
    expect(got.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(incidentsWith('141-A-0002')).toBe(1);
  });

  it('the same platform id from another source is another report', async () => {
    await publish('citizen', report('141-A-0001'));
    const [c] = await replyFor((r) => r.ok && r.platformReportId === '141-A-0001' && !r.duplicate, 2);
    const ids = (await replyFor((r) => r.platformReportId === '141-A-0001', 3)).map(
      (r) => (r as { incidentId: string }).incidentId,
    );
    expect(new Set(ids).size).toBe(2);
    expect(c.ok).toBe(true);
  });

  it('over HTTP too: a report the bus brought answers 200 with that incident', async () => {
    await publish('grid', report('141-A-0003'));
    const [viaBus] = await replyFor((r) => r.platformReportId === '141-A-0003');
    const r = await fetch(host.url + '/api/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...report('141-A-0003'), source: 'grid' }),
    });
    expect(r.status).toBe(200);
    expect((await r.json()).id).toBe((viaBus as { incidentId: string }).incidentId);
    const fresh = await fetch(host.url + '/api/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...report('141-A-0004'), source: 'grid' }),
    });
    expect(fresh.status).toBe(201);
  });

  it('answers a malformed report with the field, counts it, and keeps serving', async () => {
    const before = (await host.console.services.bus.ingestStats()).reports ?? { rejected: 0 };
    await publish('grid', { ...report('141-B-0001'), lon: 'east' });
    await publish('grid', { ...report('141-B-0002'), title: undefined });
    await publish('grid', '{"broken json');
    await publish('weibo', report('141-B-0003'));
    const [lon] = await replyFor((r) => r.platformReportId === '141-B-0001');
    expect(lon).toMatchObject({ ok: false, field: 'lon', error: expect.stringMatching(/lon/) });
    expect((await replyFor((r) => r.platformReportId === '141-B-0002'))[0]).toMatchObject({
      ok: false,
      field: 'title',
    });
    expect((await replyFor((r) => r.platformReportId === null))[0]).toMatchObject({ ok: false, field: null });
    expect((await replyFor((r) => r.platformReportId === '141-B-0003'))[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not weibo/),
    });
    const after = (await host.console.services.bus.ingestStats()).reports;
    expect(after.rejected - before.rejected).toBe(4);
    expect(after.byReason).toMatchObject({ 'invalid-lon': 1, 'invalid-title': 1 });
    expect(incidentsWith('141-B-0001') + incidentsWith('141-B-0002')).toBe(0);
    await publish('grid', report('141-B-0004'));
    expect((await replyFor((r) => r.platformReportId === '141-B-0004'))[0].ok).toBe(true);
  });
});
