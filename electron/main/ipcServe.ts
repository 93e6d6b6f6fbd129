// Serves the contract over Electron IPC. Written against the small slice of ipcMain it uses (no
// runtime import of 'electron'), so the contract suite can run it over an in-memory pair.
import { IPC_EVENT, IPC_INVOKE, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../common/rpc/ipcTransport';
import type { RpcResult } from '../common/rpc/protocol';
import { createEventBatcher, type EventBatcher } from '../node/rpc/batcher';
import type { Dispatcher } from '../node/rpc/dispatcher';
import { newCaller, runAsCaller, type CallerContext } from '../node/rpc/caller';

export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}
export interface IpcEventLike {
  sender: WebContentsLike;
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export function serveIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  isTrustedUrl: (url: string) => boolean,
  /** windows must sign in before using the console (the administrator's setting) */
  signInRequired = false,
): () => void {
  const perWindow = new Map<number, { subs: Map<string, () => void>; batcher: EventBatcher; caller: CallerContext }>();
  const trusted = (e: IpcEventLike) => !!e.senderFrame && isTrustedUrl(e.senderFrame.url);

  const windowState = (wc: WebContentsLike) => {
    let s = perWindow.get(wc.id);
    if (!s) {
      const state = {
        // one caller per window: its sign-in is its own
        caller: newCaller('ipc', 'ipc', signInRequired),
        subs: new Map<string, () => void>(),
        batcher: createEventBatcher((items) => {
          if (!wc.isDestroyed()) wc.send(IPC_EVENT, items);
        }),
      };
      perWindow.set(wc.id, state);
      wc.once('destroyed', () => {
        for (const u of state.subs.values()) u();
        state.batcher.dispose();
        perWindow.delete(wc.id);
      });
      s = state;
    }
    return s;
  };

  ipcMain.handle(IPC_INVOKE, async (e, channel, args): Promise<RpcResult> => {
    if (!trusted(e))
      return { ok: false, error: { code: 'forbidden', message: 'IPC is accepted only from the console’s own pages' } };
    return runAsCaller(windowState(e.sender).caller, () => dispatcher.invoke(channel, args));
  });
  ipcMain.on(IPC_SUBSCRIBE, (e, channel) => {
    if (!trusted(e) || typeof channel !== 'string') return;
    const s = windowState(e.sender);
    if (s.subs.has(channel)) return;
    const u = runAsCaller(s.caller, () => dispatcher.subscribe(channel, (v) => s.batcher.push(channel, v)));
    if (typeof u === 'function') s.subs.set(channel, u);
  });
  ipcMain.on(IPC_UNSUBSCRIBE, (e, channel) => {
    if (typeof channel !== 'string') return;
    const s = perWindow.get(e.sender.id);
    s?.subs.get(channel)?.();
    s?.subs.delete(channel);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeAllListeners(IPC_SUBSCRIBE);
    ipcMain.removeAllListeners(IPC_UNSUBSCRIBE);
    for (const s of perWindow.values()) {
      for (const u of s.subs.values()) u();
      s.batcher.dispose();
    }
    perWindow.clear();
  };
}
