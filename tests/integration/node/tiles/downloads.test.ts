// Region downloads against a local XYZ server that counts requests: exactly one request per tile,
// retries with back-off, pause/resume/cancel, offline afterwards, and resume after SIGKILL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coverLevels, coverTiles } from '../../../../electron/common/tiles/cover';
import type { BBoxArr } from '../../../../electron/common/tiles/mercator';
import type { DownloadStatus } from '../../../../electron/common/tiles/download';
import { createConsole } from '../../../../electron/node/console/index';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { startTileServer, tilePng, type TileServer } from '../../../helpers/tileServer';
import { ROOT, tmpDir } from '../../../helpers/tmp';

let host: TestHost;
let tiles: TileServer;
const post = (p: string, body?: unknown) =>
  fetch(`${host.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const status = async (id: string) =>
  (await (await fetch(`${host.url}/api/maps/downloads/${id}`)).json()) as DownloadStatus;
async function until(id: string, ok: (s: DownloadStatus) => boolean, ms = 30_000): Promise<DownloadStatus> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await status(id);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`download ${id} stuck: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const keysOf = (bbox: BBoxArr, minZoom: number, maxZoom: number) =>
  [...coverTiles(coverLevels({ bbox }, minZoom, maxZoom))].map((t) => `${t.z}/${t.x}/${t.y}`);

beforeAll(async () => {
  tiles = await startTileServer();
  host = await startTestHost(tmpDir(), { maps: { downloadConcurrency: 4, downloadBackoffMs: 10 } });
  const r = await post('/api/maps/sources', { id: 'local', kind: 'xyz', url: `${tiles.url}/xyz/{z}/{x}/{y}.png` });
  expect(r.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await host?.close();
  await tiles?.close();
});
afterEach(() => {
  tiles.down = false;
  tiles.delayMs = 0;
});

describe('region download', () => {
  it('estimates first, then fetches every tile exactly once, per level, and serves them offline', async () => {
    const bbox: BBoxArr = [106.45, 29.55, 106.46, 29.56];
    const req = { source: 'local', bbox, minZoom: 13, maxZoom: 16 };
    const want = keysOf(bbox, 13, 16);
    const est = await (await post('/api/maps/downloads/estimate', req)).json();
    expect(est).toMatchObject({ tilesTotal: want.length, tilesCached: 0 });
    expect(est.bytesEstimate).toBeGreaterThan(0);
    expect(tiles.total()).toBe(0);
    const res = await post('/api/maps/downloads', req);
    expect(res.status).toBe(202);
    const started = await res.json();
    expect(started).toEqual({ id: expect.any(String), tilesTotal: want.length, bytesEstimate: est.bytesEstimate });
    const done = await until(started.id, (s) => s.state === 'done');
    expect(done).toMatchObject({ tilesTotal: want.length, tilesDone: want.length, tilesFailed: 0, etaS: 0 });
    expect(done.levels.map((l) => l.z)).toEqual([13, 14, 15, 16]);
    expect(done.levels.every((l) => l.tilesDone === l.tilesTotal && l.bytes > 0)).toBe(true);
    expect(done.bytes).toBe(done.levels.reduce((n, l) => n + l.bytes, 0));
    expect([...tiles.counts.keys()].sort()).toEqual([...want].sort());
    expect([...tiles.counts.values()].every((n) => n === 1)).toBe(true);

    // the network goes: the area is still there, from the cache
    tiles.down = true;
    const [z, x, y] = want[want.length - 1].split('/');
    const t = await fetch(`${host.url}/tiles/local/${z}/${x}/${y}`);
    expect(t.status).toBe(200);
    expect(t.headers.get('x-tile-from')).toBe('cache');
    expect(Buffer.from(await t.arrayBuffer()).equals(tilePng(+z, +x, +y))).toBe(true);
    // outside the area: not cached and the source is unreachable
    expect((await fetch(`${host.url}/tiles/local/10/0/0`)).status).toBe(503);

    // the same area again: nothing is fetched, everything counts as done
    tiles.down = false;
    const before = tiles.total();
    const again = await (await post('/api/maps/downloads', req)).json();
    const done2 = await until(again.id, (s) => s.state === 'done');
    expect(done2.tilesDone).toBe(want.length);
    expect(tiles.total()).toBe(before);
  });

  it('retries a failing tile with back-off and gives up on one the source does not have', async () => {
    const bbox: BBoxArr = [106.4, 29.6, 106.405, 29.605];
    const want = keysOf(bbox, 15, 15);
    tiles.failNext(want[0], 2, 503);
    tiles.failNext(want[1], 1, 404);
    const { id } = await (
      await post('/api/maps/downloads', { source: 'local', bbox, minZoom: 15, maxZoom: 15 })
    ).json();
    const s = await until(id, (x) => x.state === 'done');
    expect(s.tilesFailed).toBe(1);
    expect(s.tilesDone).toBe(want.length - 1);
    expect(s.error).toMatch(/1 tiles could not be fetched/);
    expect(tiles.counts.get(want[0])).toBe(3);
    expect(tiles.counts.get(want[1])).toBe(1);
  });

  it('pauses (no new requests), resumes without fetching a tile twice, and cancels', async () => {
    const bbox: BBoxArr = [106.3, 29.62, 106.32, 29.64];
    const want = keysOf(bbox, 14, 16);
    tiles.delayMs = 30;
    const { id } = await (
      await post('/api/maps/downloads', { source: 'local', bbox, minZoom: 14, maxZoom: 16 })
    ).json();
    await until(id, (s) => s.tilesDone >= 8);
    const paused = await (await post(`/api/maps/downloads/${id}/pause`)).json();
    expect(paused.state).toBe('paused');
    const seen = tiles.total();
    await new Promise((r) => setTimeout(r, 300));
    expect(tiles.total()).toBe(seen);
    expect(paused.tilesDone).toBeLessThan(want.length);
    const resumed = await post(`/api/maps/downloads/${id}/resume`);
    expect((await resumed.json()).state).toBe('running');
    const done = await until(id, (s) => s.state === 'done');
    expect(done.tilesDone).toBe(want.length);
    expect(want.every((k) => tiles.counts.get(k) === 1)).toBe(true);

    const other = await (
      await post('/api/maps/downloads', {
        source: 'local',
        bbox: [106.33, 29.62, 106.35, 29.64],
        minZoom: 16,
        maxZoom: 16,
      })
    ).json();
    const cancelled = await (await post(`/api/maps/downloads/${other.id}/cancel`)).json();
    expect(cancelled.state).toBe('cancelled');
    expect((await post(`/api/maps/downloads/${other.id}/resume`).then((r) => r.json())).state).toBe('cancelled');
    expect((await post('/api/maps/downloads/nope/pause')).status).toBe(404);
    expect((await post(`/api/maps/downloads/${other.id}/stop`)).status).toBe(404);
  });

  it('refuses bad requests naming the field', async () => {
    const bad = async (body: unknown) => {
      const r = await post('/api/maps/downloads', body);
      return [r.status, ((await r.json()) as { param: string }).param];
    };
    expect(await bad({ source: 'local', bbox: [106.4, 29.5, 106.5, 29.6], minZoom: 10, maxZoom: 30 })).toEqual([
      400,
      'maxZoom',
    ]);
    expect(await bad({ source: 'nope', bbox: [106.4, 29.5, 106.5, 29.6], minZoom: 10, maxZoom: 12 })).toEqual([
      404,
      null,
    ]);
    expect(await bad({ source: 'local', townCode: '500106999', minZoom: 10, maxZoom: 12 })).toEqual([400, 'townCode']);
    expect(await bad({ source: 'local', incidentId: 'NOPE', radiusM: 500, minZoom: 10, maxZoom: 12 })).toEqual([
      404,
      'incidentId',
    ]);
    expect(await bad({ source: 'local', bbox: [100, 20, 120, 40], minZoom: 0, maxZoom: 18 })).toEqual([422, 'maxZoom']);
  });
});

describe('a download survives its process being killed', () => {
  it('resumes after SIGKILL at the next start; only tiles in flight at the kill are asked again', async () => {
    const server = await startTileServer();
    server.delayMs = 25;
    const dataDir = tmpDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/helpers/downloadChild.ts'), dataDir, server.url],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const deadline = Date.now() + 90_000;
    while (!/started/.test(out) || server.total() < 30) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child did not start: ${out} ${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const [, id, total] = /started (\S+) (\d+)/.exec(out)!;
    const beforeKill = server.total();
    expect(beforeKill).toBeLessThan(Number(total));

    const c = createConsole({
      dataDir,
      version: 'test',
      log: () => {},
      simulateDocks: false,
      video: { platforms: ['direct'] },
      maps: { downloadConcurrency: 2, downloadBackoffMs: 20 },
    });
    try {
      await c.ready;
      let s = await c.services.maps.download(id);
      for (let k = 0; s?.state !== 'done' && k < 1_500; k++) {
        await new Promise((r) => setTimeout(r, 40));
        s = await c.services.maps.download(id);
      }
      expect(s).toMatchObject({ state: 'done', tilesDone: Number(total), tilesFailed: 0 });
      const want = keysOf([106.44, 29.55, 106.47, 29.57], 12, 16);
      expect(want.every((k) => (server.counts.get(k) ?? 0) >= 1)).toBe(true);
      const twice = [...server.counts.values()].filter((n) => n > 1).length;
      // at most the two fetches in flight when the process died are asked again
      expect(twice).toBeLessThanOrEqual(2);
      expect(server.total()).toBeLessThanOrEqual(want.length + 2);
    } finally {
      await c.close();
      await server.close();
    }
  }, 150_000);
});
