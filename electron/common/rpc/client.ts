// The renderer's single client: a typed proxy over whichever transport it was given.
// Callers cannot tell IPC from WebSocket; both resolve values or throw RpcCallError.
import type { ServiceMap, ServiceName } from '../contract';
import { isEventName } from '../contract';
import { RpcCallError, type RpcTransport } from './protocol';

export interface ServiceClient {
  readonly transport: RpcTransport['kind'];
  get<K extends ServiceName>(name: K): ServiceMap[K];
}

export function createServiceClient(transport: RpcTransport): ServiceClient {
  const cache = new Map<string, unknown>();
  const build = (svc: string) =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop !== 'string' || prop === 'then') return undefined;
          const channel = `${svc}.${prop}`;
          if (isEventName(prop)) {
            return (listener: (v: unknown) => void) => transport.subscribe(channel, listener);
          }
          return async (...args: unknown[]) => {
            // drop trailing undefined so optional arguments validate the same on both transports
            while (args.length && args[args.length - 1] === undefined) args.pop();
            const r = await transport.invoke(channel, args);
            if (!r.ok) throw new RpcCallError(channel, r.error);
            return r.value;
          };
        },
      },
    );
  return {
    transport: transport.kind,
    get(name) {
      if (!cache.has(name)) cache.set(name, build(name));
      return cache.get(name) as ServiceMap[typeof name];
    },
  };
}
