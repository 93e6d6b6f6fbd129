// The WVP adapter against a fake WVP built from WVP's documented responses, inside a real console:
// sign-in with the md5 password, channels joining the camera list (searchable, nearby), play URLs
// with loopback and unresolvable hosts rewritten, a first play that times out, PTZ reaching the
// platform, and an expired token answered by signing in again.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WvpClient } from '../../../../electron/node/video/wvp/client';
import { FakeWvp, type FakeDevice } from '../../../helpers/fakeWvp';
import { startTestHost, type TestHost } from '../../../helpers/host';

const BASE = 'http://wvp.example:18080';
const CREDS = { username: 'admin', password: 'wvp-admin-pass' };
const devices: FakeDevice[] = [
  {
    deviceId: '34020000001320000001',
    name: '磁器口NVR',
    onLine: true,
    channels: [
      {
        idField: 'deviceId',
        id: '34020000001310000001',
        name: '磁器口北街球机',
        longitude: 106.4521,
        latitude: 29.5803,
        status: 'ON',
        ptzType: 1,
      },
      {
        idField: 'deviceId',
        id: '34020000001310000002',
        name: '磁器口码头枪机',
        longitude: 106.4533,
        latitude: 29.5791,
        status: 'ON',
        ptzType: 3,
        directionType: 1,
      },
      {
        idField: 'deviceId',
        id: '34020000001310000003',
        name: '无坐标通道',
        longitude: 0,
        latitude: 0,
        status: 'ON',
        ptzType: 3,
      },
      {
        idField: 'deviceId',
        id: '34020000001310000004',
        name: '嘉陵江边离线',
        longitude: 106.451,
        latitude: 29.581,
        status: 'OFF',
        ptzType: 3,
      },
      {
        idField: 'deviceId',
        id: '34020000001310000005',
        name: '首次点播超时',
        longitude: 106.454,
        latitude: 29.58,
        status: 'ON',
        ptzType: 3,
        flakyFirstPlay: true,
      },
      {
        idField: 'deviceId',
        id: '34020000001310000006',
        name: '高清H265',
        longitude: 106.4545,
        latitude: 29.5805,
        status: 'ON',
        ptzType: 2,
        codec: 'H265',
      },
    ],
  },
  {
    // an older WVP release: the channel's id is `channelId`, status is a number
    deviceId: '34020000001320000002',
    name: '老版本平台',
    onLine: true,
    channels: [
      {
        idField: 'channelId',
        id: '34020000001310000101',
        name: '小龙坎路口',
        longitude: 106.4645,
        latitude: 29.5632,
        status: 1,
        ptzType: 4,
      },
    ],
  },
];

let fake: FakeWvp;
let host: TestHost;
const proxiedFetch: typeof fetch = (input, init) => fetch(String(input).replace(BASE, fake.url), init);

beforeAll(async () => {
  fake = new FakeWvp(devices, CREDS);
  await fake.start();
  host = await startTestHost(undefined, {
    video: {
      platforms: ['simulator', `wvp:${BASE}`],
      env: { LIANQIN_WVP_USER: CREDS.username, LIANQIN_WVP_PASSWORD: CREDS.password },
      fetch: proxiedFetch,
      resolves: async (h) => h !== 'zlm-internal.lan',
    },
  });
  for (let i = 0; i < 100 && !(await host.console.services.cameras.get('34020000001310000101')); i++)
    await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await host?.close();
  await fake?.stop();
});

const call = async (method: string, p: string, body?: unknown) => {
  const r = await fetch(host.url + p, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
};

describe('WVP-GB28181-pro platform', () => {
  it('signs in with the md5 of the password and sends the token as access-token', () => {
    const login = fake.requests.find((r) => r.path === '/api/user/login')!;
    expect(login.query).toEqual({
      username: 'admin',
      password: crypto.createHash('md5').update(CREDS.password).digest('hex'),
    });
    const later = fake.requests.filter((r) => r.path !== '/api/user/login');
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.token?.startsWith('jwt-'))).toBe(true);
  });

  it('channels with a position join the camera list: searchable in Chinese, near their place, marked with the platform', async () => {
    const cams = host.console.services.cameras;
    const c = await cams.get('34020000001310000001');
    expect(c).toMatchObject({
      name: '磁器口北街球机',
      mount: 'ptz',
      status: 'online',
      platform: 'wvp:wvp.example:18080',
    });
    expect(await cams.get('34020000001310000002')).toMatchObject({ mount: 'fixed', headingDeg: 90 });
    expect(await cams.get('34020000001310000101')).toMatchObject({ name: '小龙坎路口', mount: 'ptz' });
    expect(await cams.get('34020000001310000003')).toBeNull(); // no position
    expect(await cams.get('34020000001310000004')).toMatchObject({ status: 'offline' });
    expect((await cams.search('磁器口北街')).map((x) => x.id)).toContain('34020000001310000001');
    expect((await cams.search('码头')).map((x) => x.id)).toContain('34020000001310000002');
    const near = await cams.nearby(106.4521, 29.5803, 50);
    expect(near[0]).toMatchObject({ id: '34020000001310000001', distanceM: 0 });
  });

  it('play: URLs from WVP with loopback and unresolvable hosts moved to the platform host', async () => {
    const r = await call('GET', '/api/video/cameras/34020000001310000001/play');
    expect(r.status).toBe(200);
    const s = '34020000001320000001_34020000001310000001';
    expect(r.body).toMatchObject({
      platform: 'wvp:wvp.example:18080',
      codec: 'h264',
      simulated: false,
      urls: {
        wsFlv: `ws://wvp.example:6080/rtp/${s}.live.flv`,
        flv: `http://wvp.example:6080/rtp/${s}.live.flv`,
        hls: `http://wvp.example:6080/rtp/${s}/hls.m3u8`,
        webrtc: `http://10.9.8.7:6080/index/api/webrtc?app=rtp&stream=${s}&type=play`,
      },
    });
    expect(fake.requests.some((q) => q.path === '/api/play/start/34020000001320000001/34020000001310000001')).toBe(
      true,
    );
  });

  it('play: a first play that times out is tried again; H.265 is reported; an offline channel is 503 in WVP words', async () => {
    expect((await call('GET', '/api/video/cameras/34020000001310000005/play')).status).toBe(200);
    expect(fake.requests.filter((q) => q.path.endsWith('/34020000001310000005')).length).toBe(2);
    expect((await call('GET', '/api/video/cameras/34020000001310000006/play')).body.codec).toBe('h265');
    const off = await call('GET', '/api/video/cameras/34020000001310000004/play');
    expect(off.status).toBe(503);
  });

  it('PTZ reaches the platform with speeds in its ranges; presets are listed and called', async () => {
    expect(
      (await call('POST', '/api/video/cameras/34020000001310000001/ptz', { command: 'zoomin', speed: 0.5 })).status,
    ).toBe(204);
    expect(fake.ptz.at(-1)).toEqual({
      device: '34020000001320000001',
      channel: '34020000001310000001',
      command: 'zoomin',
      horizonSpeed: '128',
      verticalSpeed: '128',
      zoomSpeed: '8',
    });
    expect((await call('POST', '/api/video/cameras/34020000001310000002/ptz', { command: 'left' })).status).toBe(409);
    expect((await call('GET', '/api/video/cameras/34020000001310000101/presets')).body).toEqual([
      { id: 1, name: '大门' },
      { id: 2, name: '河道' },
    ]);
    expect((await call('POST', '/api/video/cameras/34020000001310000101/presets/2')).status).toBe(204);
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/api/front-end/preset/call/34020000001320000002/34020000001310000101',
      query: { presetId: '2' },
    });
  });

  it('an expired token is answered by signing in again, and the call still succeeds', async () => {
    const logins = fake.logins;
    const rejected = fake.rejected401;
    fake.expireTokens();
    expect((await call('GET', '/api/video/cameras/34020000001310000002/play')).status).toBe(200);
    expect(fake.rejected401).toBe(rejected + 1);
    expect(fake.logins).toBe(logins + 1);
  });

  it('status: both platforms, WVP reachable with its latency', async () => {
    const r = await call('GET', '/api/video/status');
    const wvp = r.body.platforms.find((p: { kind: string }) => p.kind === 'wvp');
    expect(wvp).toMatchObject({
      id: 'wvp:wvp.example:18080',
      address: BASE,
      reachable: true,
      error: null,
      simulated: false,
      cameras: 6,
    });
    expect(wvp.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.body.platforms.map((p: { id: string }) => p.id)).toEqual(['simulator', 'wvp:wvp.example:18080']);
  });

  it('bad credentials or none: refused with a message naming the user, never the password', async () => {
    const client = new WvpClient({
      baseUrl: fake.url,
      credentials: () => ({ username: 'admin', password: 'wrong-pass' }),
    });
    const err = await client.get('/api/device/query/devices').catch((e: Error) => e);
    expect(String(err)).toMatch(/refused the sign-in for admin: 用户名或密码错误/);
    expect(String(err)).not.toContain('wrong-pass');
    expect(String(err)).not.toContain(crypto.createHash('md5').update('wrong-pass').digest('hex'));
    const none = new WvpClient({ baseUrl: fake.url, credentials: () => 'no WVP credentials: set LIANQIN_WVP_USER' });
    await expect(none.get('/api/device/query/devices')).rejects.toThrow(/LIANQIN_WVP_USER/);
  });

  it('a platform that does not answer is unreachable, with the reason', async () => {
    const client = new WvpClient({ baseUrl: 'http://127.0.0.1:9', credentials: () => CREDS, timeoutMs: 2_000 });
    await expect(client.get('/api/device/query/devices')).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it("the pages' CSP lets windows load from the platform's media servers, and from no other host", async () => {
    const csp = (await fetch(`${host.url}/`)).headers.get('content-security-policy')!;
    for (const src of ['ws://wvp.example:*', 'http://wvp.example:*', 'http://10.9.8.7:6080'])
      expect(csp).toMatch(new RegExp(`connect-src [^;]*${src.replace(/[.*]/g, '\\$&')}`));
    expect(csp).toMatch(/media-src 'self' blob: .*wvp\.example/);
    expect(csp).not.toContain('zlm-internal.lan');
    expect(csp).not.toContain('127.0.0.1');
  });
});
