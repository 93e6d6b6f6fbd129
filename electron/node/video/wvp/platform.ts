// WVP-GB28181-pro as a platform: its devices' channels join the camera list, plays go through
// /api/play/start (retried once: a first play that times out while the second works is a known WVP
// behaviour), play URLs on a loopback or unresolvable host are rewritten to the platform's host, and
// PTZ and presets go to /api/front-end/….
import dns from 'node:dns/promises';
import { isLoopbackHost, withHost } from '../../../common/video/urls';
import type { PlayUrls, PresetDto, PtzCommand, StreamKind, VideoCodec } from '../../../common/video/types';
import {
  PlatformError,
  type CameraRef,
  type PlatformChannel,
  type PlatformPlay,
  type Probe,
  type VideoPlatform,
} from '../platform';
import type { WvpClient } from './client';

const PAGE = 100;
const PLAY_TIMEOUT_MS = 25_000;
const PLAY_TTL_MS = 5 * 60_000;
/** GB/T 28181 DirectionType 1–8 → heading (E, W, S, N, SE, NE, SW, NW) */
const DIRECTION_DEG: Record<number, number> = { 1: 90, 2: 270, 3: 180, 4: 0, 5: 135, 6: 45, 7: 225, 8: 315 };
/** PTZType: 1 dome, 4 remote-controlled bullet, 5 remote-controlled half-dome can move; 2, 3 cannot */
const MOVABLE = new Set([1, 4, 5]);

interface Page<T> {
  total: number;
  list: T[];
}
interface WvpDevice {
  deviceId: string;
  name?: string;
  onLine?: boolean;
}
interface WvpChannel {
  deviceId?: string;
  channelId?: string;
  name?: string;
  longitude?: number | null;
  latitude?: number | null;
  status?: string | number | boolean;
  ptzType?: number | null;
  directionType?: number | null;
}
type WvpStream = Partial<
  Record<'flv' | 'https_flv' | 'ws_flv' | 'wss_flv' | 'hls' | 'https_hls' | 'rtc' | 'rtcs', string | null>
> & {
  mediaInfo?: { videoCodec?: string | null } | null;
};

export interface WvpPlatformOptions {
  client: WvpClient;
  baseUrl: string;
  /** whether a host name resolves (tests pass their own; default: DNS lookup, cached) */
  resolves?: (hostname: string) => Promise<boolean>;
}

const online = (s: WvpChannel['status']) => s === 'ON' || s === 'on' || s === 1 || s === '1' || s === true;

export class WvpPlatform implements VideoPlatform {
  readonly kind = 'wvp' as const;
  readonly simulated = false;
  readonly id: string;
  readonly address: string;
  private readonly host: string;
  private readonly dnsCache = new Map<string, Promise<boolean>>();

  constructor(private readonly o: WvpPlatformOptions) {
    const u = new URL(o.baseUrl);
    this.host = u.hostname;
    this.id = `wvp:${u.host}`;
    this.address = u.origin;
  }

  private async pages<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const p = await this.o.client.get<Page<T>>(path, { page, count: PAGE });
      const list = Array.isArray(p?.list) ? p.list : [];
      out.push(...list);
      if (!list.length || out.length >= (p.total ?? 0)) return out;
    }
  }

  async channels(): Promise<PlatformChannel[]> {
    const out: PlatformChannel[] = [];
    for (const d of await this.pages<WvpDevice>('/api/device/query/devices')) {
      const list = await this.pages<WvpChannel>(`/api/device/query/devices/${encodeURIComponent(d.deviceId)}/channels`);
      for (const c of list) {
        const id = c.deviceId ?? c.channelId;
        const lon = Number(c.longitude);
        const lat = Number(c.latitude);
        // a channel without a position cannot be on the map or near anything
        if (!id || !Number.isFinite(lon) || !Number.isFinite(lat) || (lon === 0 && lat === 0)) continue;
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) continue;
        const movable = MOVABLE.has(Number(c.ptzType));
        out.push({
          id,
          deviceId: d.deviceId,
          name: c.name?.trim() || id,
          lon,
          lat,
          status: online(c.status) && d.onLine !== false ? 'online' : 'offline',
          mount: movable ? 'ptz' : 'fixed',
          headingDeg: movable ? null : (DIRECTION_DEG[Number(c.directionType)] ?? null),
        });
      }
    }
    return out;
  }

  private ids(camera: CameraRef): string {
    if (!camera.deviceId) throw new PlatformError('refused', `camera ${camera.id} has no WVP device id`);
    return `${encodeURIComponent(camera.deviceId)}/${encodeURIComponent(camera.id)}`;
  }

  private resolves(hostname: string): Promise<boolean> {
    if (this.o.resolves) return this.o.resolves(hostname);
    let p = this.dnsCache.get(hostname);
    if (!p) {
      p = dns.lookup(hostname).then(
        () => true,
        () => false,
      );
      this.dnsCache.set(hostname, p);
    }
    return p;
  }

  /** A URL on 127.0.0.1, localhost or a host this machine cannot resolve goes to the platform's host. */
  private async reachable(url: string | null | undefined): Promise<string | undefined> {
    if (!url) return undefined;
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return undefined;
    }
    if (isLoopbackHost(host) || !(await this.resolves(host))) return withHost(url, this.host);
    return url;
  }

  async play(camera: CameraRef, stream: StreamKind): Promise<PlatformPlay> {
    void stream; // WVP picks the stream by the device's own setting
    if (camera.status !== 'online') throw new PlatformError('offline', `camera ${camera.id} is ${camera.status}`);
    const path = `/api/play/start/${this.ids(camera)}`;
    let data: WvpStream;
    try {
      data = await this.o.client.get<WvpStream>(path, {}, PLAY_TIMEOUT_MS);
    } catch (e) {
      const timedOut = e instanceof PlatformError && (e.code === 486 || e.code === 408 || e.kind === 'unreachable');
      if (!timedOut) throw e;
      data = await this.o.client.get<WvpStream>(path, {}, PLAY_TIMEOUT_MS);
    }
    if (!data) throw new PlatformError('offline', `WVP gave no stream for camera ${camera.id}`);
    const urls: PlayUrls = {};
    const set = async (k: keyof PlayUrls, ...v: (string | null | undefined)[]) => {
      const u = await this.reachable(v.find((x) => !!x));
      if (u) urls[k] = u;
    };
    await set('wsFlv', data.ws_flv, data.wss_flv);
    await set('flv', data.flv, data.https_flv);
    await set('hls', data.hls, data.https_hls);
    await set('webrtc', data.rtc, data.rtcs);
    const vc = data.mediaInfo?.videoCodec?.toUpperCase() ?? '';
    const codec: VideoCodec = /265|HEVC/.test(vc) ? 'h265' : /264|AVC/.test(vc) ? 'h264' : camera.codec;
    if (!Object.keys(urls).length)
      throw new PlatformError('refused', `WVP offered no browser-playable URL for ${camera.id}`);
    return { urls, codec, ttlMs: PLAY_TTL_MS };
  }

  async stop(camera: CameraRef): Promise<void> {
    await this.o.client.get(`/api/play/stop/${this.ids(camera)}`);
  }

  async ptz(camera: CameraRef, command: PtzCommand, speed: number): Promise<void> {
    const pt = Math.max(1, Math.min(255, Math.round(speed * 255)));
    const z = Math.max(1, Math.min(15, Math.round(speed * 15)));
    await this.o.client.get(`/api/front-end/ptz/${this.ids(camera)}`, {
      command,
      horizonSpeed: pt,
      verticalSpeed: pt,
      zoomSpeed: z,
    });
  }

  async presets(camera: CameraRef): Promise<PresetDto[]> {
    const list = await this.o.client.get<{ presetId: string | number; presetName?: string }[] | null>(
      `/api/front-end/preset/query/${this.ids(camera)}`,
    );
    return (list ?? [])
      .map((p) => ({ id: Number(p.presetId), name: p.presetName?.trim() || `预置位${p.presetId}` }))
      .filter((p) => Number.isInteger(p.id) && p.id >= 1 && p.id <= 255);
  }

  async gotoPreset(camera: CameraRef, presetId: number): Promise<void> {
    await this.o.client.get(`/api/front-end/preset/call/${this.ids(camera)}`, { presetId });
  }

  async probe(): Promise<Probe> {
    const t0 = performance.now();
    try {
      await this.o.client.get('/api/device/query/devices', { page: 1, count: 1 });
      return { reachable: true, latencyMs: Math.round(performance.now() - t0), error: null };
    } catch (e) {
      return { reachable: false, latencyMs: null, error: (e as Error).message };
    }
  }
}
