// IPC transport: a thin wrapper over what the preload script exposes through contextBridge.
import type { RpcResult, RpcTransport } from './protocol';

/** Exactly what preload exposes as window.lianqin — nothing else crosses the bridge. */
export interface PreloadBridge {
  invoke(channel: string, args: unknown[]): Promise<RpcResult>;
  subscribe(channel: string, listener: (value: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'lianqin';
export const IPC_INVOKE = 'lianqin:invoke';
export const IPC_SUBSCRIBE = 'lianqin:subscribe';
export const IPC_UNSUBSCRIBE = 'lianqin:unsubscribe';
export const IPC_EVENT = 'lianqin:event';

export function createIpcTransport(bridge: PreloadBridge): RpcTransport {
  return {
    kind: 'ipc',
    invoke: (ch, args) => bridge.invoke(ch, args),
    subscribe: (ch, l) => bridge.subscribe(ch, l),
  };
}
