// Serves the renderer and Cesium's assets from lianqin://app/ (not file://), with the CSP on every
// response and the same path rules as the browser-mode host; /api, /tiles and /healthz go on to the host.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { contentType, resolveStatic } from '../node/host/static';
import { APP_SCHEME } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Paths the console host answers; a page on lianqin://app reaches them through the protocol. */
const HOST_PATHS = ['/api/', '/tiles/', '/healthz'];

export interface AppProtocolOptions {
  /** asked per response: the video platforms' media sources are known once the console runs */
  csp?: () => string;
  /** the host's loopback address once it listens (null before, or when it could not start) */
  host?: () => string | null;
}

export function serveAppProtocol(rendererDir: string, cesiumDir: string, o: AppProtocolOptions = {}): void {
  const csp = o.csp ?? (() => CONTENT_SECURITY_POLICY);
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== 'app') return new Response('not found', { status: 404 });
    if (HOST_PATHS.some((p) => url.pathname.startsWith(p))) return toHost(req, url, o.host?.() ?? null);
    if (req.method !== 'GET') return new Response('not found', { status: 404 });
    const [root, rel] = url.pathname.startsWith('/cesium/')
      ? [cesiumDir, url.pathname.slice('/cesium'.length)]
      : [rendererDir, url.pathname];
    const file = resolveStatic(root, rel);
    if (!file) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    return new Response(res.body, {
      status: 200,
      headers: {
        'content-type': contentType(file),
        'content-security-policy': csp(),
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/** Forwards a page's request to the host on loopback: method, headers and body as they came. */
async function toHost(req: Request, url: URL, host: string | null): Promise<Response> {
  if (!host) return new Response('the console host is not serving (see the log)', { status: 503 });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return net.fetch(`${host}${url.pathname}${url.search}`, {
    method: req.method,
    headers: req.headers,
    body: hasBody ? req.body : undefined,
    // a streamed request body needs half duplex
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}
