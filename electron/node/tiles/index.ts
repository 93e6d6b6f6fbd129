// Builds the console's offline maps: MBTiles files in <data>/maps, web sources with one cache each in
// <data>/maps/cache, the schematic basemap drawn from the open data, region downloads (a console part:
// downloads that were running carry on after a restart), and their HTTP routes.
import path from 'node:path';
import type { Db } from '../../../native/sqlite/open';
import type { AreaContext } from '../../common/tiles/areas';
import type { SchematicData } from '../../common/tiles/schematic';
import { mapDownloadRoutes } from '../host/routes/mapDownloads';
import { tileRoutes } from '../host/routes/tiles';
import type { RouteDef } from '../host/router';
import { DownloadRepo } from './downloadRepo';
import { Downloads } from './downloads';
import { LayerFiles } from './layerFiles';
import type { SqliteOptions } from './mbtiles';
import { SchematicRenderer } from './schematic/render';
import { MapsService } from './service';
import { SourceStore } from './sources';
import { SourceCaches, TileStore } from './tileStore';
import { Upstream } from './upstream';

export interface MapsOptions {
  /** fetches at once for region downloads (default 6) */
  downloadConcurrency?: number;
  /** attempts per tile and first back-off (tests make these short) */
  downloadAttempts?: number;
  downloadBackoffMs?: number;
  /** per-request timeout for web sources (default 15 s) */
  tileTimeoutMs?: number;
  /** tests: fetch for web sources and capabilities */
  fetch?: typeof fetch;
}

export interface MapsDeps {
  db: Db;
  dataDir: string;
  now: () => number;
  newId: () => string;
  log: (line: string) => void;
  schematic: SchematicData;
  area: AreaContext;
  sqlite?: SqliteOptions;
}

export interface ConsoleMaps {
  service: MapsService;
  store: TileStore;
  files: LayerFiles;
  caches: SourceCaches;
  sources: SourceStore;
  upstream: Upstream;
  downloads: Downloads;
  dir: string;
  parts: { name: string; start(): Promise<void> | void; stop(): Promise<void> | void }[];
  routes: RouteDef[];
}

export function createMaps(deps: MapsDeps, opts: MapsOptions = {}): ConsoleMaps {
  const dir = path.join(deps.dataDir, 'maps');
  const fetchFn = opts.fetch ?? fetch;
  const files = new LayerFiles(dir, deps.log, Date.now, deps.sqlite);
  const caches = new SourceCaches(path.join(dir, 'cache'), deps.sqlite);
  const sources = new SourceStore(deps.db, deps.now);
  const upstream = new Upstream({ fetch: fetchFn, timeoutMs: opts.tileTimeoutMs, now: Date.now });
  const store = new TileStore({ files, caches, sources, upstream, renderers: [new SchematicRenderer(deps.schematic)] });
  const downloads = new Downloads({
    repo: new DownloadRepo(deps.db),
    fill: (id, z, x, y) => store.fill(id, z, x, y),
    cachedSize: (id, z, x, y) => (caches.exists(id) ? caches.get(id).sizeOf(z, x, y) : null),
    now: deps.now,
    log: deps.log,
    concurrency: opts.downloadConcurrency,
    attempts: opts.downloadAttempts,
    backoffMs: opts.downloadBackoffMs,
  });
  const service = new MapsService({
    files,
    caches,
    sources,
    store,
    upstream,
    downloads,
    schematic: deps.schematic,
    area: deps.area,
    newId: deps.newId,
    fetch: fetchFn,
  });
  return {
    service,
    store,
    files,
    caches,
    sources,
    upstream,
    downloads,
    dir,
    parts: [
      {
        name: 'maps',
        start() {
          files.scan();
          downloads.resumeAll((id) => service.downloadSource(id));
        },
        async stop() {
          await downloads.shutdown();
          files.close();
          caches.close();
        },
      },
    ],
    routes: [...tileRoutes({ service, store, files, dir, log: deps.log }), ...mapDownloadRoutes(service)],
  };
}
