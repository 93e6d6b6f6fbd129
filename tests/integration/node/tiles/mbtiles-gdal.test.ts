// An MBTiles file made by a third-party tool (GDAL's MBTiles driver) served byte for byte.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flipY } from '../../../../electron/common/tiles/mercator';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { tmpDir } from '../../../helpers/tmp';

let host: TestHost;
let file: string;
const hasGdal = (() => {
  try {
    execFileSync('gdal_translate', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  if (!hasGdal) return;
  const work = tmpDir('gdal-');
  // two rasters of different colour side by side over the Three Gorges Square area, so tiles differ
  const part = (name: string, rgb: number[], ullr: string[]) => {
    const f = path.join(work, name);
    const burn = rgb.flatMap((v) => ['-burn', String(v)]);
    execFileSync('gdal_create', [
      ...['-of', 'GTiff', '-outsize', '256', '512', '-bands', '3', '-ot', 'Byte', ...burn],
      ...['-a_srs', 'EPSG:4326', '-a_ullr', ...ullr, f],
    ]);
    return f;
  };
  const west = part('w.tif', [30, 90, 160], ['106.43', '29.58', '106.45', '29.54']);
  const east = part('e.tif', [200, 120, 40], ['106.45', '29.58', '106.47', '29.54']);
  const tif = path.join(work, 'in.vrt');
  execFileSync('gdalbuildvrt', ['-q', tif, west, east]);
  const dataDir = tmpDir();
  fs.mkdirSync(path.join(dataDir, 'maps'));
  file = path.join(dataDir, 'maps', 'Gorges Square.mbtiles');
  execFileSync('gdal_translate', [
    '-q',
    '-of',
    'MBTILES',
    '-co',
    'TILE_FORMAT=PNG',
    '-co',
    'NAME=三峡广场 test',
    tif,
    file,
  ]);
  execFileSync('gdaladdo', ['-q', file, '2', '4']);
  host = await startTestHost(dataDir);
}, 120_000);

afterAll(async () => {
  await host?.close();
});

describe('an MBTiles file made by GDAL', () => {
  it('is listed with the metadata GDAL wrote (name, bounds, zooms, format)', async (ctx) => {
    if (!hasGdal) {
      console.warn('skipped: gdal_translate is not installed (apt-get install gdal-bin)');
      ctx.skip();
    }
    const layers = (await (await fetch(`${host.url}/api/maps/layers`)).json()) as Record<string, unknown>[];
    const l = layers.find((x) => x.id === 'gorges-square');
    expect(l).toMatchObject({ kind: 'mbtiles', name: '三峡广场 test', format: 'png', file: 'Gorges Square.mbtiles' });
    const db = new Database(file, { readonly: true });
    const meta = Object.fromEntries(
      (db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [
        r.name,
        r.value,
      ]),
    );
    db.close();
    expect(l!.minZoom).toBe(Number(meta.minzoom));
    expect(l!.maxZoom).toBe(Number(meta.maxzoom));
    expect((l!.bounds as number[]).map((v) => v.toFixed(4))).toEqual(
      meta.bounds.split(',').map((v) => Number(v).toFixed(4)),
    );
  });

  it('serves every tile byte for byte at its XYZ address (TMS row flipped), with content type, ETag and 304', async (ctx) => {
    if (!hasGdal) ctx.skip();
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare('SELECT zoom_level AS z, tile_column AS x, tile_row AS r, tile_data AS d FROM tiles')
      .all() as {
      z: number;
      x: number;
      r: number;
      d: Buffer;
    }[];
    db.close();
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.d.toString('base64'))).size).toBeGreaterThan(1);
    for (const row of rows) {
      const res = await fetch(`${host.url}/tiles/gorges-square/${row.z}/${row.x}/${flipY(row.z, row.r)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(row.d)).toBe(true);
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      const again = await fetch(`${host.url}/tiles/gorges-square/${row.z}/${row.x}/${flipY(row.z, row.r)}.png`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
    }
    // the row as stored (TMS) is a different tile at the same XYZ address: the flip is not optional
    const r0 = rows.find((r) => r.r !== flipY(r.z, r.r))!;
    const wrong = await fetch(`${host.url}/tiles/gorges-square/${r0.z}/${r0.x}/${r0.r}`);
    expect(wrong.status).toBe(404);
  });

  it('answers 404 outside its data and for unknown layers, 400 naming a bad parameter', async (ctx) => {
    if (!hasGdal) ctx.skip();
    const out = await fetch(`${host.url}/tiles/gorges-square/14/0/0`);
    expect(out.status).toBe(404);
    expect(((await out.json()) as { error: string }).error).toMatch(/no tile 14\/0\/0/);
    expect((await fetch(`${host.url}/tiles/nope/14/0/0`)).status).toBe(404);
    const bad = await fetch(`${host.url}/tiles/gorges-square/30/0/0`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { param: string }).param).toBe('z');
    expect((await fetch(`${host.url}/tiles/gorges-square/3/9/0`)).status).toBe(404);
  });

  it('imports an MBTiles file sent as the body, and refuses a file that is not one, naming why', async (ctx) => {
    if (!hasGdal) ctx.skip();
    const body = fs.readFileSync(file);
    const res = await fetch(`${host.url}/api/maps/layers/import?name=copy.mbtiles`, { method: 'POST', body });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { id: string }).id).toBe('copy');
    const again = await fetch(`${host.url}/api/maps/layers/import?name=copy.mbtiles`, { method: 'POST', body });
    expect(again.status).toBe(409);
    const junk = await fetch(`${host.url}/api/maps/layers/import?name=junk`, {
      method: 'POST',
      body: 'not sqlite at all',
    });
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: string }).error).toMatch(/junk\.mbtiles/);
    expect(fs.readdirSync(path.join(host.dataDir, 'maps')).filter((n) => n.startsWith('.incoming'))).toEqual([]);
  });
});
