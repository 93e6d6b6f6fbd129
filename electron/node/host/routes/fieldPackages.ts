// Field data packages over HTTP: export an area (201 with its id and size), fetch the zip, import one
// (the request body is the file), and the laptop's journal as a return package.
import fs from 'node:fs';
import { z } from 'zod';
import { exportRequestSchema, importReportSchema, packageInfoSchema } from '../../../common/tiles/manifest';
import type { FieldPackagesService } from '../../packages/service';
import { route, type RouteDef } from '../router';

const failure = (what: string) => ({
  description: what,
  schema: z.object({ error: z.string(), code: z.string().optional(), param: z.string().nullable() }).passthrough(),
});

export const MAX_PACKAGE_BYTES = 1024 ** 3;

function sendZip(
  res: import('node:http').ServerResponse,
  file: { path: string; name: string },
  id: string,
  head: boolean,
) {
  const size = fs.statSync(file.path).size;
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': String(size),
    'content-disposition': `attachment; filename="${file.name}"`,
    'cache-control': 'no-store',
    'x-package-id': id,
  });
  if (head) return res.end();
  fs.createReadStream(file.path).pipe(res);
}

export function fieldPackageRoutes(svc: FieldPackagesService): RouteDef[] {
  return [
    route({
      method: 'POST',
      path: '/api/field-packages',
      tag: 'field-packages',
      summary:
        'Exports an area package for the on-site laptop: {bbox: [minLon, minLat, maxLon, maxLat] | incidentId + radiusM, ' +
        'minZoom, maxZoom, since?}: basemap tiles, risk points, cameras, docks, incidents with timelines, plans, snapshots',
      body: { schema: exportRequestSchema },
      responses: {
        201: { description: 'made', schema: z.object({ id: z.string(), bytes: z.number().int() }) },
        400: failure('bad field (named in `param`)'),
        404: failure('no such incident'),
      },
      async handle({ body }) {
        const p = await svc.exportPackage(body);
        return {
          status: 201,
          body: { id: p.id, bytes: p.bytes },
          headers: { location: `/api/field-packages/${p.id}/file` },
        };
      },
    }),
    route({
      method: 'GET',
      path: '/api/field-packages',
      tag: 'field-packages',
      summary: 'Packages this console made or took in, newest first',
      responses: { 200: { description: 'packages', schema: z.array(packageInfoSchema) } },
      async handle() {
        return { status: 200, body: await svc.list() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/field-packages/return',
      tag: 'field-packages',
      summary:
        "The laptop's journal since it took in its first area package (new incidents, notes, commands; snapshots) as a " +
        'return package for the centre; the id is in X-Package-Id',
      responses: {
        200: { description: 'the zip', contentType: 'application/zip' },
        409: failure('this console has taken in no area package'),
      },
      async handle({ req, res }) {
        const p = await svc.returnPackage();
        sendZip(res, svc.file(p.id)!, p.id, req.method === 'HEAD');
        return { handled: true };
      },
    }),
    route({
      method: 'GET',
      path: '/api/field-packages/{id}/file',
      tag: 'field-packages',
      summary: 'The zip of a package this console made',
      params: z.object({ id: z.string().min(1).max(64) }),
      responses: { 200: { description: 'the zip', contentType: 'application/zip' }, 404: failure('no such package') },
      async handle({ params, req, res }) {
        const f = svc.file(params.id);
        if (!f)
          return { status: 404, body: { error: `no package ${params.id} made here`, code: 'not-found', param: 'id' } };
        sendZip(res, f, params.id, req.method === 'HEAD');
        return { handled: true };
      },
    }),
    route({
      method: 'POST',
      path: '/api/field-packages/import',
      tag: 'field-packages',
      summary:
        'Imports a package (the body is the zip file): every entry is checked against its SHA-256 first and a package ' +
        'with any entry changed is refused, naming it; events apply once (importing twice changes nothing); conflicts ' +
        'are reported by incident, command and officer',
      body: { raw: 'application/zip', maxBytes: MAX_PACKAGE_BYTES },
      responses: {
        200: { description: 'what the import did', schema: importReportSchema },
        409: failure('the package was made by this console'),
        413: failure('larger than 1 GiB'),
        422: failure('refused: not a package, or an entry changed or damaged (named in `error` and `details.entry`)'),
      },
      async handle({ body }) {
        return {
          status: 200,
          body: await svc.importPackage(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)),
        };
      },
    }),
  ];
}
