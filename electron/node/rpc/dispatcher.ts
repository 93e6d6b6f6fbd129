// The serving edge shared by both transports: channel allow-list, argument validation, error shaping.
// A bad call gets a structured error; nothing a caller sends can crash a service.
import type { z } from 'zod';
import { CONTRACT, type ServiceMap, type Unsubscribe } from '../../common/contract';
import { ServiceError } from '../../common/errors';
import type { RpcError, RpcResult } from '../../common/rpc/protocol';

export interface Dispatcher {
  invoke(channel: unknown, args: unknown): Promise<RpcResult>;
  /** Returns an unsubscribe function, or an error when the channel is not an event of the contract. */
  subscribe(channel: unknown, listener: (value: unknown) => void): Unsubscribe | RpcError;
}

type AnyContract = Record<string, { methods: Record<string, z.ZodType>; events: readonly string[] }>;

function split(channel: unknown): [string, string] | null {
  if (typeof channel !== 'string' || channel.length > 100) return null;
  const m = /^([a-z][a-zA-Z]*)\.([a-zA-Z]+)$/.exec(channel);
  return m ? [m[1], m[2]] : null;
}

/** Checked before every call and subscription (the calling connection is `currentCaller()`): null lets it through. */
export type Authorize = (channel: string) => RpcError | null;

export function createDispatcher(
  services: ServiceMap,
  log: (msg: string) => void = () => {},
  authorize: Authorize = () => null,
): Dispatcher {
  const contract = CONTRACT as unknown as AnyContract;
  const table = services as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;

  return {
    async invoke(channel, args) {
      const parts = split(channel);
      const def = parts && Object.hasOwn(contract, parts[0]) ? contract[parts[0]] : undefined;
      const schema = parts && def && Object.hasOwn(def.methods, parts[1]) ? def.methods[parts[1]] : undefined;
      if (!parts || !schema) {
        return {
          ok: false,
          error: {
            code: 'unknown-channel',
            message: `unknown channel ${JSON.stringify(String(channel)).slice(0, 120)}`,
          },
        };
      }
      const denied = authorize(channel as string);
      if (denied) return { ok: false, error: denied };
      if (!Array.isArray(args)) {
        return {
          ok: false,
          error: {
            code: 'bad-request',
            message: `${channel}: arguments must be an array`,
            issues: [{ path: 'args', message: 'expected array' }],
          },
        };
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: ['args', ...i.path]
            .map((p, k) => (k === 0 ? String(p) : typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join(''),
          message: i.message,
        }));
        return {
          ok: false,
          error: {
            code: 'bad-request',
            message: `${channel}: invalid ${issues.map((i) => i.path).join(', ')}`,
            issues,
          },
        };
      }
      try {
        const fn = table[parts[0]][parts[1]];
        const value = await fn.apply(table[parts[0]], parsed.data as unknown[]);
        return { ok: true, value: value === undefined ? null : value };
      } catch (e) {
        if (e instanceof ServiceError)
          return {
            ok: false,
            error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) },
          };
        log(`[rpc] ${channel} failed: ${(e as Error)?.stack ?? String(e)}`);
        return {
          ok: false,
          error: { code: 'internal', message: `${channel} failed: ${(e as Error)?.message ?? 'unknown error'}` },
        };
      }
    },
    subscribe(channel, listener) {
      const parts = split(channel);
      const def = parts && Object.hasOwn(contract, parts[0]) ? contract[parts[0]] : undefined;
      if (!parts || !def || !def.events.includes(parts[1])) {
        return { code: 'unknown-channel', message: `unknown event ${JSON.stringify(String(channel)).slice(0, 120)}` };
      }
      const denied = authorize(channel as string);
      if (denied) return denied;
      const source = table[parts[0]][parts[1]] as unknown as (l: (v: unknown) => void) => Unsubscribe;
      return source.call(table[parts[0]], listener);
    },
  };
}
