// Web map sources and region downloads over HTTP: add an XYZ/WMTS/Tianditu source, estimate a download
// before starting it, start it (202), follow it, pause, resume or cancel it.
import { z } from 'zod';
import { downloadEstimateSchema, downloadRequestSchema, downloadStatusSchema } from '../../../common/tiles/download';
import { mapLayerSchema } from '../../../common/tiles/layers';
import { sourceIdSchema, sourceInputSchema } from '../../../common/tiles/sources';
import { DOWNLOAD_ACTIONS } from '../../../common/contract/maps';
import type { MapsService } from '../../tiles/service';
import { route, type RouteDef } from '../router';

const failure = (what: string) => ({
  description: what,
  schema: z.object({ error: z.string(), code: z.string().optional(), param: z.string().nullable() }).passthrough(),
});

const downloadId = z.object({ id: z.string().min(1).max(64) });

export function mapDownloadRoutes(maps: MapsService): RouteDef[] {
  const actions = DOWNLOAD_ACTIONS.map((action) =>
    route({
      method: 'POST',
      path: `/api/maps/downloads/{id}/${action}`,
      tag: 'maps',
      summary: {
        pause: 'Pauses a download (tiles in flight finish; nothing fetched is lost)',
        resume: 'Resumes a paused (or failed) download; cached tiles are not fetched again',
        cancel: 'Cancels a download (tiles already cached stay)',
      }[action],
      params: downloadId,
      responses: {
        200: { description: 'the download now', schema: downloadStatusSchema },
        404: failure('no such download'),
        409: failure('its source no longer exists'),
      },
      async handle({ params }) {
        return { status: 200, body: await maps.controlDownload(params.id, action) };
      },
    }),
  );
  return [
    route({
      method: 'POST',
      path: '/api/maps/sources',
      tag: 'maps',
      summary:
        "Adds a tiled web source: {id, kind: 'xyz', url: template} or {id, kind: 'wmts', url: capabilities or RESTful " +
        "template, layer?, tileMatrixSet?} or {id, kind: 'wmts', preset: 'tianditu-vec|cva|img|cia|ter|cta', tk}. " +
        'GCJ-02 sources are flagged and drawn corrected; BD-09 and contradicting declarations are refused with the reason',
      body: { schema: sourceInputSchema },
      responses: {
        201: { description: 'the new layer', schema: mapLayerSchema },
        400: failure('bad field (named in `param`)'),
        409: failure('the id is taken'),
        422: failure('refused: the datum cannot be corrected, or the WMTS has no usable layer (reason in `error`)'),
        503: failure('the WMTS capabilities could not be read'),
      },
      async handle({ body }) {
        return { status: 201, body: await maps.addSource(body) };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/maps/sources/{id}',
      tag: 'maps',
      summary: 'Removes a web source (its cached tiles stay, as an offline copy)',
      params: z.object({ id: sourceIdSchema }),
      responses: { 204: { description: 'removed' }, 404: failure('no such source') },
      async handle({ params }) {
        await maps.removeSource(params.id);
        return { status: 204 };
      },
    }),
    route({
      method: 'POST',
      path: '/api/maps/downloads/estimate',
      tag: 'maps',
      summary: 'Tile count (per level), tiles already cached and estimated size of a download, before starting it',
      body: { schema: downloadRequestSchema },
      responses: {
        200: { description: 'the estimate', schema: downloadEstimateSchema },
        400: failure('bad field'),
        404: failure('no such source, town or incident'),
      },
      async handle({ body }) {
        return { status: 200, body: await maps.estimateDownload(body) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/maps/downloads',
      tag: 'maps',
      summary:
        'Starts a region download: {source, bbox: [minLon, minLat, maxLon, maxLat] | polygon | townCode | incidentId + ' +
        'radiusM, minZoom, maxZoom}. Survives a restart; bounded concurrency, retries with back-off, no tile fetched twice',
      body: { schema: downloadRequestSchema },
      responses: {
        202: {
          description: 'started',
          schema: z.object({ id: z.string(), tilesTotal: z.number().int(), bytesEstimate: z.number().int() }),
        },
        400: failure('bad field (named in `param`)'),
        404: failure('no such source, town or incident'),
        422: failure('too many tiles for one download'),
      },
      async handle({ body }) {
        const s = await maps.startDownload(body);
        return {
          status: 202,
          body: { id: s.id, tilesTotal: s.tilesTotal, bytesEstimate: s.bytesEstimate },
          headers: { location: `/api/maps/downloads/${s.id}` },
        };
      },
    }),
    route({
      method: 'GET',
      path: '/api/maps/downloads',
      tag: 'maps',
      summary: 'Recent downloads with their progress',
      responses: { 200: { description: 'downloads, newest first', schema: z.array(downloadStatusSchema) } },
      async handle() {
        return { status: 200, body: await maps.downloads() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/maps/downloads/{id}',
      tag: 'maps',
      summary: 'A download: state, tiles total/done/failed, bytes, per level, rate and time left',
      params: downloadId,
      responses: {
        200: { description: 'the download', schema: downloadStatusSchema },
        404: failure('no such download'),
      },
      async handle({ params }) {
        const s = await maps.download(params.id);
        if (!s) return { status: 404, body: { error: `no download ${params.id}`, code: 'not-found', param: 'id' } };
        return { status: 200, body: s };
      },
    }),
    ...actions,
  ];
}
