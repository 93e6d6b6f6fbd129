// Wire envelopes shared by both transports. Errors are data, never thrown across the wire.

export type RpcErrorCode =
  | 'bad-request' // arguments failed validation
  | 'unknown-channel' // not in the contract (or not allowed)
  | 'not-found'
  | 'forbidden' // sender is not one of our frames, or the role may not do this
  | 'unauthorized' // no valid session
  | 'unavailable' // transport down / store not ready
  | 'conflict' // the command saw an older version than the current one
  | 'rejected' // a domain rule refused the command (details say which)
  | 'internal';

export interface RpcError {
  code: RpcErrorCode;
  message: string;
  /** for bad-request: the offending argument path and reason */
  issues?: { path: string; message: string }[];
  /** machine-readable context, e.g. the current version and who changed it, or failed quality rules */
  details?: unknown;
}

export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

/** What the renderer-side client needs from a transport: the preload bridge and the WebSocket both provide it. */
export interface RpcTransport {
  invoke(channel: string, args: unknown[]): Promise<RpcResult>;
  subscribe(channel: string, listener: (value: unknown) => void): () => void;
  readonly kind: 'ipc' | 'websocket';
}

// WebSocket messages
export type WsClientMessage =
  { t: 'call'; id: number; ch: string; args: unknown[] } | { t: 'sub'; ch: string } | { t: 'unsub'; ch: string };
export type WsServerMessage =
  | { t: 'res'; id: number | null; r: RpcResult }
  /** events are batched per connection and flushed at most every 100 ms (≤ 10 Hz per window) */
  | { t: 'evts'; items: { ch: string; v: unknown }[] };

export class RpcCallError extends Error {
  readonly code: RpcErrorCode;
  readonly issues?: RpcError['issues'];
  readonly details?: unknown;
  constructor(channel: string, error: RpcError) {
    super(`${channel}: ${error.message}`);
    this.name = 'RpcCallError';
    this.code = error.code;
    this.issues = error.issues;
    this.details = error.details;
  }
}
