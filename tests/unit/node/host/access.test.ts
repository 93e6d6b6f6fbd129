import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { bearerOf, isLoopbackHost } from '../../../../electron/node/host/access';

describe('who may use the API', () => {
  it('knows a loopback bind address from one the network reaches', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', 'LOCALHOST'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.20.0.5', '192.168.1.2', '127.0.0.1.example.com', 'host.local', '1127.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('reads only a well-formed bearer token', () => {
    const req = (authorization?: string) => ({ headers: { authorization } }) as http.IncomingMessage;
    const token = 'A'.repeat(43);
    expect(bearerOf(req(`Bearer ${token}`))).toBe(token);
    for (const a of [undefined, '', token, `Basic ${token}`, `Bearer ${token} x`, 'Bearer short', `bearer${token}`])
      expect(bearerOf(req(a))).toBeNull();
  });
});
