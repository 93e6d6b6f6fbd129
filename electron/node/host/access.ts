// Who may use the host's API. On loopback only this machine can call, and the API stays open as it
// always was (the platforms' adapters and scripts run beside the console). Bound to any other address,
// every /api/ call needs a valid bearer token except signing in and reading the API description, and
// every window must sign in before its WebSocket may call anything but the session service.
import type http from 'node:http';
import { sendJson } from './router';

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerOf(req: http.IncomingMessage): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '');
  return m ? m[1] : null;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

const OPEN_API = new Set(['POST /api/session', 'GET /api/openapi.json', 'HEAD /api/openapi.json']);

/** Answers 401 and returns true when the request must not reach the API. */
export function refuseWithoutToken(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  validToken: (token: string | null) => boolean,
): boolean {
  if (!url.pathname.startsWith('/api/') || OPEN_API.has(`${req.method} ${url.pathname}`)) return false;
  if (validToken(bearerOf(req))) return false;
  sendJson(
    res,
    401,
    {
      error:
        'this console is reachable from the network: sign in first (POST /api/session) and send Authorization: Bearer <token>',
      code: 'unauthorized',
      param: null,
    },
    { 'www-authenticate': 'Bearer realm="lianqin"' },
  );
  return true;
}
