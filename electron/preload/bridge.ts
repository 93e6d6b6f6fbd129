// The object preload exposes as window.lianqin: invoke and subscribe on allow-listed channels only.
// No runtime import of 'electron' here, so tests can drive it with an in-memory ipcRenderer.
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../common/channels';
import { IPC_EVENT, IPC_INVOKE, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE, type PreloadBridge } from '../common/rpc/ipcTransport';
import type { RpcResult } from '../common/rpc/protocol';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadBridge(ipc: IpcRendererLike): PreloadBridge {
  const methods = new Set<string>(METHOD_CHANNELS);
  const events = new Set<string>(EVENT_CHANNELS);
  const listeners = new Map<string, Set<(v: unknown) => void>>();

  ipc.on(IPC_EVENT, (_e, items) => {
    if (!Array.isArray(items)) return;
    for (const it of items as { ch: string; v: unknown }[]) listeners.get(it.ch)?.forEach((l) => l(it.v));
  });

  return {
    async invoke(channel, args) {
      if (typeof channel !== 'string' || !methods.has(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `channel ${String(channel)} is not allowed` } };
      }
      return (await ipc.invoke(IPC_INVOKE, channel, Array.isArray(args) ? args : [])) as RpcResult;
    },
    subscribe(channel, listener) {
      if (typeof channel !== 'string' || !events.has(channel))
        throw new Error(`event ${String(channel)} is not allowed`);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        ipc.send(IPC_SUBSCRIBE, channel);
      }
      set.add(listener);
      return () => {
        const s = listeners.get(channel);
        if (!s?.delete(listener) || s.size) return;
        listeners.delete(channel);
        ipc.send(IPC_UNSUBSCRIBE, channel);
      };
    },
  };
}
