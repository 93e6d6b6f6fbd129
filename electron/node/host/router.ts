// The host's HTTP routes as data: method, path template, zod schemas for path, query and body, and
// documented responses. The router checks every request against them (a bad one is 400 naming the
// parameter or field, before any handler runs) and the OpenAPI document is generated from the same
// table, so the published API cannot drift from what is served.
import type http from 'node:http';
import { z } from 'zod';
import { HTTP_STATUS, ServiceError, fieldOf } from '../../common/errors';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** default application/json */
  contentType?: string;
}

export type RouteResult =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** the handler wrote the response itself (streams, files) */
  | { handled: true };

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: http.IncomingMessage;
  res: http.ServerResponse;
}

type BodyDef = { schema: z.ZodType; maxBytes?: number } | { raw: string; maxBytes: number };

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. /api/incidents/{id} */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: BodyDef;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<P, Q, B>): Promise<RouteResult>;
}

/** Typed route definition: the handler sees what the schemas produce. */
export function route<
  PS extends z.ZodObject | undefined = undefined,
  QS extends z.ZodObject | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(
  def: Omit<RouteDef, 'params' | 'query' | 'body' | 'handle'> & {
    params?: PS;
    query?: QS;
    body?: BS extends z.ZodType ? { schema: BS; maxBytes?: number } : { raw: string; maxBytes: number };
    handle(
      ctx: RouteContext<
        PS extends z.ZodObject ? z.infer<PS> : Record<string, never>,
        QS extends z.ZodObject ? z.infer<QS> : Record<string, never>,
        BS extends z.ZodType ? z.infer<BS> : Buffer
      >,
    ): Promise<RouteResult>;
  },
): RouteDef {
  return def as unknown as RouteDef;
}

export const bad = (field: string, message: string) => new ServiceError('bad-request', message, { field });

/** JSON type of each top-level property, to turn query strings into numbers and booleans before checking. */
function kinds(schema: z.ZodObject | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!schema) return out;
  for (const [k, v] of Object.entries(schema.shape)) {
    const js = z.toJSONSchema(v as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { type?: string };
    out.set(k, js.type ?? 'string');
  }
  return out;
}

function coerceQuery(q: URLSearchParams, k: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of q) {
    if (raw === '') continue;
    const kind = k.get(name);
    if (kind === undefined) continue; // unknown parameters are ignored, as web APIs usually do
    if (kind === 'number' || kind === 'integer') {
      const v = Number(raw);
      if (!Number.isFinite(v))
        throw bad(name, `parameter '${name}' must be a number, got ${JSON.stringify(raw.slice(0, 40))}`);
      out[name] = v;
    } else if (kind === 'boolean') {
      if (!['1', '0', 'true', 'false'].includes(raw)) throw bad(name, `parameter '${name}' must be 1 or 0`);
      out[name] = raw === '1' || raw === 'true';
    } else out[name] = raw;
  }
  return out;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: 'parameter' | 'field'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name = issue.path.length ? String(issue.path[0]) : 'body';
  const where = issue.path.length ? `${what} '${issue.path.map(String).join('.')}'` : 'body';
  throw bad(name, `invalid ${where}: ${issue.message}`);
}

export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // too big: keep draining (so the 413 reaches the client) but keep nothing
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    req.on('end', () =>
      size > maxBytes
        ? reject(new HttpError(413, 'body', `body is larger than ${maxBytes} bytes`))
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** An HTTP-level refusal that is not a service's (413, 405, 404 for unknown paths). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly param: string | null,
    message: string,
  ) {
    super(message);
  }
}

interface Compiled {
  def: RouteDef;
  re: RegExp;
  names: string[];
  queryKinds: Map<string, string>;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: RouteDef[]) {
    this.compiled = routes.map((def) => {
      const names: string[] = [];
      const escaped = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      const pattern = escaped.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { def, re: new RegExp(`^${pattern}$`), names, queryKinds: kinds(def.query) };
    });
  }

  /** Answers a request, or returns false when no route has its path (the host serves files then). */
  async serve(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    const matches = this.compiled
      .map((c) => ({ c, m: c.re.exec(url.pathname) }))
      .filter((x): x is { c: Compiled; m: RegExpExecArray } => x.m !== null);
    try {
      if (!matches.length) {
        if (url.pathname === '/healthz' || url.pathname.startsWith('/api/')) {
          throw new HttpError(404, null, `no such endpoint ${url.pathname.slice(0, 200)}`);
        }
        return false;
      }
      const hit = matches.find((x) => x.c.def.method === method || (method === 'HEAD' && x.c.def.method === 'GET'));
      if (!hit) throw new HttpError(405, null, `method ${method} not allowed on ${url.pathname.slice(0, 200)}`);
      const { def } = hit.c;
      const rawParams = Object.fromEntries(hit.c.names.map((n, i) => [n, decodeURIComponent(hit.m[i + 1])]));
      const params = def.params ? check(def.params, rawParams, 'parameter') : rawParams;
      const query = def.query ? check(def.query, coerceQuery(url.searchParams, hit.c.queryKinds), 'parameter') : {};
      let body: unknown;
      if (def.body && 'schema' in def.body) {
        const raw = (await readBody(req, def.body.maxBytes ?? MAX_JSON_BODY_BYTES)).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          throw bad('body', 'body is not valid JSON');
        }
        body = check(def.body.schema, json, 'field');
      } else if (def.body) body = await readBody(req, def.body.maxBytes);
      const out = await def.handle({ params, query, body, req, res } as RouteContext<unknown, unknown, unknown>);
      if ('handled' in out) return true;
      sendJson(res, out.status, out.body, out.headers);
    } catch (e) {
      if (e instanceof HttpError) sendJson(res, e.status, { error: e.message, param: e.param });
      else if (e instanceof ServiceError) {
        const status = HTTP_STATUS[e.code];
        const body: Record<string, unknown> = { error: e.message, code: e.code, param: fieldOf(e) ?? null };
        if (e.code !== 'bad-request' && e.details !== undefined) body.details = e.details;
        sendJson(res, status, body);
      } else throw e;
    }
    return true;
  }
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
