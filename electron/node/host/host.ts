// The console host: HTTP (static renderer, Cesium assets, read-only API) and the service contract
// over one WebSocket, on 127.0.0.1 unless told otherwise. Starts answering at once; seeds behind.
import fs from 'node:fs';
import http from 'node:http';
import { WebSocketServer } from 'ws';
import type { Db } from '../../../native/sqlite/open';
import { openConsoleDb } from '../store/openConsoleDb';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import type { SeedProgress } from '../../common/dto';
import { createDispatcher } from '../rpc/dispatcher';
import { bootStore, type BootOptions } from '../seed/boot';
import { createServices, type ConsoleServices } from '../services/index';
import { ApiError, handleApi } from './httpApi';
import { handleIncidentApi, MAX_BODY_BYTES } from './incidentApi';
import { contentType, resolveStatic } from './static';
import { serveWebSocket } from './wsServe';

export interface HostOptions {
  dataDir: string;
  port?: number;
  host?: string;
  rendererDir: string;
  cesiumDir: string;
  version: string;
  log?: (line: string) => void;
  /** seed options for tests (a smaller district) */
  seed?: BootOptions;
  /** clock for the dispatch service (tests) */
  now?: () => number;
}

export interface ConsoleHost {
  url: string;
  port: number;
  services: ConsoleServices;
  db: Db;
  /** resolves when the store is seeded and the console is ready */
  ready: Promise<void>;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<ConsoleHost> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const db = openConsoleDb(opts.dataDir, log);
  const services = createServices(db, opts.version, opts.now);
  const dispatcher = createDispatcher(services, log);
  const bindHost = opts.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      log(`[http] ${req.method} ${req.url} failed: ${(e as Error).stack}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      const method = req.method ?? 'GET';
      const api =
        (await handleIncidentApi(services, method, url.pathname, url.searchParams, () => readBody(req))) ??
        (await handleApi(services, method, url.pathname, url.searchParams));
      if (api) return sendJson(res, api.status, api.body);
    } catch (e) {
      if (e instanceof ApiError) return sendJson(res, e.status, { error: e.message, param: e.param });
      throw e;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: `method ${req.method} not allowed` });
    const [root, rel] = url.pathname.startsWith('/cesium/')
      ? [opts.cesiumDir, url.pathname.slice('/cesium'.length)]
      : [opts.rendererDir, url.pathname];
    const file = resolveStatic(root, rel);
    if (!file) return sendJson(res, 404, { error: `not found: ${url.pathname.slice(0, 200)}` });
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': root === opts.cesiumDir ? 'public, max-age=86400' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  serveWebSocket(wss, dispatcher);
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const origin = req.headers.origin;
    // browsers always send Origin: only pages served by this host may use the contract
    const ownOrigin = origin === undefined || origin === `http://${req.headers.host}`;
    if (url.pathname !== '/ws' || !ownOrigin) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4510, bindHost, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`;

  let lastLogged = '';
  const onProgress = (p: SeedProgress) => {
    services.reportSeed(p);
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0;
    if (p.phase === 'seeding' && `${p.step}${pct}` !== lastLogged) {
      lastLogged = `${p.step}${pct}`;
      log(`[seed] ${p.step} ${pct}% (${p.done}/${p.total})`);
    }
  };
  const ready = bootStore(db, services, { ...opts.seed, onProgress }).then(
    (r) => {
      if (r.seeded) log(`[seed] district seeded in ${Math.round(r.ms)} ms`);
    },
    (e) => {
      services.reportSeed({ phase: 'error', step: 'seed', done: 0, total: 1, message: (e as Error).message });
      log(`[seed] failed: ${(e as Error).message}`);
      throw e;
    },
  );
  ready.catch(() => {});

  return {
    url,
    port,
    services,
    db,
    ready,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await ready.catch(() => {});
      db.close();
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // too big: keep draining (so the 413 reaches the client) but keep nothing
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new ApiError(413, 'body', `body is larger than ${MAX_BODY_BYTES} bytes`))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
