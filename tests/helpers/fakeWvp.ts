// A fake WVP-GB28181-pro built from its documented responses ({ code, msg, data }; the `access-token`
// header; HTTP 401 with code 401 when the token is missing or expired; paged lists as { total, list };
// StreamContent with flv/ws_flv/hls/rtc URLs that carry the media server's own, often loopback, host).
import crypto from 'node:crypto';
import http from 'node:http';

export interface FakeChannel {
  /** newer releases call the channel's GB id deviceId, older ones channelId */
  idField: 'deviceId' | 'channelId';
  id: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
  status: 'ON' | 'OFF' | 1 | 0;
  ptzType: number;
  directionType?: number;
  codec?: 'H264' | 'H265';
  /** the first play start times out (code 486), the second works: a known WVP behaviour */
  flakyFirstPlay?: boolean;
}
export interface FakeDevice {
  deviceId: string;
  name: string;
  onLine: boolean;
  channels: FakeChannel[];
}

export class FakeWvp {
  readonly requests: { path: string; query: Record<string, string>; token: string | null }[] = [];
  readonly ptz: Record<string, string>[] = [];
  private readonly tokens = new Set<string>();
  private readonly plays = new Map<string, number>();
  private server: http.Server | null = null;
  logins = 0;
  rejected401 = 0;
  url = '';

  constructor(
    private readonly devices: FakeDevice[],
    private readonly user = { username: 'admin', password: 'wvp-admin-pass' },
  ) {}

  /** every token handed out so far stops working (as when WVP's JWT expires) */
  expireTokens(): void {
    this.tokens.clear();
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private send(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(u.searchParams);
    const token = (req.headers['access-token'] as string | undefined) ?? null;
    this.requests.push({ path: u.pathname, query, token });
    const ok = (data: unknown) => this.send(res, 200, { code: 0, msg: '成功', data });
    if (u.pathname === '/api/user/login') {
      const md5 = crypto.createHash('md5').update(this.user.password).digest('hex');
      if (query.username !== this.user.username || query.password !== md5)
        return this.send(res, 401, { code: 401, msg: '用户名或密码错误' });
      const t = `jwt-${++this.logins}-${crypto.randomBytes(4).toString('hex')}`;
      this.tokens.add(t);
      return ok({ accessToken: t, username: query.username, id: 1, role: { id: 1, name: 'admin' } });
    }
    if (!token || !this.tokens.has(token)) {
      this.rejected401++;
      return this.send(res, 401, { code: 401, msg: '请登录后重新请求' });
    }
    const page = <T>(list: T[]) => {
      const p = Number(query.page ?? 1);
      const n = Number(query.count ?? 15);
      return ok({ total: list.length, list: list.slice((p - 1) * n, p * n), pageNum: p, pageSize: n });
    };
    let m: RegExpExecArray | null;
    if (u.pathname === '/api/device/query/devices')
      return page(
        this.devices.map(({ channels, ...d }) => ({ ...d, channelCount: channels.length, streamMode: 'TCP-PASSIVE' })),
      );
    if ((m = /^\/api\/device\/query\/devices\/([^/]+)\/channels$/.exec(u.pathname))) {
      const d = this.devices.find((x) => x.deviceId === m![1]);
      if (!d) return this.send(res, 200, { code: 404, msg: '设备不存在' });
      return page(
        d.channels.map((c) => ({
          [c.idField]: c.id,
          name: c.name,
          longitude: c.longitude,
          latitude: c.latitude,
          status: c.status,
          ptzType: c.ptzType,
          directionType: c.directionType ?? null,
          parentId: d.deviceId,
          manufacturer: 'Hikvision',
        })),
      );
    }
    const channelOf = (dev: string, ch: string) =>
      this.devices.find((x) => x.deviceId === dev)?.channels.find((c) => c.id === ch) ?? null;
    if ((m = /^\/api\/play\/start\/([^/]+)\/([^/]+)$/.exec(u.pathname))) {
      const c = channelOf(m[1], m[2]);
      if (!c) return this.send(res, 200, { code: 404, msg: '通道不存在' });
      if (c.status === 'OFF' || c.status === 0) return this.send(res, 200, { code: 100, msg: '设备离线' });
      const n = (this.plays.get(c.id) ?? 0) + 1;
      this.plays.set(c.id, n);
      if (c.flakyFirstPlay && n === 1) return this.send(res, 200, { code: 486, msg: '点播超时' });
      const s = `${m[1]}_${m[2]}`;
      return ok({
        app: 'rtp',
        stream: s,
        ip: '127.0.0.1',
        mediaServerId: 'zlm-1',
        flv: `http://127.0.0.1:6080/rtp/${s}.live.flv`,
        https_flv: null,
        ws_flv: `ws://127.0.0.1:6080/rtp/${s}.live.flv`,
        wss_flv: null,
        fmp4: `http://127.0.0.1:6080/rtp/${s}.live.mp4`,
        hls: `http://zlm-internal.lan:6080/rtp/${s}/hls.m3u8`,
        rtc: `http://10.9.8.7:6080/index/api/webrtc?app=rtp&stream=${s}&type=play`,
        rtsp: `rtsp://127.0.0.1:554/rtp/${s}`,
        mediaInfo: { videoCodec: c.codec ?? 'H264', width: 1920, height: 1080 },
      });
    }
    if ((m = /^\/api\/play\/stop\/([^/]+)\/([^/]+)$/.exec(u.pathname))) return ok(null);
    if ((m = /^\/api\/front-end\/ptz\/([^/]+)\/([^/]+)$/.exec(u.pathname))) {
      const allowed = [
        'left',
        'right',
        'up',
        'down',
        'upleft',
        'upright',
        'downleft',
        'downright',
        'zoomin',
        'zoomout',
        'stop',
      ];
      if (!allowed.includes(query.command)) return this.send(res, 200, { code: 400, msg: '参数或方法错误' });
      this.ptz.push({ device: m[1], channel: m[2], ...query });
      return ok(null);
    }
    if ((m = /^\/api\/front-end\/preset\/query\/([^/]+)\/([^/]+)$/.exec(u.pathname)))
      return ok([
        { presetId: '1', presetName: '大门' },
        { presetId: '2', presetName: '河道' },
      ]);
    if ((m = /^\/api\/front-end\/preset\/call\/([^/]+)\/([^/]+)$/.exec(u.pathname))) return ok(null);
    this.send(res, 404, { code: 404, msg: '资源未找到' });
  }
}
