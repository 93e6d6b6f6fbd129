// How the grid platform and the citizen-request platform hand reports over, and read them back.
// A bad body is refused with 400 naming the field, and nothing is stored.
import { incidentFilterSchema, reportSchema, type ServiceMap } from '../../common/contract';
import { RpcCallError } from '../../common/rpc/protocol';
import { ServiceError } from '../rpc/dispatcher';
import { ApiError, type ApiResponse } from './httpApi';

export const MAX_BODY_BYTES = 64 * 1024;

function fieldOf(issues: { path: PropertyKey[] }[]): string {
  const p = issues[0]?.path?.[0];
  return p === undefined ? 'body' : String(p);
}

export async function handleIncidentApi(
  services: ServiceMap,
  method: string,
  pathname: string,
  q: URLSearchParams,
  body: () => Promise<string>,
): Promise<ApiResponse | null> {
  if (pathname === '/api/incidents' && method === 'POST') {
    const raw = await body();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiError(400, 'body', 'body is not valid JSON');
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      throw new ApiError(400, 'body', 'body must be a JSON object');
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      const field = fieldOf(parsed.error.issues);
      throw new ApiError(400, field, `invalid '${field}': ${parsed.error.issues[0].message}`);
    }
    try {
      const incident = await services.dispatch.report(parsed.data);
      return { status: 201, body: incident };
    } catch (e) {
      if (e instanceof ServiceError && e.code === 'bad-request') {
        const field = (e.details as { field?: string } | undefined)?.field ?? 'body';
        throw new ApiError(400, field, e.message);
      }
      if (e instanceof ServiceError && e.code === 'unavailable') throw new ApiError(503, null, e.message);
      throw e;
    }
  }
  if (pathname === '/api/incidents' && method === 'GET') {
    const filter: Record<string, unknown> = {};
    for (const k of ['status', 'grade', 'town', 'department', 'source'] as const) {
      const v = q.get(k);
      if (v) filter[k] = v;
    }
    for (const k of ['unmatched', 'supervision'] as const) {
      const v = q.get(k);
      if (v === null) continue;
      if (v !== '1' && v !== 'true' && v !== '0' && v !== 'false')
        throw new ApiError(400, k, `parameter '${k}' must be 1 or 0`);
      filter[k] = v === '1' || v === 'true';
    }
    for (const k of ['limit', 'offset', 'closedSince'] as const) {
      const v = q.get(k);
      if (v === null || v === '') continue;
      const n = Number(v);
      if (!Number.isInteger(n)) throw new ApiError(400, k, `parameter '${k}' must be an integer`);
      filter[k] = n;
    }
    const parsed = incidentFilterSchema.safeParse(filter);
    if (!parsed.success) {
      const field = fieldOf(parsed.error.issues);
      throw new ApiError(400, field, `parameter '${field}': ${parsed.error.issues[0].message}`);
    }
    const r = await services.dispatch.list(parsed.data);
    return { status: 200, body: { total: r.total, items: r.items.map((x) => ({ ...x.incident, clock: x.clock })) } };
  }
  const m = /^\/api\/incidents\/([A-Za-z0-9-]{1,40})$/.exec(pathname);
  if (m && method === 'GET') {
    const d = await services.dispatch.get(m[1]).catch((e) => {
      if (e instanceof RpcCallError || e instanceof ServiceError) return null;
      throw e;
    });
    if (!d) throw new ApiError(404, 'id', `no incident ${m[1]}`);
    return { status: 200, body: { ...d.incident, clock: d.clock, timeline: d.timeline } };
  }
  if (pathname === '/api/incidents' || pathname.startsWith('/api/incidents/'))
    throw new ApiError(
      method === 'GET' || method === 'POST' ? 404 : 405,
      null,
      `no such endpoint ${method} ${pathname}`,
    );
  return null;
}
