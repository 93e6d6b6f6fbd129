// The video network over HTTP: play URLs per camera, PTZ, platform status, cameras near a point, and
// the call-up that makes every open video wall show the cameras around a scene.
import { z } from 'zod';
import { nearSceneSchema } from '../../../common/contract/video';
import { ServiceError } from '../../../common/errors';
import {
  callUpSchema,
  playSchema,
  presetSchema,
  PTZ_COMMANDS,
  STREAMS,
  videoStatusSchema,
} from '../../../common/video/types';
import type { VideoService } from '../../video/service';
import { route, type RouteDef } from '../router';

const camera = z.object({ id: z.string().min(1).max(64) });
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const radiusM = z
  .number()
  .min(10)
  .max(5_000)
  .describe('metres (default 500, widened to 1 km when fewer than four cameras)');
const failure = (what: string) => ({
  description: what,
  schema: z.object({ error: z.string(), code: z.string() }).passthrough(),
});

export function videoRoutes(video: VideoService): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/video/cameras/{id}/play',
      tag: 'video',
      summary: 'Play URLs for a camera by protocol (wsFlv, flv, hls, webrtc, mjpeg), its codec and when they expire',
      params: camera,
      query: z.object({ stream: z.enum(STREAMS).optional().describe('sub (default, for grids) or main') }),
      responses: {
        200: { description: 'URLs to play now', schema: playSchema },
        404: failure('no such camera'),
        503: failure('the camera or its platform is down; `error` says which and why, `details.reason` names it'),
      },
      async handle({ params, query }) {
        return { status: 200, body: await video.play(params.id, query.stream) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/video/cameras/{id}/ptz',
      tag: 'video',
      summary: 'Pan, tilt or zoom a PTZ camera (stop ends the movement)',
      params: camera,
      body: { schema: z.object({ command: z.enum(PTZ_COMMANDS), speed: z.number().min(0).max(1).optional() }) },
      responses: {
        204: { description: 'the platform took the command' },
        400: failure('bad command or speed (named in `param`)'),
        404: failure('no such camera'),
        409: failure('a fixed camera has no PTZ'),
        503: failure('the camera or its platform is down'),
      },
      async handle({ params, body }) {
        await video.ptz(params.id, body.command, body.speed);
        return { status: 204 };
      },
    }),
    route({
      method: 'GET',
      path: '/api/video/cameras/{id}/presets',
      tag: 'video',
      summary: "A PTZ camera's presets",
      params: camera,
      responses: {
        200: { description: 'presets', schema: z.array(presetSchema) },
        404: failure('no such camera'),
        409: failure('a fixed camera has no presets'),
      },
      async handle({ params }) {
        return { status: 200, body: await video.presets(params.id) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/video/cameras/{id}/presets/{presetId}',
      tag: 'video',
      summary: 'Turn a PTZ camera to one of its presets',
      params: camera.extend({ presetId: z.coerce.number().int().min(1).max(255) }),
      responses: { 204: { description: 'done' }, 404: failure('no such camera'), 409: failure('a fixed camera') },
      async handle({ params }) {
        await video.gotoPreset(params.id, params.presetId);
        return { status: 204 };
      },
    }),
    route({
      method: 'GET',
      path: '/api/video/status',
      tag: 'video',
      summary: 'Video platforms (reachable, latency) and the plays handed out that have not expired',
      responses: { 200: { description: 'status', schema: videoStatusSchema } },
      async handle() {
        return { status: 200, body: await video.status() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/video/near',
      tag: 'video',
      summary: 'Cameras near a point, nearest first, with distance and bearing (does not move any wall)',
      query: z.object({ lon, lat, radius: radiusM.optional() }),
      responses: { 200: { description: 'the cameras and the radius used', schema: nearSceneSchema } },
      async handle({ query }) {
        return { status: 200, body: await video.near(query.lon, query.lat, query.radius) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/video/call-up',
      tag: 'video',
      summary:
        'Every open video wall fills with the cameras near a point (within 500 m, nearest first; 1 km when fewer than four)',
      body: {
        schema: z.object({ lon, lat, radiusM: radiusM.optional(), incidentId: z.string().min(1).max(40).optional() }),
      },
      responses: {
        200: { description: 'what the walls were told to show', schema: callUpSchema },
        400: failure('bad or missing lon/lat/radiusM (named in `param`)'),
        404: failure('no such incident'),
      },
      async handle({ body }) {
        return { status: 200, body: await video.callUp(body.lon, body.lat, body.radiusM, body.incidentId ?? null) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/video/snapshots/{id}',
      tag: 'video',
      summary: 'A snapshot taken on the video wall (JPEG)',
      params: z.object({ id: z.string().min(1).max(40) }),
      responses: { 200: { description: 'the picture', contentType: 'image/jpeg' }, 404: failure('no such snapshot') },
      async handle({ params, res }) {
        const jpeg = video.snapshotFile(params.id);
        if (!jpeg) throw new ServiceError('not-found', `no snapshot ${params.id}`, { field: 'id' });
        res.writeHead(200, {
          'content-type': 'image/jpeg',
          'content-length': String(jpeg.length),
          'cache-control': 'private, max-age=86400',
        });
        res.end(jpeg);
        return { handled: true };
      },
    }),
  ];
}
