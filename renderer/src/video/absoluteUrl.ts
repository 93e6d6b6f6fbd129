// Stream URLs as players need them: relative paths from the console host made absolute against the
// page, and WS-FLV on ws:// or wss:// (the page is http(s)).
import type { Protocol } from '../../../electron/common/video/types';

export function absoluteUrl(url: string, p: Protocol, base = location.href): string {
  const u = new URL(url, base);
  if (p === 'wsFlv' && (u.protocol === 'http:' || u.protocol === 'https:'))
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}
