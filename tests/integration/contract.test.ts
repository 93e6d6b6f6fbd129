// One suite, two transports: the same cases run over IPC (in-memory ipcMain/ipcRenderer pair with
// the real serveIpc and preload bridge) and over the host's real WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServiceClient, type ServiceClient } from '../../electron/common/rpc/client';
import { createIpcTransport } from '../../electron/common/rpc/ipcTransport';
import { RpcCallError } from '../../electron/common/rpc/protocol';
import { createWsTransport, type WebSocketLike, type WsTransport } from '../../electron/common/rpc/wsTransport';
import { serveIpc } from '../../electron/main/ipcServe';
import { createPreloadBridge } from '../../electron/preload/bridge';
import { LATEST_SCHEMA_VERSION } from '../../native/sqlite/migrations/index';
import { FakeIpcMain, FakeWindow } from '../helpers/fakeIpc';
import { boardCompare } from '../../electron/common/dispatch/board';
import { startTestHost } from '../helpers/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
let ipcMain: FakeIpcMain;
let stopIpc: () => void;
const wsTransports: WsTransport[] = [];

beforeAll(async () => {
  host = await startTestHost();
  ipcMain = new FakeIpcMain();
  stopIpc = serveIpc(ipcMain, host.console.dispatcher, (u) => u.startsWith('lianqin://app/'));
});
afterAll(async () => {
  stopIpc?.();
  wsTransports.forEach((t) => t.close());
  await host?.close();
});

const transports: Record<string, () => ServiceClient> = {
  ipc: () => createServiceClient(createIpcTransport(createPreloadBridge(new FakeWindow(ipcMain).ipcRenderer))),
  websocket: () => {
    const t = createWsTransport(
      host.url.replace('http', 'ws') + '/ws',
      (u) => new WebSocket(u) as unknown as WebSocketLike,
    );
    wsTransports.push(t);
    return createServiceClient(t);
  },
};

async function rejection(p: Promise<unknown>): Promise<RpcCallError> {
  try {
    await p;
  } catch (e) {
    return e as RpcCallError;
  }
  throw new Error('expected the call to fail');
}

describe.each(Object.keys(transports))('contract over %s', (kind) => {
  let client: ServiceClient;
  beforeAll(() => {
    client = transports[kind]();
  });

  it('reports which transport it has', () => {
    expect(client.transport).toBe(kind);
  });

  it('system.getInfo: version, schema, counts, seed ready', async () => {
    const info = await client.get('system').getInfo();
    expect(info).toMatchObject({
      version: '0.0.0-test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      seed: { phase: 'ready' },
    });
    expect(info.counts).toEqual({
      towns: 26,
      departments: 21,
      riskCategories: 120,
      riskPoints: 22_000,
      cameras: 1_566,
      nests: 2,
    });
  });

  it('reference lists', async () => {
    const ref = client.get('reference');
    expect(await ref.listTowns()).toHaveLength(26);
    expect((await ref.listDepartments()).filter((d) => d.role === 'resident')).toHaveLength(4);
    expect(await ref.listCategories()).toHaveLength(120);
    expect(await ref.listFamilies()).toHaveLength(12);
    const nests = await ref.listNests();
    expect(nests.map((n) => n.coverageRadiusM)).toEqual([6000, 6000]);
    const layers = await ref.getMapLayers();
    expect(layers.outline.approximate).toBe(true);
    expect(layers.outline.ring.length).toBeGreaterThan(8);
    expect(layers.river[0].name).toBe('嘉陵江');
  });

  it('riskmap: packed points, detail with plan, search, box query', async () => {
    const rm = client.get('riskmap');
    const packed = await rm.getPackedPoints();
    expect(packed.count).toBe(22_000);
    expect(packed.lat).toBeInstanceOf(Float64Array); // a binary frame over the WebSocket, a clone over IPC
    expect(packed.lat).toHaveLength(22_000);
    expect(packed.level).toBeInstanceOf(Uint8Array);
    const p = await rm.getPoint(1);
    expect(p).toMatchObject({ id: 1 });
    expect(p!.plan!.steps.length).toBeGreaterThan(2);
    expect(p!.townName).toMatch(/(街道|镇)$/);
    expect(await rm.getPoint(9_999_999)).toBeNull();
    const found = await rm.search('磁器口', 5);
    expect(found).toHaveLength(5);
    const lc = await rm.getLevelCounts();
    expect(lc.major + lc.high + lc.moderate + lc.low).toBe(22_000);
    expect(
      (await rm.query({ bbox: [106.44, 29.55, 106.47, 29.58], level: 'major' })).every((x) => x.level === 'major'),
    ).toBe(true);
  });

  it('cameras.nearby: nearest first within radius', async () => {
    const near = await client.get('cameras').nearby(106.4505, 29.583, 500);
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((c, i) => c.distanceM <= 500 && (i === 0 || c.distanceM >= near[i - 1].distanceM))).toBe(true);
  });

  it('bad arguments give a structured bad-request naming the argument', async () => {
    const cams = client.get('cameras');
    const e1 = await rejection(cams.nearby('x' as unknown as number, 29.5, 100));
    expect(e1).toBeInstanceOf(RpcCallError);
    expect(e1.code).toBe('bad-request');
    expect(e1.issues?.[0].path).toBe('args[0]');
    const e2 = await rejection(cams.nearby(106, 29, -1));
    expect(e2.issues?.[0].path).toBe('args[2]');
    const e3 = await rejection(
      client.get('riskmap').query({ bbox: [1, 2, 3] as unknown as [number, number, number, number] }),
    );
    expect(e3.issues?.[0].path).toMatch(/^args\[0\]\.bbox/);
    const e4 = await rejection(client.get('riskmap').query({ bbox: [106, 29, 107, 30], evil: 1 } as never));
    expect(e4.code).toBe('bad-request');
    const e5 = await rejection(client.get('riskmap').search(''));
    expect(e5.code).toBe('bad-request');
  });

  it('unknown methods are refused, not crashed', async () => {
    const svc = client.get('riskmap') as unknown as Record<string, () => Promise<unknown>>;
    const e = await rejection(svc.dropEverything());
    expect(e.code).toBe('unknown-channel');
    // and the transport still works afterwards
    expect((await client.get('system').getCounts()).riskPoints).toBe(22_000);
  });

  it('events: onDidSeedProgress reaches subscribers, batched, and stops after unsubscribe', async () => {
    const got: unknown[] = [];
    const off = client.get('system').onDidSeedProgress((p) => got.push(p));
    await new Promise((r) => setTimeout(r, 150)); // let the subscription reach the server
    const ready = { phase: 'ready', step: 'done', done: 1, total: 1 } as const;
    host.console.services.system.reportSeed({ ...ready, step: 'ping-1' });
    host.console.services.system.reportSeed({ ...ready, step: 'ping-2' });
    await expect.poll(() => got.length, { timeout: 2000 }).toBe(2);
    expect(got.map((g) => (g as { step: string }).step)).toEqual(['ping-1', 'ping-2']);
    off();
    await new Promise((r) => setTimeout(r, 150));
    host.console.services.system.reportSeed({ ...ready, step: 'ping-3' });
    await new Promise((r) => setTimeout(r, 250));
    expect(got).toHaveLength(2);
  });

  it('dispatch: report, command, conflict with who changed it, rejection with the rule, change events', async () => {
    const d = client.get('dispatch');
    const changes: { id: string; version: number; incident: { id: string; version: number; status: string } }[] = [];
    const off = d.onDidChange((c) => changes.push(c));
    await new Promise((r) => setTimeout(r, 150));
    const i = await d.report({
      source: 'officer',
      title: '沙坪坝站广场人流拥挤',
      description: '节日客流大，广场出口拥挤需限流',
      lon: 106.4533,
      lat: 29.5564,
    });
    expect(i).toMatchObject({ status: 'reported', version: 1, leadDepartmentId: 'police' });
    const t = await d.command(i.id, 1, { type: 'triage', grade: i.suggestedGrade, tier: 'district' });
    expect(t.version).toBe(2);
    const stale = await rejection(
      d.command(i.id, 1, { type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: [] }),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.details).toMatchObject({ current: { version: 2, status: 'triaged' } });
    const police = { id: 'liaison-police', name: '公安联络员', role: 'department' as const, departmentId: 'police' };
    const wrong = await rejection(d.command(i.id, 2, { type: 'accept', departmentId: 'police' }, police));
    expect(wrong.code).toBe('rejected');
    expect(wrong.details).toMatchObject({ rule: 'invalid-transition' });
    // the duty seat may not accept for a department, whatever the state
    const seat = await rejection(d.command(i.id, 2, { type: 'accept', departmentId: 'police' }));
    expect(seat.code).toBe('forbidden');
    const bad = await rejection(d.command(i.id, 2, { type: 'fly' } as never));
    expect(bad.code).toBe('bad-request');
    await expect
      .poll(() => changes.filter((c) => c.id === i.id).map((c) => c.version), { timeout: 2000 })
      .toEqual([1, 2]);
    // a change carries the incident as it now is: a board applies it without asking again
    const last = changes.filter((c) => c.id === i.id).at(-1)!;
    expect(last.incident).toEqual(t);
    off();
    const detail = await d.get(i.id);
    expect(detail!.timeline.map((e) => e.event.type)).toEqual(['reported', 'triage']);
    expect(detail!.audit.map((a) => a.outcome)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    const board = await d.board({ limit: 20 });
    // board order: new reports first, then emergencies, then the tightest clock
    const now = Date.now();
    expect([...board.items].sort((x, y) => boardCompare(x, y, now)).map((x) => x.id)).toEqual(
      board.items.map((x) => x.id),
    );
    const lanes = board.items.map((x) => (x.status === 'reported' ? 0 : 1));
    expect(lanes).toEqual([...lanes].sort());
    const stats = await d.stats();
    expect(stats.total).toBeGreaterThan(0);
  });

  it('dispatch: triage and dispatch as one act (all or none); a file attached as evidence over the wire', async () => {
    const d = client.get('dispatch');
    const i = await d.report({
      source: 'grid',
      title: '磁器口古镇儿童走失',
      description: '一名约五岁男孩在古镇正街与家人走散',
      lon: 106.4505,
      lat: 29.583,
      reporter: '网格员张三',
    });
    const bad = await rejection(
      d.act(i.id, 1, [
        { type: 'triage', grade: i.suggestedGrade, tier: i.tier },
        { type: 'dispatch', leadDepartmentId: 'nasa', assistDepartmentIds: [] },
      ]),
    );
    expect(bad.code).toBe('rejected');
    expect((await d.get(i.id))!.version).toBe(1); // the triage was not kept either
    const done = await d.act(i.id, 1, [
      { type: 'triage', grade: i.suggestedGrade, tier: i.tier },
      { type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: ['civil'] },
    ]);
    expect(done).toMatchObject({ status: 'dispatched', version: 3, leadDepartmentId: 'police' });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, k) => (k * 31) % 256);
    const withFile = await d.attachFile(done.id, 3, {
      kind: 'file',
      name: '现场照片.jpg',
      mime: 'image/jpeg',
      data: bytes,
    });
    const ev = withFile.evidence[0];
    expect(ev).toMatchObject({
      kind: 'file',
      name: '现场照片.jpg',
      bytes: 70_000,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const got = new Uint8Array(
      await (await fetch(`${host.url}/api/incidents/${done.id}/evidence/${ev.id}`)).arrayBuffer(),
    );
    expect(got).toEqual(bytes);
  });

  it('workspace: focus flies every window (each request anew), selection and layouts per window kind', async () => {
    const w = client.get('workspace');
    const seen: { focus: { seq: number; incidentId: string | null } | null }[] = [];
    const off = w.onDidChange((s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 150));
    const page = await client.get('dispatch').list({ status: 'open', limit: 1 });
    const target = page.items[0];
    const f1 = await w.focusIncident(target.id);
    const f2 = await w.focusIncident(target.id);
    expect(f1).toMatchObject({ incidentId: target.id, lon: target.report.lon, lat: target.report.lat });
    expect(f2!.seq).toBeGreaterThan(f1!.seq);
    expect(await w.focusIncident('01NOSUCHINCIDENT000000000')).toBeNull();
    const p = await w.focusPoint(106.45, 29.58);
    expect(p).toMatchObject({ incidentId: null, lon: 106.45 });
    await expect.poll(() => seen.map((s) => s.focus?.seq), { timeout: 2000 }).toEqual([f1!.seq, f2!.seq, p.seq]);
    off();
    expect((await w.selectCamera('cam-1')).selectedCameraId).toBe('cam-1');
    await w.setLayout('video-wall', { layout: 16, tiles: ['a', 'b'] });
    expect(await w.getLayout('video-wall')).toEqual({ layout: 16, tiles: ['a', 'b'] });
    expect(await w.getLayout('dashboard')).toBeNull();
    const bad = await rejection(w.setLayout('nowhere' as never, {}));
    expect(bad.code).toBe('bad-request');
  });

  it('both transports return identical data', async () => {
    const other = transports[kind === 'ipc' ? 'websocket' : 'ipc']();
    expect(await client.get('reference').listTowns()).toEqual(await other.get('reference').listTowns());
    expect(await client.get('cameras').nearby(106.46, 29.56, 700)).toEqual(
      await other.get('cameras').nearby(106.46, 29.56, 700),
    );
  });
});

describe('IPC edge', () => {
  it('refuses calls from frames that are not ours', async () => {
    const win = new FakeWindow(ipcMain, 'https://evil.example/');
    const r = await win.ipcRenderer.invoke('lianqin:invoke', 'system.getCounts', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('preload refuses channels outside the allow-list without reaching main', async () => {
    let reached = false;
    const win = new FakeWindow(ipcMain);
    const bridge = createPreloadBridge({
      ...win.ipcRenderer,
      invoke: async () => {
        reached = true;
        return null;
      },
    });
    expect(await bridge.invoke('fs.readFile', ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(reached).toBe(false);
    expect(() => bridge.subscribe('system.onDidAnything', () => {})).toThrow(/not allowed/);
  });
});

describe('WebSocket edge', () => {
  it('answers malformed messages with an error and keeps serving', async () => {
    const ws = new WebSocket(host.url.replace('http', 'ws') + '/ws');
    await new Promise((r) => ws.on('open', r));
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    ws.send('{not json');
    ws.send(JSON.stringify({ t: 'explode' }));
    ws.send(JSON.stringify({ t: 'call', id: 7, ch: 'system.getCounts', args: 'nope' }));
    ws.send(JSON.stringify({ t: 'call', id: 8, ch: 'system.getCounts', args: [] }));
    await expect.poll(() => replies.length, { timeout: 2000 }).toBe(4);
    expect(replies[0]).toMatchObject({ t: 'res', id: null, r: { ok: false, error: { code: 'bad-request' } } });
    expect(replies[2]).toMatchObject({ id: 7, r: { ok: false, error: { code: 'bad-request' } } });
    expect(replies[3]).toMatchObject({ id: 8, r: { ok: true, value: { riskPoints: 22_000 } } });
    ws.close();
  });

  it('a client whose host went away fails fast with unavailable', async () => {
    const t = createWsTransport('ws://127.0.0.1:1/ws', (u) => new WebSocket(u) as unknown as WebSocketLike, {
      callTimeoutMs: 500,
    });
    const r = await t.invoke('system.getCounts', []);
    t.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
