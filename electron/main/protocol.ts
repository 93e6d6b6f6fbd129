// Serves the renderer and Cesium's assets from lianqin://app/ (not file://), with the CSP on every
// response and the same path rules as the browser-mode host.
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

/** `csp` is asked per response: the video platforms' media sources are known once the console runs. */
export function serveAppProtocol(
  rendererDir: string,
  cesiumDir: string,
  csp: () => string = () => CONTENT_SECURITY_POLICY,
): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== 'app' || req.method !== 'GET') return new Response('not found', { status: 404 });
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
