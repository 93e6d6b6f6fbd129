// Cameras and risk points for wall controllers, scripts and other systems.
import { z } from 'zod';
import { cameraSchema, nearbyCameraSchema } from '../../../common/dto';
import { RISK_LEVELS } from '../../../common/levels';
import type { LianqinConsole } from '../../console/index';
import { bad, route, type RouteDef } from '../router';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

function parseBbox(raw: string): [number, number, number, number] {
  const parts = raw.split(',');
  const v = parts.map(Number);
  if (parts.length !== 4 || v.some((x) => !Number.isFinite(x))) {
    throw bad('bbox', "parameter 'bbox' must be four numbers minLon,minLat,maxLon,maxLat");
  }
  const [a, b, c, d] = v;
  if (a < -180 || c > 180 || b < -90 || d > 90) {
    throw bad('bbox', "parameter 'bbox' is outside lon -180..180 / lat -90..90");
  }
  if (a > c || b > d) throw bad('bbox', "parameter 'bbox' has min greater than max");
  return [a, b, c, d];
}

const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    id: z.number().int(),
    name: z.string(),
    level: z.enum(RISK_LEVELS),
    categoryId: z.number().int(),
    townCode: z.string(),
    address: z.string(),
  }),
});

export function mapRoutes(c: LianqinConsole): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/cameras',
      tag: 'cameras',
      summary: 'Every camera',
      responses: { 200: { description: 'cameras', schema: z.array(cameraSchema) } },
      async handle() {
        return { status: 200, body: await c.services.cameras.list() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/cameras/nearby',
      tag: 'cameras',
      summary: 'Cameras within a radius of a point, nearest first',
      query: z.object({
        lon,
        lat,
        radius: z.number().min(1).max(100_000).describe('metres'),
        limit: z.number().int().min(1).max(5_000).optional(),
      }),
      responses: {
        200: { description: 'cameras with their distance', schema: z.array(nearbyCameraSchema) },
        400: { description: 'a parameter is missing or out of range (named in `param`)' },
      },
      async handle({ query }) {
        return { status: 200, body: await c.services.cameras.nearby(query.lon, query.lat, query.radius, query.limit) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/risk-points',
      tag: 'risk map',
      summary: 'Risk points inside a box as GeoJSON, optionally of one level or category',
      query: z.object({
        bbox: z.string().describe('minLon,minLat,maxLon,maxLat'),
        level: z.enum(RISK_LEVELS).optional(),
        category: z.number().int().min(1).max(65_535).optional(),
      }),
      responses: {
        200: {
          description: 'a GeoJSON FeatureCollection',
          schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) }),
        },
        400: { description: 'a parameter is missing or malformed (named in `param`)' },
      },
      async handle({ query }) {
        const points = await c.services.riskmap.query({
          bbox: parseBbox(query.bbox),
          level: query.level,
          categoryId: query.category,
        });
        return {
          status: 200,
          body: {
            type: 'FeatureCollection',
            features: points.map((p) => ({
              type: 'Feature',
              id: p.id,
              geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
              properties: {
                id: p.id,
                name: p.name,
                level: p.level,
                categoryId: p.categoryId,
                townCode: p.townCode,
                address: p.address,
              },
            })),
          },
        };
      },
    }),
  ];
}
