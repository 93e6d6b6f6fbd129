// Builds the console's video side from its options: the platform that plays the seeded cameras (the
// embedded simulator unless `direct` is chosen), any WVP platforms (their channels join the camera
// list, re-listed every few minutes), the video service, and the simulator's stream endpoints.
import type { Db } from '../../../native/sqlite/open';
import { syncPlatformChannels } from '../cameras/platformChannels';
import type { CameraRepo } from '../cameras/repo';
import type { UpgradeHandler } from '../host/host';
import type { RouteDef } from '../host/router';
import { videoClipsDir } from '../seed/videoClips';
import { DirectPlatform } from './direct';
import type { VideoPlatform } from './platform';
import { VideoService, type VideoServiceDeps } from './service';
import { loadClips } from './simulator/clips';
import { SimulatorMedia, type SimCamera } from './simulator/endpoints';
import { SimulatorPlatform } from './simulator/platform';
import { SnapshotStore } from './snapshots';
import { WvpClient } from './wvp/client';
import { WvpPlatform } from './wvp/platform';
import { parseWvpBaseUrl, readWvpCredentials } from './wvp/settings';

export interface VideoOptions {
  /** 'simulator' (the default), 'direct', 'wvp:<baseUrl>'; WVP may be given with either of the others */
  platforms?: string[];
  /** where the simulator's clips are (default: seeds/video) */
  clipsDir?: string;
  /** the application folder (Electron), where seeds/video ships */
  appDir?: string;
  /** how often WVP channels are listed again (ms; default 5 minutes) */
  channelSyncMs?: number;
  /** tests: the environment for credentials, fetch, and name resolution */
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  resolves?: (hostname: string) => Promise<boolean>;
}

export function parseVideoPlatform(v: string): string {
  if (v === 'simulator' || v === 'direct') return v;
  if (v.startsWith('wvp:')) return `wvp:${parseWvpBaseUrl(v.slice(4))}`;
  throw new Error(`--video-platform must be simulator, direct or wvp:<baseUrl>, got ${v}`);
}

export interface VideoDeps {
  db: Db;
  dataDir: string;
  cameras: CameraRepo;
  now: () => number;
  newId: () => string;
  incidentExists: (id: string) => boolean;
  log: (line: string) => void;
  /** puts a snapshot on an incident's timeline (the dispatch service's attach command) */
  attachToIncident?: VideoServiceDeps['attachToIncident'];
  /** streams the simulator serves besides the seeded cameras (drone video: `uav-<aircraft sn>` while pushed) */
  extraStreams?: (streamId: string) => SimCamera | null;
}

export interface ConsoleVideo {
  service: VideoService;
  simulator: { media: SimulatorMedia; platform: SimulatorPlatform } | null;
  wvp: WvpPlatform[];
  parts: { name: string; start(): Promise<void> | void; stop(): Promise<void> | void }[];
  routes: RouteDef[];
  upgrades: UpgradeHandler[];
}

export function createVideo(deps: VideoDeps, opts: VideoOptions = {}): ConsoleVideo {
  const specs = (opts.platforms?.length ? opts.platforms : ['simulator']).map(parseVideoPlatform);
  const direct = specs.includes('direct');
  if (direct && specs.includes('simulator'))
    throw new Error('--video-platform: choose simulator or direct for the seeded cameras, not both');
  const parts: ConsoleVideo['parts'] = [];
  const routes: RouteDef[] = [];
  const upgrades: UpgradeHandler[] = [];

  let simulator: ConsoleVideo['simulator'] = null;
  let seedPlatform: VideoPlatform;
  if (direct) seedPlatform = new DirectPlatform();
  else {
    const lib = loadClips(videoClipsDir(opts.clipsDir, opts.appDir));
    const media = new SimulatorMedia({
      lib,
      clock: () => performance.now(),
      lookup: (id) => {
        const c = deps.cameras.get(id);
        return c && c.platform === 'seed' ? { status: c.status, codec: c.codec } : (deps.extraStreams?.(id) ?? null);
      },
    });
    const platform = new SimulatorPlatform(media);
    simulator = { media, platform };
    seedPlatform = platform;
    routes.push(...media.routes());
    upgrades.push(media.upgrade);
    parts.push({ name: 'video-simulator', start: () => media.start(), stop: () => media.stop() });
  }

  const wvp = specs
    .filter((s) => s.startsWith('wvp:'))
    .map((s) => {
      const baseUrl = s.slice(4);
      const client = new WvpClient({
        baseUrl,
        credentials: () => readWvpCredentials(deps.dataDir, opts.env),
        fetch: opts.fetch,
      });
      return new WvpPlatform({ client, baseUrl, resolves: opts.resolves });
    });

  const service = new VideoService({
    cameras: deps.cameras,
    seedPlatform,
    platforms: wvp,
    snapshots: new SnapshotStore(deps.db, deps.dataDir),
    incidentExists: deps.incidentExists,
    attachToIncident: deps.attachToIncident,
    now: deps.now,
    newId: deps.newId,
    viewers: (id, stream) => simulator?.media.viewers(id, stream) ?? null,
  });

  for (const p of wvp) {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const sync = async () => {
      try {
        const r = syncPlatformChannels(deps.db, p.id, await p.channels());
        service.invalidate();
        deps.log(`[video] ${p.id}: channels +${r.added} ~${r.updated} −${r.removed}`);
      } catch (e) {
        deps.log(`[video] ${p.id}: listing channels failed: ${(e as Error).message}`);
      }
      if (!stopped) timer = setTimeout(() => void sync(), opts.channelSyncMs ?? 5 * 60_000);
    };
    parts.push({
      name: `video-${p.id}`,
      // parts start once the district is seeded, so channels can be placed in towns
      start: () => void sync(),
      stop: () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      },
    });
  }
  return { service, simulator, wvp, parts, routes, upgrades };
}
