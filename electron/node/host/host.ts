// The console host: HTTP (the API, the renderer, Cesium's assets) and the service contract over one
// WebSocket, for a console built by the composition root. On 127.0.0.1 unless told otherwise.
// Starts answering at once; the console seeds behind it.
import fs from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { contentSecurityPolicy } from '../../common/csp';
import type { LianqinConsole } from '../console/index';
import { newCaller } from '../rpc/caller';
import { isLoopbackHost, refuseWithoutToken } from './access';
import { openApiDocument } from './openapi';
import { Router, sendJson, type RouteDef } from './router';
import { incidentRoutes } from './routes/incidents';
import { mapRoutes } from './routes/map';
import { systemRoutes } from './routes/system';
import { contentType, resolveStatic } from './static';
import { serveWebSocket } from './wsServe';

/** A WebSocket endpoint besides /ws (live video, for example): return true when it took the upgrade. */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL) => boolean;

export interface HostOptions {
  console: LianqinConsole;
  port?: number;
  host?: string;
  rendererDir: string;
  cesiumDir: string;
  log?: (line: string) => void;
  /** routes and upgrade endpoints that console parts add (video, drones, maps…) */
  routes?: RouteDef[];
  upgrades?: UpgradeHandler[];
}

export interface ConsoleHost {
  url: string;
  port: number;
  console: LianqinConsole;
  routes: readonly RouteDef[];
  /** stops serving; the console itself is closed by whoever created it */
  close(): Promise<void>;
}

/** Every HTTP route of a console: the ones the host always has and those its parts add. */
export function hostRoutes(c: LianqinConsole, extra: RouteDef[] = []): RouteDef[] {
  const all: RouteDef[] = [];
  let doc: unknown = null;
  all.push(
    ...systemRoutes(c, () => (doc ??= openApiDocument(all, c.version))),
    ...mapRoutes(c),
    ...incidentRoutes(c),
    ...extra,
  );
  return all;
}

export async function startHost(opts: HostOptions): Promise<ConsoleHost> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const c = opts.console;
  const bindHost = opts.host ?? '127.0.0.1';
  // reachable from the network: the API wants a token and every window signs in
  const networked = !isLoopbackHost(bindHost);
  const session = c.services.session;
  const routes = hostRoutes(c, [...c.routes, ...(opts.routes ?? [])]);
  const router = new Router(routes);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      log(`[http] ${req.method} ${req.url} failed: ${(e as Error).stack}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    if (networked && refuseWithoutToken(req, res, url, (t) => session.officerForToken(t) !== null)) return;
    if (await router.serve(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { error: `method ${req.method} not allowed`, param: null });
    }
    const [root, rel] = url.pathname.startsWith('/cesium/')
      ? [opts.cesiumDir, url.pathname.slice('/cesium'.length)]
      : [opts.rendererDir, url.pathname];
    const file = resolveStatic(root, rel);
    if (!file) return sendJson(res, 404, { error: `not found: ${url.pathname.slice(0, 200)}`, param: null });
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-security-policy': contentSecurityPolicy(c.services.video.mediaSources()),
      'x-content-type-options': 'nosniff',
      'cache-control': root === opts.cesiumDir ? 'public, max-age=86400' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 << 20 });
  serveWebSocket(wss, c.dispatcher, (req) => {
    const caller = newCaller('ws', req?.socket.remoteAddress ?? 'unknown', networked || session.signInRequired);
    // a window that reconnects brings its session along (`/ws?resume=<token>`), before it subscribes again
    const token = new URL(req?.url ?? '/', 'http://local').searchParams.get('resume');
    if (token && session.officerForToken(token)) caller.token = token;
    return caller;
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const origin = req.headers.origin;
    // browsers always send Origin: only pages served by this host may use its sockets
    const ownOrigin = origin === undefined || origin === `http://${req.headers.host}`;
    if (ownOrigin && url.pathname === '/ws') {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return;
    }
    if (ownOrigin && [...c.upgrades, ...(opts.upgrades ?? [])].some((u) => u(req, socket, head, url))) return;
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4510, bindHost, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`;

  return {
    url,
    port,
    console: c,
    routes,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      // close() waits for every connection to end: live streams (FLV, MJPEG) and keep-alive clients never
      // would, so they are ended here rather than after
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}
