// WebSocket transport for the browser mode. Reconnects with back-off and re-subscribes; a call made
// while disconnected waits a few seconds for the connection, then fails with 'unavailable' rather
// than hanging an officer's screen.
import { decodeMessage, encodeMessage } from './binary';
import type { RpcResult, RpcTransport, WsClientMessage, WsServerMessage } from './protocol';

/** The part of the WebSocket API we use: the browser's WebSocket and the 'ws' package both fit. */
export interface WebSocketLike {
  readyState: number;
  /** binary frames (typed arrays) arrive as ArrayBuffer when this can be set */
  binaryType?: string;
  send(data: string | Uint8Array): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsTransport extends RpcTransport {
  readonly connected: boolean;
  onStatus(listener: (connected: boolean) => void): () => void;
  close(): void;
}

const OPEN = 1;

export function createWsTransport(
  url: string,
  factory: WebSocketFactory,
  opts: { callTimeoutMs?: number } = {},
): WsTransport {
  const timeoutMs = opts.callTimeoutMs ?? 30_000;
  let ws: WebSocketLike | null = null;
  let connected = false;
  let closed = false;
  let nextId = 1;
  let backoffMs = 250;
  const pending = new Map<number, { resolve: (r: RpcResult) => void; timer: ReturnType<typeof setTimeout> }>();
  const listeners = new Map<string, Set<(v: unknown) => void>>();
  const statusListeners = new Set<(c: boolean) => void>();
  let waiters: (() => void)[] = [];

  const setConnected = (c: boolean) => {
    if (connected === c) return;
    connected = c;
    statusListeners.forEach((l) => l(c));
  };
  // a call carrying typed arrays (an evidence file) goes as one binary frame, like results do
  const send = (m: WsClientMessage) => ws?.send(encodeMessage(m));
  const failAll = (message: string) => {
    for (const [, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: { code: 'unavailable', message } });
    }
    pending.clear();
  };

  const connect = () => {
    if (closed) return;
    const sock = factory(url);
    ws = sock;
    if ('binaryType' in sock) sock.binaryType = 'arraybuffer';
    sock.onopen = () => {
      backoffMs = 250;
      setConnected(true);
      for (const ch of listeners.keys()) send({ t: 'sub', ch });
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    };
    sock.onmessage = (ev) => {
      let msg: WsServerMessage;
      try {
        msg = decodeMessage(ev.data) as WsServerMessage;
      } catch {
        return;
      }
      if (msg.t === 'res' && typeof msg.id === 'number') {
        const p = pending.get(msg.id);
        if (p) {
          pending.delete(msg.id);
          clearTimeout(p.timer);
          p.resolve(msg.r);
        }
      } else if (msg.t === 'evts' && Array.isArray(msg.items)) {
        for (const it of msg.items) listeners.get(it.ch)?.forEach((l) => l(it.v));
      }
    };
    sock.onerror = () => {
      /* onclose follows */
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null;
      setConnected(false);
      failAll('connection to the console host was lost');
      if (!closed) {
        setTimeout(connect, backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
      }
    };
  };
  connect();

  const whenOpen = (): Promise<boolean> =>
    connected && ws?.readyState === OPEN
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const waiter = () => {
            clearTimeout(t);
            resolve(true);
          };
          // a call that gave up must not stay queued while the host is away
          const t = setTimeout(
            () => {
              waiters = waiters.filter((w) => w !== waiter);
              resolve(false);
            },
            Math.min(timeoutMs, 5_000),
          );
          waiters.push(waiter);
        });

  return {
    kind: 'websocket',
    get connected() {
      return connected;
    },
    async invoke(ch, args) {
      if (!(await whenOpen()))
        return { ok: false, error: { code: 'unavailable', message: 'console host is not reachable' } };
      const id = nextId++;
      return new Promise<RpcResult>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'unavailable', message: `${ch} timed out after ${timeoutMs} ms` } });
        }, timeoutMs);
        pending.set(id, { resolve, timer });
        send({ t: 'call', id, ch, args });
      });
    },
    subscribe(ch, listener) {
      let set = listeners.get(ch);
      if (!set) {
        set = new Set();
        listeners.set(ch, set);
        if (connected) send({ t: 'sub', ch });
      }
      set.add(listener);
      return () => {
        const s = listeners.get(ch);
        if (!s) return;
        s.delete(listener);
        if (s.size === 0) {
          listeners.delete(ch);
          if (connected) send({ t: 'unsub', ch });
        }
      };
    },
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    close() {
      closed = true;
      failAll('transport closed');
      ws?.close();
    },
  };
}
