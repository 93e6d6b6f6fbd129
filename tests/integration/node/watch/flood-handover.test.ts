// The flood watch and the shift handover on a real console: Ciqikou driven over its guarantee level, a
// forecast file imported, what floods at its peak and the towns' video links; KPIs; the handover report
// as a PDF whose Chinese text pdftotext reads back (CJK font embedded), as HTML with figures, accepted once.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloodOverview, StationStatus } from '../../../../electron/common/flood/types';
import type { HandoverRecord } from '../../../../electron/common/handover/types';
import type { IndicatorDto } from '../../../../electron/common/indicators/indicators';
import { findCjkFont } from '../../../../electron/node/handover/pdf';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { tmpDir } from '../../../helpers/tmp';

let host: TestHost;
const MIN = 60_000;
const H = 3_600_000;
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error ? null : 'pdftotext';
if (!PDFTOTEXT)
  console.log(
    '[handover pdf text] skipped: pdftotext is not installed (apt-get install poppler-utils; .ci/run installs it)',
  );

const get = async (p: string) => {
  const r = await fetch(`${host.url}${p}`);
  return { status: r.status, type: r.headers.get('content-type') ?? '', buf: Buffer.from(await r.arrayBuffer()) };
};
async function json<T>(
  p: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
  type = 'application/json',
) {
  const r = await fetch(`${host.url}${p}`, {
    method,
    headers: { 'content-type': type },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

beforeAll(async () => {
  host = await startTestHost(undefined, { watch: { simulateSensors: false } });
  const now = Date.now();
  // Ciqikou rising from 180 m to 186.5 m over the last six hours: past warning, then guarantee
  const readings = Array.from({ length: 73 }, (_, k) => ({
    sensorId: 'HY-CQK-01',
    ts: now - 6 * H + k * 5 * MIN,
    value: Math.round((180 + (6.5 * k) / 72) * 100) / 100,
  }));
  const r = await json<{ accepted: number }>('/api/sensor-readings', readings);
  expect(r.body.accepted).toBe(73);
}, 180_000);
afterAll(() => host?.close());

describe('flood watch', () => {
  it('shows Ciqikou first, over its guarantee level, with hourly stages and a forecast labelled as the simple model', async () => {
    const { body } = await json<StationStatus[]>('/api/flood/stations');
    expect(body.map((s) => s.id)).toEqual(['cqk', 'beibei', 'cuntan']);
    const cqk = body[0];
    expect(cqk).toMatchObject({ warningM: 182.64, guaranteeM: 185.64, stageM: 186.5, stageState: 'guarantee' });
    expect(cqk.aboveGuaranteeM).toBeCloseTo(0.86, 2);
    expect(cqk.hourly.length).toBeGreaterThanOrEqual(6);
    expect(cqk.forecast).toMatchObject({ kind: 'simple-model', label: expect.stringMatching(/Simple model/) });
    expect(cqk.forecast!.points).toHaveLength(72);
    expect(body[1].stageM).toBeNull(); // Beibei has said nothing: no stage, no forecast made up
    expect(body[1].forecast).toBeNull();
  });

  it('imports a forecast file, names a bad line, and floods the points and streets under the forecast peak', async () => {
    const bad = await json<{ error: string }>('/api/flood/forecasts', 'time,stage_m\nsoon,190\n', 'POST', 'text/plain');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/line 2/);
    const now = Date.now();
    const csv = ['#station=cqk', '#source=重庆市水文监测总站 演练预报', 'time,stage_m']
      .concat([6, 24, 40, 60].map((h, k) => `${new Date(now + h * H).toISOString()},${[187.5, 190.8, 189.2, 186][k]}`))
      .join('\n');
    const f = await json<{ kind: string; label: string; peak: { stageM: number } }>(
      '/api/flood/forecasts',
      csv,
      'POST',
      'text/plain',
    );
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({ kind: 'imported', label: '重庆市水文监测总站 演练预报', peak: { stageM: 190.8 } });
    const o = await json<FloodOverview>('/api/flood/overview');
    expect(o.body).toMatchObject({ floodStageM: 190.8, floodStageKind: 'forecast-peak' });
    expect(o.body.floodedPoints.length).toBeGreaterThan(10);
    expect(o.body.floodedPoints.every((p) => p.floodStageM <= 190.8)).toBe(true);
    expect(o.body.floodedTowns[0].points).toBeGreaterThan(0);
    expect(o.body.videoLinks).toHaveLength(26);
    expect(o.body.videoLinks.some((v) => v.total > 0 && v.linked)).toBe(true);
    expect(o.body.rainfall).toEqual([]);
  });

  it('alarms the station on the seat-water desk', async () => {
    const { body } = await json<{ source: string; sourceId: string; seat: string; title: string }[]>('/api/alarms');
    const a = body.find((x) => x.sourceId === 'HY-CQK-01')!;
    expect(a).toMatchObject({ seat: 'seat-water', title: expect.stringMatching(/磁器口.*超保证水位/) });
  });
});

describe('vital signs', () => {
  it('lists the KPI library with value, threshold state and trend, filterable by state', async () => {
    const all = await json<IndicatorDto[]>('/api/indicators');
    expect(all.body.length).toBeGreaterThan(1_000);
    const wl = all.body.find((k) => k.id === 'kpi-water-level-worst-district')!;
    expect(wl).toMatchObject({ domain: 'water', unit: 'm', value: 186.5 });
    const quiet = await json<IndicatorDto[]>('/api/indicators?state=no-data');
    expect(quiet.body.every((k) => k.state === 'no-data')).toBe(true);
    expect((await json('/api/indicators?state=loud')).status).toBe(400);
  });
});

describe('shift handover', () => {
  it('is a PDF whose Chinese text can be extracted (CJK font embedded)', async () => {
    const r = await get('/api/reports/handover?format=pdf');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.buf.toString('latin1')).toMatch(/\/FontFile[23]?/);
    if (!PDFTOTEXT) return;
    const file = path.join(tmpDir(), 'handover.pdf');
    fs.writeFileSync(file, r.buf);
    const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const words of [
      '联勤值班交接班报告',
      '在办事件',
      '告警',
      '风险等级变化',
      '汛情',
      '磁器口',
      '警戒 182.64',
      '保证 185.64',
    ])
      expect(text).toContain(words);
  });

  it('is a self-contained HTML page with the figures as SVG, in either language', async () => {
    const zh = await get('/api/reports/handover?format=html');
    expect(zh.type).toMatch(/text\/html/);
    const page = zh.buf.toString();
    expect(page).toContain('联勤值班交接班报告');
    expect(page.match(/<svg /g)).toHaveLength(3);
    const en = (await get('/api/reports/handover?format=html&lang=en')).buf.toString();
    expect(en).toContain('Joint-duty shift handover report');
  });

  it('keeps the report made at the last shift change; the incoming officer accepts it once', async () => {
    const list = await json<HandoverRecord[]>('/api/reports/handovers');
    expect(list.body.length).toBeGreaterThanOrEqual(1);
    const rec = list.body[0];
    const kept = await json<{ record: HandoverRecord; report: { at: number } }>(
      `/api/reports/handover?at=${rec.at}&format=json`,
    );
    expect(kept.body.record.id).toBe(rec.id);
    const ok = await json<HandoverRecord>(`/api/reports/handovers/${rec.id}/accept`, { note: '已阅，接班' });
    expect(ok.body).toMatchObject({ acceptedBy: { name: '联勤值班员' }, note: '已阅，接班' });
    const again = await json<{ error: string }>(`/api/reports/handovers/${rec.id}/accept`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/accepted already by 联勤值班员/);
  });

  it('refuses a PDF without a CJK font, saying where it looked and how to fix it', () => {
    expect(() => findCjkFont({ explicit: '/nowhere/font.ttf' })).toThrow(/tried \/nowhere\/font.ttf.*--pdf-font/);
  });
});

describe('the August 2020 flood through the rules', () => {
  it('replays the hydrograph on its own timestamps: Ciqikou over warning, then over guarantee before the peak', async () => {
    const r = await host.console.services.flood.replay2020();
    const cqk = r.filter((x) => x.stationId === 'cqk');
    expect(cqk.map((x) => `${x.to}:${x.severity ?? ''}`).slice(0, 3)).toEqual([
      'pending:warning',
      'alerting:warning',
      'alerting:critical',
    ]);
    const guarantee = cqk.find((x) => x.severity === 'critical')!;
    expect(guarantee.at).toBeLessThan(Date.parse('2020-08-20T02:00+08:00'));
    expect(guarantee.stageM).toBeGreaterThanOrEqual(185.64);
    expect(r.some((x) => x.stationId === 'beibei' && x.severity === 'critical')).toBe(true);
  });
});
