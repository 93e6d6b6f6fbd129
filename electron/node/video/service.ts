// The video service: which platform plays a camera, what it handed out, PTZ and presets, platform
// status, cameras near the scene and call-ups for every open wall, carousel groups, snapshots.
// Platform failures become service errors that say what is down and why (503), a fixed camera
// refuses PTZ (409), an unknown camera is 404.
import crypto from 'node:crypto';
import type { CameraDto } from '../../common/dto';
import type { CameraGroupDto, IVideoService, NearSceneDto } from '../../common/contract/video';
import { MAX_SNAPSHOT_BYTES } from '../../common/contract/video';
import { ServiceError } from '../../common/errors';
import { candidateRadiusM, nearScene, NEAR_RADIUS_M } from '../../common/video/nearScene';
import type {
  ActivePlayDto,
  CallUpDto,
  PlatformStatusDto,
  PlayDto,
  PlayUrls,
  PresetDto,
  PtzCommand,
  SnapshotDto,
  StreamKind,
  VideoStatusDto,
} from '../../common/video/types';
import type { CameraRepo } from '../cameras/repo';
import { Emitter } from '../events';
import { PlatformError, type CameraRef, type VideoPlatform } from './platform';
import type { SnapshotStore } from './snapshots';

export interface VideoServiceDeps {
  cameras: Pick<CameraRepo, 'get' | 'deviceIdOf' | 'nearby' | 'list'>;
  /** the platform that plays the seeded cameras (the simulator by default) */
  seedPlatform: VideoPlatform;
  /** platforms that list their own channels (WVP), by id */
  platforms: VideoPlatform[];
  snapshots: SnapshotStore;
  incidentExists: (id: string) => boolean;
  now: () => number;
  newId: () => string;
  /**
   * Puts a snapshot on an incident's timeline (the dispatch service's `attach` command, wired by the
   * composition root). Absent: snapshots are only listed by `snapshots(incidentId)`.
   */
  attachToIncident?: (incidentId: string, evidence: SnapshotEvidence) => Promise<void>;
  /** how many live viewers a camera's stream has on this host (simulator), else null */
  viewers?: (cameraId: string, stream: StreamKind) => number | null;
}

/** What the incident's timeline records about a snapshot (the dispatch service's evidence shape). */
export interface SnapshotEvidence {
  id: string;
  kind: 'snapshot';
  name: string;
  mime: 'image/jpeg';
  bytes: number;
  sha256: string;
}

const PROBE_EVERY_MS = 5_000;
const JPEG_SOI = [0xff, 0xd8, 0xff];

export class VideoService implements IVideoService {
  private readonly callUps = new Emitter<CallUpDto>();
  private readonly snaps = new Emitter<SnapshotDto>();
  readonly onDidCallUp = this.callUps.event;
  readonly onDidSnapshot = this.snaps.event;
  private readonly active = new Map<string, ActivePlayDto>();
  private readonly probes = new Map<string, { at: number; status: PlatformStatusDto }>();
  private seq = 0;
  private groupCache: CameraGroupDto[] | null = null;
  /** where this console's own stream endpoints are, when windows cannot reach them by a relative path (Electron) */
  private mediaBase: URL | null = null;
  /** media origins platforms handed out (the CSP lets windows load from them) */
  private readonly seenOrigins = new Set<string>();

  constructor(private readonly deps: VideoServiceDeps) {}

  private all(): VideoPlatform[] {
    return [this.deps.seedPlatform, ...this.deps.platforms];
  }

  private camera(id: string): { dto: CameraDto; ref: CameraRef; platform: VideoPlatform } {
    const dto = this.deps.cameras.get(id);
    if (!dto) throw new ServiceError('not-found', `no camera ${id}`, { field: 'cameraId' });
    const platform =
      dto.platform === 'seed' ? this.deps.seedPlatform : this.deps.platforms.find((p) => p.id === dto.platform);
    if (!platform)
      throw new ServiceError(
        'unavailable',
        `camera ${id} belongs to ${dto.platform}, which this console is not connected to`,
        {
          reason: 'platform-unknown',
        },
      );
    return { dto, ref: { ...dto, deviceId: this.deps.cameras.deviceIdOf(id) }, platform };
  }

  /** A platform failure as the service error a caller understands. */
  private fail(e: unknown, platform: VideoPlatform, control: boolean): never {
    if (e instanceof ServiceError) throw e;
    if (!(e instanceof PlatformError)) throw e;
    switch (e.kind) {
      case 'offline':
        throw new ServiceError('unavailable', e.message, { reason: 'camera-offline', platform: platform.id });
      case 'unreachable':
        throw new ServiceError('unavailable', e.message, { reason: 'platform-unreachable', platform: platform.id });
      case 'unsupported':
        throw new ServiceError('conflict', e.message, { reason: 'unsupported', platform: platform.id });
      case 'refused':
        throw control
          ? new ServiceError('rejected', e.message, { reason: 'platform-refused', platform: platform.id })
          : new ServiceError('unavailable', e.message, { reason: 'platform-refused', platform: platform.id });
    }
  }

  async play(cameraId: string, stream: StreamKind = 'sub'): Promise<PlayDto> {
    const { dto, ref, platform } = this.camera(cameraId);
    if (dto.status !== 'online')
      throw new ServiceError('unavailable', `camera ${cameraId} (${dto.name}) is ${dto.status}`, {
        reason: 'camera-offline',
        platform: platform.id,
      });
    try {
      const p = await platform.play(ref, stream);
      const now = this.deps.now();
      const expiresAt = now + p.ttlMs;
      const key = `${cameraId}/${stream}`;
      const startedAt = this.active.get(key)?.startedAt ?? now;
      this.active.set(key, { cameraId, stream, platform: platform.id, startedAt, expiresAt, viewers: null });
      const urls = this.absolute(p.urls);
      for (const u of Object.values(urls)) this.remember(u);
      return {
        cameraId,
        stream,
        urls,
        codec: p.codec,
        expiresAt,
        platform: platform.id,
        simulated: platform.simulated,
      };
    } catch (e) {
      this.fail(e, platform, false);
    }
  }

  async stop(cameraId: string, stream: StreamKind = 'sub'): Promise<void> {
    const { ref, platform } = this.camera(cameraId);
    this.active.delete(`${cameraId}/${stream}`);
    try {
      await platform.stop(ref, stream);
    } catch (e) {
      this.fail(e, platform, true);
    }
  }

  private controllable(cameraId: string) {
    const c = this.camera(cameraId);
    if (c.dto.mount !== 'ptz')
      throw new ServiceError('conflict', `camera ${cameraId} (${c.dto.name}) is a fixed camera: it has no PTZ`, {
        reason: 'fixed-camera',
      });
    if (c.dto.status !== 'online')
      throw new ServiceError('unavailable', `camera ${cameraId} (${c.dto.name}) is ${c.dto.status}`, {
        reason: 'camera-offline',
      });
    return c;
  }

  async ptz(cameraId: string, command: PtzCommand, speed = 0.5): Promise<void> {
    const { ref, platform } = this.controllable(cameraId);
    try {
      await platform.ptz(ref, command, speed);
    } catch (e) {
      this.fail(e, platform, true);
    }
  }

  async presets(cameraId: string): Promise<PresetDto[]> {
    const { ref, platform } = this.controllable(cameraId);
    try {
      return await platform.presets(ref);
    } catch (e) {
      this.fail(e, platform, true);
    }
  }

  async gotoPreset(cameraId: string, presetId: number): Promise<void> {
    const { ref, platform } = this.controllable(cameraId);
    try {
      await platform.gotoPreset(ref, presetId);
    } catch (e) {
      this.fail(e, platform, true);
    }
  }

  private async probe(p: VideoPlatform): Promise<PlatformStatusDto> {
    const now = this.deps.now();
    const cached = this.probes.get(p.id);
    if (cached && now - cached.at < PROBE_EVERY_MS) return cached.status;
    const r = await p.probe();
    const cameras =
      p === this.deps.seedPlatform
        ? this.deps.cameras.list().filter((c) => c.platform === 'seed').length
        : this.deps.cameras.list().filter((c) => c.platform === p.id).length;
    const status: PlatformStatusDto = {
      id: p.id,
      kind: p.kind,
      address: p.address,
      reachable: r.reachable,
      latencyMs: r.latencyMs,
      error: r.error,
      checkedAt: now,
      cameras,
      simulated: p.simulated,
    };
    this.probes.set(p.id, { at: now, status });
    return status;
  }

  async status(): Promise<VideoStatusDto> {
    const now = this.deps.now();
    for (const [k, a] of this.active) if (a.expiresAt <= now) this.active.delete(k);
    const platforms = await Promise.all(this.all().map((p) => this.probe(p)));
    const activePlays = [...this.active.values()].map((a) => ({
      ...a,
      viewers: this.deps.viewers?.(a.cameraId, a.stream) ?? null,
    }));
    return { platforms, activePlays };
  }

  async near(lon: number, lat: number, radius?: number | null): Promise<NearSceneDto> {
    const radiusM = radius ?? NEAR_RADIUS_M;
    const candidates = this.deps.cameras.nearby(lon, lat, candidateRadiusM(radiusM), 2_000);
    return { lon, lat, ...nearScene(lon, lat, candidates, { radiusM }) };
  }

  async callUp(lon: number, lat: number, radiusM?: number | null, incidentId?: string | null): Promise<CallUpDto> {
    if (incidentId && !this.deps.incidentExists(incidentId))
      throw new ServiceError('not-found', `no incident ${incidentId}`, { field: 'incidentId' });
    const near = await this.near(lon, lat, radiusM);
    const callUp: CallUpDto = { ...near, seq: ++this.seq, incidentId: incidentId ?? null, at: this.deps.now() };
    this.callUps.fire(callUp);
    return callUp;
  }

  async groups(): Promise<CameraGroupDto[]> {
    this.groupCache ??= [
      {
        id: 'flood-season',
        name: '汛期视联网点位',
        cameraIds: this.deps.cameras
          .list()
          .filter((c) => c.kind === 'video-network')
          .sort((a, b) => a.townCode.localeCompare(b.townCode))
          .map((c) => c.id),
      },
    ];
    return this.groupCache;
  }

  async snapshot(cameraId: string, jpegBase64: string, incidentId?: string | null): Promise<SnapshotDto> {
    const { dto } = this.camera(cameraId);
    if (incidentId && !this.deps.incidentExists(incidentId))
      throw new ServiceError('not-found', `no incident ${incidentId}`, { field: 'incidentId' });
    const body = jpegBase64.replace(/^data:image\/jpeg;base64,/, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body))
      throw new ServiceError('bad-request', 'snapshot must be a base64 JPEG', { field: 'jpeg' });
    const jpeg = Buffer.from(body, 'base64');
    if (jpeg.length > MAX_SNAPSHOT_BYTES)
      throw new ServiceError('bad-request', `snapshot is larger than ${MAX_SNAPSHOT_BYTES} bytes`, { field: 'jpeg' });
    if (jpeg.length < 4 || JPEG_SOI.some((b, i) => jpeg[i] !== b))
      throw new ServiceError('bad-request', 'snapshot is not a JPEG (no start-of-image marker)', { field: 'jpeg' });
    const at = this.deps.now();
    const s: SnapshotDto = this.deps.snapshots.save(this.deps.newId(), cameraId, incidentId ?? null, jpeg, at);
    if (incidentId && this.deps.attachToIncident) {
      const stamp = new Date(at + 8 * 3_600_000).toISOString().slice(5, 19).replace('T', ' ');
      try {
        await this.deps.attachToIncident(incidentId, {
          id: s.id,
          kind: 'snapshot',
          name: `${dto.name} ${stamp}`.slice(0, 200),
          mime: 'image/jpeg',
          bytes: jpeg.length,
          sha256: crypto.createHash('sha256').update(jpeg).digest('hex'),
        });
        s.attachError = null;
      } catch (e) {
        // the picture is on disk whatever the incident's state; say why it is not on the timeline
        s.attachError = (e as Error).message;
      }
    }
    this.snaps.fire(s);
    return s;
  }

  async snapshots(incidentId: string): Promise<SnapshotDto[]> {
    return this.deps.snapshots.byIncident(incidentId);
  }

  /**
   * Electron windows load from lianqin://app, so the host's relative stream paths need its address;
   * browser windows keep relative paths (a wall controller may know the host by another name).
   */
  setMediaBase(url: string | null): void {
    this.mediaBase = url ? new URL(url) : null;
  }

  private absolute(urls: PlayUrls): PlayUrls {
    const base = this.mediaBase;
    if (!base) return urls;
    const out: PlayUrls = {};
    for (const [k, v] of Object.entries(urls) as [keyof PlayUrls, string][]) {
      if (!v.startsWith('/')) {
        out[k] = v;
        continue;
      }
      const u = new URL(v, base);
      if (k === 'wsFlv') u.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
      out[k] = u.toString();
    }
    return out;
  }

  private remember(url: string): void {
    if (url.startsWith('/')) return; // served by this host
    try {
      const u = new URL(url);
      this.seenOrigins.add(`${u.protocol}//${u.host}`);
    } catch {
      /* not a URL a window could load either */
    }
  }

  /** Sources the windows' CSP must allow for video: each WVP host (any port) and every media origin seen. */
  mediaSources(): string[] {
    const out = new Set(this.seenOrigins);
    for (const p of this.deps.platforms) {
      if (p.kind !== 'wvp') continue;
      const host = new URL(p.address).hostname;
      for (const scheme of ['http', 'https', 'ws', 'wss']) out.add(`${scheme}://${host}:*`);
    }
    if (this.mediaBase) {
      out.add(this.mediaBase.origin);
      out.add(`${this.mediaBase.protocol === 'https:' ? 'wss' : 'ws'}://${this.mediaBase.host}`);
    }
    return [...out].sort();
  }

  /** the JPEG of a snapshot, or null (HTTP serves it) */
  snapshotFile(id: string): Buffer | null {
    const s = this.deps.snapshots.get(id);
    return s ? this.deps.snapshots.read(s) : null;
  }

  /** forget cached groups (after a platform sync or a reseed) */
  invalidate(): void {
    this.groupCache = null;
  }
}
