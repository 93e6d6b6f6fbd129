// The night watch over HTTP on a real console: readings in (each accepted or refused on its own), sensors
// listed with thresholds and state, a crack meter driven past its pending period turning its slope red
// (level history with the reason), the alarms that raises, and an alarm acknowledged, shelved and made an
// incident through dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../../../electron/common/alarms/types';
import type { SensorPage } from '../../../../electron/common/sensors/types';
import { startTestHost, type TestHost } from '../../../helpers/host';

let host: TestHost;
const MIN = 60_000;

async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }> {
  const r = await fetch(`${host.url}${path}`, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
}

/** a geohazard point graded blue whose main device is a crack meter, and that meter's id */
function crackPoint(n = 0): { pointId: number; sensorId: string } {
  return host.console.db
    .prepare(
      `SELECT p.id AS pointId, s.id AS sensorId FROM risk_points p
       JOIN risk_categories c ON c.id = p.category_id JOIN sensors s ON s.risk_point_id = p.id
       WHERE c.family_id = 'geohazard' AND p.level = 'low' AND s.kind = 'crack' ORDER BY p.id LIMIT 1 OFFSET ?`,
    )
    .get(n) as { pointId: number; sensorId: string };
}

beforeAll(async () => {
  host = await startTestHost(undefined, { watch: { simulateSensors: false } });
}, 180_000);
afterAll(() => host?.close());

describe('readings in', () => {
  it('stores the good ones and refuses each bad one with its index and reason', async () => {
    const { sensorId } = crackPoint();
    const now = Date.now();
    const r = await api<{ accepted: number; rejected: { index: number; reason: string; detail: string }[] }>(
      '/api/sensor-readings',
      {
        body: [
          { sensorId, ts: now - 10 * MIN, value: 1.3 },
          { sensorId: 'SN-NOPE', ts: now, value: 1 },
          { sensorId, ts: now - 9 * MIN, value: '1.4' },
          { sensorId, ts: now - 8 * MIN, value: null },
          { sensorId, ts: now + 3_600_000, value: 1.2 },
          'not an object',
          { sensorId, ts: now - 7 * MIN, value: 900 },
          { sensorId, ts: Math.floor(now / 1000), value: 1.2 },
          { sensorId, ts: now - 6 * MIN, value: 1.25 },
        ],
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.rejected.map((x) => [x.index, x.reason])).toEqual([
      [1, 'unknown-sensor'],
      [2, 'not-a-number'],
      [3, 'not-a-number'],
      [4, 'future-timestamp'],
      [5, 'not-an-object'],
      [6, 'out-of-range'],
      [7, 'bad-timestamp'],
    ]);
    expect(r.body.rejected[3].detail).toMatch(/ahead of the console's clock/);
    const s = await api<{ latest: { value: number } }>(`/api/sensors/${sensorId}`);
    expect(s.body.latest.value).toBe(1.25);
  });

  it('refuses more than 10,000 readings in one request as a whole, naming the body', async () => {
    const r = await api<{ error: string; param: string }>('/api/sensor-readings', {
      body: Array.from({ length: 10_001 }, () => ({ sensorId: 'x', ts: 0, value: 0 })),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/at most 10000 readings in one request, got 10001/);
    const wrapped = await api<{ accepted: number }>('/api/sensor-readings', { body: { readings: [] } });
    expect(wrapped.body.accepted).toBe(0);
  });
});

describe('sensors', () => {
  it('lists sensors by kind and by risk point with unit, thresholds, state and latest reading', async () => {
    const r = await api<SensorPage>('/api/sensors?kind=gas&limit=3');
    expect(r.body.total).toBeGreaterThan(1_000);
    expect(r.body.items).toHaveLength(3);
    expect(r.body.items[0]).toMatchObject({
      kind: 'gas',
      unit: '%LEL',
      thresholds: { direction: 'above', warning: 20, critical: 50, recovery: 10, pendingMs: 60_000 },
    });
    const { pointId } = crackPoint();
    const mine = await api<SensorPage>(`/api/sensors?riskPointId=${pointId}`);
    expect(mine.body.items.every((s) => s.riskPointId === pointId || s.id)).toBe(true);
    expect(mine.body.items.map((s) => s.kind)).toContain('crack');
    const stations = await api<SensorPage>('/api/sensors?kind=water-level&stationId=cqk');
    expect(stations.body.items[0]).toMatchObject({
      id: 'HY-CQK-01',
      thresholds: { warning: 182.64, critical: 185.64 },
    });
    expect((await api('/api/sensors?kind=laser')).status).toBe(400);
  });
});

describe('a crack widening on a slope', () => {
  it('alarms after the pending period, turns the point red with its reason, and the alarm becomes an incident', async () => {
    const { pointId, sensorId } = crackPoint(1);
    const now = Date.now();
    // 1.3 mm, then 6 mm from 70 minutes ago (pending: 30 minutes), 12 mm (critical) for the last 20
    const readings = Array.from({ length: 15 }, (_, k) => ({
      sensorId,
      ts: now - 70 * MIN + k * 5 * MIN,
      value: k < 10 ? 6 : 12,
    }));
    const r = await api<{ accepted: number }>('/api/sensor-readings', { body: readings });
    expect(r.body.accepted).toBe(15);
    const s = await api<{ state: string; severity: string }>(`/api/sensors/${sensorId}`);
    expect(s.body).toMatchObject({ state: 'alerting', severity: 'critical' });

    const point = await api<{
      baseLevel: string;
      level: string;
      history: { from: string; to: string; reason: string }[];
    }>(`/api/risk-points/${pointId}`);
    expect(point.body).toMatchObject({ baseLevel: 'low', level: 'major' });
    expect(point.body.history[0]).toMatchObject({ to: 'major' });
    expect(point.body.history.at(-1)!.reason).toMatch(/地质灾害动态分级模型.*裂缝宽度/);
    expect((await api(`/api/risk-points/99999999`)).status).toBe(404);
    expect((await api(`/api/risk-points/abc`)).status).toBe(400);

    const alarms = await api<Alarm[]>('/api/alarms?state=active');
    const sensorAlarm = alarms.body.find((a) => a.source === 'sensor' && a.sourceId === sensorId)!;
    const red = alarms.body.find((a) => a.source === 'grading' && a.sourceId === String(pointId))!;
    expect(sensorAlarm).toMatchObject({ riskPointId: pointId, seat: 'seat-geo', severity: 'critical', unit: 'mm' });
    expect(red).toMatchObject({ priority: 'urgent', planId: expect.stringMatching(/^plan-/) });

    const ack = await api<Alarm>(`/api/alarms/${sensorAlarm.id}/ack`, { body: {} });
    expect(ack.body).toMatchObject({ state: 'acknowledged', ackedBy: { role: 'officer' } });
    expect((await api(`/api/alarms/${sensorAlarm.id}/ack`, { body: {} })).status).toBe(409);
    const bad = await api<{ param: string }>(`/api/alarms/${red.id}/shelve`, {
      body: { durationMs: 1000, reason: '检修' },
    });
    expect([bad.status, bad.body.param]).toEqual([400, 'durationMs']);
    const shelved = await api<Alarm>(`/api/alarms/${red.id}/shelve`, {
      body: { durationMs: 30 * MIN, reason: '现场已处置，等待复核' },
    });
    expect(shelved.body).toMatchObject({ state: 'shelved', shelveReason: '现场已处置，等待复核' });

    const made = await api<{ alarm: Alarm; incident: { id: string; report: { source: string; categoryId: number } } }>(
      `/api/alarms/${sensorAlarm.id}/incident`,
      { body: {} },
    );
    expect(made.status).toBe(201);
    expect(made.body.incident.report).toMatchObject({ source: 'alert', categoryId: expect.any(Number) });
    expect(made.body.alarm.incidentId).toBe(made.body.incident.id);
    expect((await api(`/api/alarms/${sensorAlarm.id}/incident`, { body: {} })).status).toBe(409);
    expect((await api(`/api/alarms/01ARZ3NDEKTSV4RRFFQ69G5FAV/ack`, { body: {} })).status).toBe(404);

    const series = await api<{ points: { n: number; max: number }[] }>(`/api/sensors/${sensorId}/series?resolution=5m`);
    expect(Math.max(...series.body.points.map((p) => p.max))).toBe(12);
    const changes = await api<{ pointId: number }[]>(`/api/risk-levels/changes?since=${now - 2 * 3_600_000}`);
    expect(changes.body.some((c) => c.pointId === pointId)).toBe(true);
  });
});

describe('the road-collapse pilot', () => {
  it('scores 68 cells, matches the 16 at medium or above to the plan and departments, and makes one an incident', async () => {
    const units =
      await api<{ id: string; grade: string; match: { planId: string; leadDepartmentId: string } | null }[]>(
        '/api/collapse',
      );
    expect(units.body).toHaveLength(68);
    const warned = units.body.filter((u) => u.grade !== 'low');
    expect(warned).toHaveLength(16);
    expect(warned.every((u) => u.match?.planId.startsWith('plan-') && u.match.leadDepartmentId)).toBe(true);
    // each warning is kept as a low-priority alarm (listed, not sounded) on the geohazard desk
    const alarms = await api<Alarm[]>('/api/alarms?seat=seat-geo');
    expect(alarms.body.filter((a) => a.source === 'collapse')).toHaveLength(16);
    const made = await api<{ incident: { report: { source: string; title: string } } }>(
      `/api/collapse/${warned[0].id}/incident`,
      {
        body: {},
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.incident.report).toMatchObject({ source: 'alert', title: expect.stringMatching(/道路塌陷风险/) });
    const calm = units.body.find((u) => u.grade === 'low')!;
    expect((await api(`/api/collapse/${calm.id}/incident`, { body: {} })).status).toBe(422);
    expect((await api('/api/collapse/RC-Z9/incident', { body: {} })).status).toBe(400);
  });
});
