// Tiles and map layers over HTTP: GET /tiles/<layer>/<z>/<x>/<y> (XYZ rows; the MBTiles TMS flip is the
// store's business) with the tile's own content type, an ETag and caching, 404 outside a layer's data;
// the layer list; and importing an MBTiles file into <data>/maps.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_TYPES } from '../../../common/tiles/format';
import { layerIdOfFile, mapLayerSchema } from '../../../common/tiles/layers';
import type { LayerFiles } from '../../tiles/layerFiles';
import { MBTiles, MBTilesError } from '../../tiles/mbtiles';
import type { MapsService } from '../../tiles/service';
import type { TileStore } from '../../tiles/tileStore';
import { HttpError, route, sendJson, type RouteDef } from '../router';

const failure = (what: string) => ({
  description: what,
  schema: z.object({ error: z.string() }).passthrough(),
});

const tileParams = z.object({
  layer: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'a layer id: lower-case letters, digits, - and _'),
  z: z.coerce.number().int().min(0).max(24),
  x: z.coerce.number().int().min(0),
  y: z.string().regex(/^\d{1,8}(\.(png|jpe?g|webp|pbf))?$/, 'a row number, optionally with the format (.png)'),
});

export const MAX_MBTILES_IMPORT_BYTES = 4 * 1024 ** 3;

export function tileRoutes(deps: {
  service: MapsService;
  store: TileStore;
  files: LayerFiles;
  dir: string;
  log: (line: string) => void;
}): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/tiles/{layer}/{z}/{x}/{y}',
      tag: 'maps',
      summary:
        'One tile (XYZ numbering) of a layer: an MBTiles file, the schematic basemap, or a web source through its cache ' +
        '(fetched once on a miss). Content type from the tile itself, ETag and If-None-Match, 404 outside its data, ' +
        '503 when a web source is unreachable and the tile is not cached',
      params: tileParams,
      responses: {
        200: { description: 'the tile', contentType: 'image/png' },
        304: { description: 'the tile has not changed (If-None-Match)' },
        404: failure('no such layer, or no tile there'),
        503: failure('the web source is unreachable and the tile is not cached'),
      },
      async handle({ params, req, res }) {
        const y = parseInt(params.y, 10);
        const t = await deps.store.tile(params.layer, params.z, params.x, y);
        if ('miss' in t) {
          sendJson(res, t.status, { error: t.miss }, { 'cache-control': 'no-store' });
          return { handled: true };
        }
        const headers = {
          etag: t.etag,
          'cache-control': 'public, max-age=3600',
          'x-content-type-options': 'nosniff',
          'x-tile-from': t.from,
          'access-control-allow-origin': '*',
        };
        if (req.headers['if-none-match'] === t.etag) {
          res.writeHead(304, headers);
          res.end();
          return { handled: true };
        }
        res.writeHead(200, {
          ...headers,
          'content-type': t.format ? CONTENT_TYPES[t.format] : 'application/octet-stream',
          'content-length': String(t.data.length),
        });
        res.end(req.method === 'HEAD' ? undefined : t.data);
        return { handled: true };
      },
    }),
    route({
      method: 'GET',
      path: '/api/maps/layers',
      tag: 'maps',
      summary:
        'Every map layer with its metadata: the schematic basemap, MBTiles files in <data>/maps (name, bounds, zooms, ' +
        'format, attribution), web sources and offline copies',
      responses: { 200: { description: 'layers', schema: z.array(mapLayerSchema) } },
      async handle() {
        return { status: 200, body: await deps.service.layers() };
      },
    }),
    route({
      method: 'POST',
      path: '/api/maps/layers/import',
      tag: 'maps',
      summary: 'Imports an MBTiles file (the request body) into <data>/maps as a layer named by `name`',
      query: z.object({
        name: z
          .string()
          .min(1)
          .max(120)
          .regex(/^[^/\\]+$/, 'a file name without folders')
          .describe('file name, e.g. shapingba-imagery.mbtiles'),
      }),
      responses: {
        201: { description: 'the new layer', schema: mapLayerSchema },
        400: failure('not an MBTiles file (named in `error`)'),
        409: failure('a layer of that name exists'),
        413: failure('larger than 4 GiB'),
      },
      async handle({ query, req }) {
        const fileName = query.name.toLowerCase().endsWith('.mbtiles') ? query.name : `${query.name}.mbtiles`;
        const id = layerIdOfFile(fileName);
        const target = path.join(deps.dir, `${id}.mbtiles`);
        if (fs.existsSync(target)) throw new HttpError(409, 'name', `a layer ${id} exists already`);
        fs.mkdirSync(deps.dir, { recursive: true });
        const tmp = path.join(deps.dir, `.incoming-${process.pid}-${Date.now()}`);
        try {
          await streamToFile(req, tmp, MAX_MBTILES_IMPORT_BYTES);
          try {
            MBTiles.open(tmp).close();
          } catch (e) {
            throw new HttpError(
              400,
              'body',
              e instanceof MBTilesError ? e.message.replace(path.basename(tmp), fileName) : String(e),
            );
          }
          fs.renameSync(tmp, target);
        } finally {
          fs.rmSync(tmp, { force: true });
        }
        deps.log(`[maps] imported ${fileName} as layer ${id}`);
        const layer = (await deps.service.layers()).find((l) => l.id === id);
        return { status: 201, body: layer };
      },
    }),
  ];
}

function streamToFile(req: import('node:http').IncomingMessage, file: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes && !failed) {
        failed = true;
        out.destroy();
        reject(new HttpError(413, 'body', `body is larger than ${maxBytes} bytes`));
      }
    });
    req.pipe(out);
    out.on('finish', () => (failed ? undefined : resolve()));
    out.on('error', (e) => (failed ? undefined : reject(e)));
    req.on('error', reject);
  });
}
