import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../electron/common/errors';
import { createDispatcher } from '../../../../electron/node/rpc/dispatcher';

// The full argument cases run over both transports in tests/integration/contract.test.ts.
describe('RPC dispatcher', () => {
  const calls: unknown[][] = [];
  const d = createDispatcher({
    cameras: {
      get: async (id: string) => {
        calls.push([id]);
        if (id === 'boom') throw new Error('disk on fire');
        if (id === 'gone') throw new ServiceError('not-found', 'camera gone');
        return null;
      },
    },
  } as never);

  it('refuses channels outside the contract, including prototype tricks', async () => {
    expect(await d.invoke('__proto__.constructor', [])).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await d.invoke('cameras.constructor', [])).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await d.invoke(42, [])).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(d.subscribe('system.getInfo', () => {})).toMatchObject({ code: 'unknown-channel' });
  });

  it('validates before calling: a bad call never reaches the service', async () => {
    const n = calls.length;
    expect(await d.invoke('cameras.get', [123])).toMatchObject({
      ok: false,
      error: { code: 'bad-request', issues: [{ path: 'args[0]' }] },
    });
    expect(await d.invoke('cameras.get', { 0: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls.length).toBe(n);
  });

  it('turns service failures into structured errors; undefined into null', async () => {
    expect(await d.invoke('cameras.get', ['boom'])).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    });
    expect(await d.invoke('cameras.get', ['gone'])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'camera gone' },
    });
    expect(await d.invoke('cameras.get', ['x'])).toEqual({ ok: true, value: null });
  });
});
