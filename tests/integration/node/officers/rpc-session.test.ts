// Sessions bound to a window's connection, over both transports: each connection signs in on its own,
// the session is the actor whatever actor the client names, sign-out ends it everywhere, and a connection
// that must sign in can do nothing else first (IPC when the administrator requires it, a networked host).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServiceClient, type ServiceClient } from '../../../../electron/common/rpc/client';
import { createIpcTransport } from '../../../../electron/common/rpc/ipcTransport';
import { RpcCallError } from '../../../../electron/common/rpc/protocol';
import { createWsTransport, type WebSocketLike, type WsTransport } from '../../../../electron/common/rpc/wsTransport';
import { serveIpc } from '../../../../electron/main/ipcServe';
import { createPreloadBridge } from '../../../../electron/preload/bridge';
import type { Officer } from '../../../../electron/common/officers/types';
import { FakeIpcMain, FakeWindow } from '../../../helpers/fakeIpc';
import { startTestHost, type TestHost } from '../../../helpers/host';

const ADMIN: Officer = { id: 'admin', name: '系统管理员', role: 'admin' };
const sockets: WsTransport[] = [];
const report = {
  source: 'officer' as const,
  title: '嘉陵江滨江路护栏损坏',
  description: '滨江路护栏两米缺口，行人有坠江风险',
  lon: 106.4505,
  lat: 29.583,
};

function ws(url: string): ServiceClient {
  const t = createWsTransport(url.replace('http', 'ws') + '/ws', (u) => new WebSocket(u) as unknown as WebSocketLike);
  sockets.push(t);
  return createServiceClient(t);
}

async function refusal(p: Promise<unknown>): Promise<RpcCallError> {
  try {
    await p;
  } catch (e) {
    return e as RpcCallError;
  }
  throw new Error('expected the call to be refused');
}

async function withPasswords(h: TestHost) {
  const s = h.console.services.session;
  await s.upsertOfficer(
    { id: 'duty-01', name: '联勤值班员 01', role: 'officer', password: 'duty one password' },
    ADMIN,
  );
  await s.upsertOfficer(
    {
      id: 'liaison-police',
      name: '区公安分局联络员',
      role: 'department',
      departmentId: 'police',
      password: 'police liaison pw',
    },
    ADMIN,
  );
}

let host: TestHost;
let ipcMain: FakeIpcMain;
let stopIpc: () => void;
beforeAll(async () => {
  host = await startTestHost(undefined, { historyCount: 0 });
  await withPasswords(host);
  ipcMain = new FakeIpcMain();
  stopIpc = serveIpc(ipcMain, host.console.dispatcher, (u) => u.startsWith('lianqin://app/'));
});
afterAll(async () => {
  stopIpc?.();
  sockets.forEach((t) => t.close());
  await host?.close();
});

const transports: Record<string, () => ServiceClient> = {
  ipc: () => createServiceClient(createIpcTransport(createPreloadBridge(new FakeWindow(ipcMain).ipcRenderer))),
  websocket: () => ws(host.url),
};

describe.each(Object.keys(transports))('sessions over %s (loopback, sign-in optional)', (kind) => {
  it('binds the sign-in to one connection; the others stay as they were', async () => {
    const a = transports[kind]();
    const b = transports[kind]();
    const s = await a.get('session').signIn('liaison-police', 'police liaison pw');
    expect(s).toMatchObject({
      officer: { id: 'liaison-police', role: 'department', departmentId: 'police' },
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      required: false,
      idleLockMs: 600_000,
      consoleId: host.console.id,
    });
    expect((await a.get('session').current()).officer?.id).toBe('liaison-police');
    expect(await b.get('session').current()).toMatchObject({ officer: null, token: null, required: false });
  });

  it('records the signed-in officer as the actor, whatever actor the client names', async () => {
    const a = transports[kind]();
    const i = await a.get('dispatch').report(report);
    expect(i.lastActor).toMatchObject({ id: 'console-officer' }); // not signed in: the duty seat, as before
    await a.get('session').signIn('duty-01', 'duty one password');
    const leader = { id: 'fake-leader', name: '冒充的领导', role: 'leader' as const };
    const noted = await a.get('dispatch').command(i.id, i.version, { type: 'note', text: '已电话联系' }, leader);
    expect(noted.lastActor).toEqual({ id: 'duty-01', name: '联勤值班员 01', role: 'officer' });
    // the role checks apply to the officer, not to the claimed actor: a duty officer cannot rule
    const e = await refusal(
      a
        .get('dispatch')
        .command(
          i.id,
          noted.version,
          { type: 'rule', leadDepartmentId: 'police', assistDepartmentIds: [], ruling: '由公安牵头' },
          leader,
        ),
    );
    expect(e.code).toBe('forbidden');
    const own = await a.get('dispatch').report(report);
    expect(own.lastActor?.id).toBe('duty-01');
  });

  it('refuses a wrong password with one message; unlock checks the password again', async () => {
    const a = transports[kind]();
    expect((await refusal(a.get('session').signIn('duty-01', 'not the password'))).code).toBe('unauthorized');
    expect((await refusal(a.get('session').signIn('nobody', 'duty one password'))).message).toMatch(
      /: wrong officer id or password$/,
    );
    expect((await refusal(a.get('session').unlock('duty one password'))).code).toBe('unauthorized'); // nobody signed in
    await a.get('session').signIn('duty-01', 'duty one password');
    expect((await refusal(a.get('session').unlock('wrong'))).code).toBe('unauthorized');
    expect((await a.get('session').unlock('duty one password')).officer?.id).toBe('duty-01');
  });

  it('resumes a session on another connection; signing out ends it on both', async () => {
    const a = transports[kind]();
    const b = transports[kind]();
    const { token } = await a.get('session').signIn('duty-01', 'duty one password');
    expect((await b.get('session').resume(token!)).officer?.id).toBe('duty-01');
    await b.get('session').signOut();
    const e = await refusal(a.get('dispatch').stats());
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/the session has ended; sign in again$/);
    expect((await a.get('session').current()).officer).toBeNull();
    await a.get('dispatch').stats(); // signed out on an optional connection: back to the duty seat
    expect((await refusal(b.get('session').resume(token!))).code).toBe('unauthorized');
  });
});

describe('connections that must sign in', () => {
  it('IPC with sign-in required: only the session service and the console info until signed in', async () => {
    const main = new FakeIpcMain();
    const stop = serveIpc(main, host.console.dispatcher, (u) => u.startsWith('lianqin://app/'), true);
    try {
      const c = createServiceClient(createIpcTransport(createPreloadBridge(new FakeWindow(main).ipcRenderer)));
      expect((await refusal(c.get('dispatch').board({}))).code).toBe('unauthorized');
      expect((await c.get('session').current()).required).toBe(true);
      await c.get('system').getInfo();
      await c.get('session').signIn('duty-01', 'duty one password');
      expect((await c.get('dispatch').board({})).total).toBeGreaterThanOrEqual(0);
    } finally {
      stop();
    }
  });

  it('a host bound to the network: every window signs in; a reconnect resumes with ?resume=<token>', async () => {
    const net = await startTestHost(undefined, { historyCount: 0, host: '0.0.0.0' });
    try {
      await withPasswords(net);
      const url = `http://127.0.0.1:${net.port}`;
      const c = ws(url);
      expect((await refusal(c.get('dispatch').stats())).code).toBe('unauthorized');
      expect((await refusal(c.get('reference').listTowns())).code).toBe('unauthorized');
      const s = await c.get('session').signIn('liaison-police', 'police liaison pw');
      expect(s.required).toBe(true);
      await c.get('dispatch').stats();
      const t = createWsTransport(
        `ws://127.0.0.1:${net.port}/ws?resume=${s.token}`,
        (u) => new WebSocket(u) as unknown as WebSocketLike,
      );
      sockets.push(t);
      const again = createServiceClient(t);
      expect((await again.get('session').current()).officer?.id).toBe('liaison-police');
      await again.get('dispatch').stats();
    } finally {
      await net.close();
    }
  });
});
