// Tiles: serving a cached tile (the path GET /tiles/<layer>/<z>/<x>/<y> takes: layer look-up, TMS flip,
// prepared read, format, ETag) against reading the same row with a bare SQLite query; and a region
// download's rate against a local tile server answering after 20 ms, at the chosen concurrency vs one
// at a time.
import Database from 'better-sqlite3';
import path from 'node:path';
import { createRng } from '../../electron/common/prng';
import { coverLevels, coverTiles } from '../../electron/common/tiles/cover';
import { flipY, type BBoxArr } from '../../electron/common/tiles/mercator';
import { createConsole } from '../../electron/node/console/index';
import { startTileServer } from '../helpers/tileServer';
import { tmpDir } from '../helpers/tmp';
import { line, median } from './stats';

const AREA: BBoxArr = [106.44, 29.55, 106.47, 29.575];

async function consoleWithSource(tileUrl: string, concurrency: number) {
  const c = createConsole({
    dataDir: tmpDir(),
    version: 'bench',
    log: () => {},
    seed: { historyCount: 50 },
    simulateDocks: false,
    video: { platforms: ['direct'] },
    maps: { downloadConcurrency: concurrency, downloadBackoffMs: 50 },
  });
  await c.ready;
  await c.services.maps.addSource({ id: 'street', kind: 'xyz', url: `${tileUrl}/xyz/{z}/{x}/{y}.png`, maxZoom: 18 });
  return c;
}

async function download(c: Awaited<ReturnType<typeof consoleWithSource>>, minZoom: number, maxZoom: number) {
  const t0 = performance.now();
  const s = await c.services.maps.startDownload({ source: 'street', bbox: AREA, minZoom, maxZoom });
  for (;;) {
    const now = await c.services.maps.download(s.id);
    if (now && now.state !== 'running') {
      const ms = performance.now() - t0;
      return { tiles: now.tilesDone, failed: now.tilesFailed, perS: (now.tilesDone * 1000) / ms, ms };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchTilesServe(rounds = 7) {
  const server = await startTileServer();
  server.bigTiles = true;
  const c = await consoleWithSource(server.url, 8);
  try {
    await download(c, 13, 17);
    const tiles = [...coverTiles(coverLevels({ bbox: AREA }, 13, 17))];
    const rng = createRng(7);
    const order = Array.from({ length: 20_000 }, () => tiles[rng.int(0, tiles.length - 1)]);
    const store = c.maps.store;
    const bare = new Database(c.maps.caches.fileOf('street'), { readonly: true });
    const stmt = bare
      .prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
      .pluck();
    let sink = 0;
    const served: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      for (const t of order) {
        const out = await store.tile('street', t.z, t.x, t.y);
        if ('data' in out) sink += out.data.length + out.etag.length;
      }
      served.push(((performance.now() - t0) * 1000) / order.length);
      t0 = performance.now();
      for (const t of order) sink += (stmt.get(t.z, t.x, flipY(t.z, t.y)) as Buffer).length;
      raw.push(((performance.now() - t0) * 1000) / order.length);
    }
    bare.close();
    // the same tiles over HTTP (keep-alive), for scale: what a window waits for
    const { startHost } = await import('../../electron/node/host/host');
    const { cesiumAssetsDir } = await import('../../electron/node/host/paths');
    const { ROOT } = await import('../helpers/tmp');
    const host = await startHost({
      console: c,
      port: 0,
      rendererDir: path.join(ROOT, 'renderer'),
      cesiumDir: cesiumAssetsDir(ROOT),
      log: () => {},
    });
    const httpT0 = performance.now();
    for (const t of order.slice(0, 2_000))
      sink += (await (await fetch(`${host.url}/tiles/street/${t.z}/${t.x}/${t.y}`)).arrayBuffer()).byteLength;
    const httpUs = ((performance.now() - httpT0) * 1000) / 2_000;
    await host.close();
    return line('tiles.serve', median(served), median(raw), 'us/tile', {
      target: 'ratio <= 2',
      note:
        `cached tile through the tile store (layer, TMS flip, read, format, ETag) vs the same row by a bare prepared ` +
        `query; ${tiles.length} tiles of ~16 KB at zoom 13-17, ${order.length} random reads x ${rounds} rounds (median)`,
      metrics: { httpUsPerTile: Math.round(httpUs), tiles: tiles.length, checksum: sink % 1000 },
    });
  } finally {
    await c.close();
    await server.close();
  }
}

export async function benchTilesDownload(concurrency = 6) {
  const run = async (k: number, minZoom: number, maxZoom: number) => {
    const server = await startTileServer();
    server.delayMs = 20;
    server.bigTiles = true;
    const c = await consoleWithSource(server.url, k);
    try {
      const r = await download(c, minZoom, maxZoom);
      const twice = [...server.counts.values()].filter((n) => n > 1).length;
      return { ...r, requests: server.total(), twice };
    } finally {
      await c.close();
      await server.close();
    }
  };
  const chosen = await run(concurrency, 13, 17);
  const single = await run(1, 13, 15);
  const twelve = await run(12, 13, 17);
  return line('tiles.download', chosen.perS, single.perS, 'tiles/s', {
    note:
      `region download of ${chosen.tiles} tiles (zoom 13-17, ~16 KB each) from a local XYZ server answering after 20 ms, ` +
      `concurrency ${concurrency} vs 1 (baseline, zoom 13-15); every tile requested once (${chosen.twice} twice)`,
    metrics: {
      concurrency,
      tiles: chosen.tiles,
      failed: chosen.failed,
      requests: chosen.requests,
      seconds: Math.round(chosen.ms) / 1000,
      concurrency12PerS: Math.round(twelve.perS * 10) / 10,
    },
  });
}
