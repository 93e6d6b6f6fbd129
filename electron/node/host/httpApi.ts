// The host's read-only HTTP API for wall controllers, scripts and other systems.
// Every bad parameter is answered 400 with a JSON error naming it.
import type { ServiceMap } from '../../common/contract';
import { RISK_LEVELS, isRiskLevel } from '../../common/levels';

export interface ApiResponse {
  status: number;
  body: unknown;
}
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly param: string | null,
    message: string,
  ) {
    super(message);
  }
}

function num(
  q: URLSearchParams,
  name: string,
  opts: { min: number; max: number; required?: boolean },
): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') {
    if (opts.required) throw new ApiError(400, name, `missing parameter '${name}'`);
    return undefined;
  }
  const v = Number(raw);
  if (!Number.isFinite(v))
    throw new ApiError(400, name, `parameter '${name}' must be a number, got ${JSON.stringify(raw.slice(0, 40))}`);
  if (v < opts.min || v > opts.max)
    throw new ApiError(400, name, `parameter '${name}' must be between ${opts.min} and ${opts.max}`);
  return v;
}

function bbox(q: URLSearchParams): [number, number, number, number] {
  const raw = q.get('bbox');
  if (!raw) throw new ApiError(400, 'bbox', "missing parameter 'bbox' (minLon,minLat,maxLon,maxLat)");
  const parts = raw.split(',');
  const v = parts.map(Number);
  if (parts.length !== 4 || v.some((x) => !Number.isFinite(x)))
    throw new ApiError(400, 'bbox', "parameter 'bbox' must be four numbers minLon,minLat,maxLon,maxLat");
  const [a, b, c, d] = v;
  if (a < -180 || c > 180 || b < -90 || d > 90)
    throw new ApiError(400, 'bbox', "parameter 'bbox' is outside lon -180..180 / lat -90..90");
  if (a > c || b > d) throw new ApiError(400, 'bbox', "parameter 'bbox' has min greater than max");
  return [a, b, c, d];
}

export async function handleApi(
  services: ServiceMap,
  method: string,
  pathname: string,
  q: URLSearchParams,
): Promise<ApiResponse | null> {
  const route = `${method} ${pathname}`;
  switch (route) {
    case 'GET /healthz': {
      const info = await services.system.getInfo();
      return {
        status: 200,
        body: { ok: info.seed.phase === 'ready', version: info.version, seed: info.seed, counts: info.counts },
      };
    }
    case 'GET /api/cameras':
      return { status: 200, body: await services.cameras.list() };
    case 'GET /api/cameras/nearby': {
      const lon = num(q, 'lon', { min: -180, max: 180, required: true })!;
      const lat = num(q, 'lat', { min: -90, max: 90, required: true })!;
      const radius = num(q, 'radius', { min: 1, max: 100_000, required: true })!;
      const limit = num(q, 'limit', { min: 1, max: 5_000 });
      if (limit !== undefined && !Number.isInteger(limit))
        throw new ApiError(400, 'limit', "parameter 'limit' must be an integer");
      return { status: 200, body: await services.cameras.nearby(lon, lat, radius, limit) };
    }
    case 'GET /api/risk-points': {
      const box = bbox(q);
      const level = q.get('level') ?? undefined;
      if (level !== undefined && !isRiskLevel(level))
        throw new ApiError(400, 'level', `parameter 'level' must be one of ${RISK_LEVELS.join(', ')}`);
      const category = num(q, 'category', { min: 1, max: 65_535 });
      if (category !== undefined && !Number.isInteger(category))
        throw new ApiError(400, 'category', "parameter 'category' must be an integer");
      const points = await services.riskmap.query({ bbox: box, level: level as never, categoryId: category });
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
    }
    default:
      if (pathname === '/healthz' || pathname.startsWith('/api/')) {
        // (incident routes are answered by incidentApi.ts before this)
        const known = ['/healthz', '/api/cameras', '/api/cameras/nearby', '/api/risk-points'].includes(pathname);
        if (known) throw new ApiError(405, null, `method ${method} not allowed on ${pathname}`);
        throw new ApiError(404, null, `no such endpoint ${pathname}`);
      }
      return null;
  }
}
