// Who is calling: the connection a contract call came in on (one WebSocket, one Electron webContents),
// carried through the call with AsyncLocalStorage so a service can ask `currentCaller()` without every
// method taking a context argument. A call made outside any connection (HTTP routes, parts, tests) has none.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallerContext {
  /** for logs: ws:<n> or ipc:<webContents id> */
  readonly connection: string;
  /** where the call came from (an IP address, or 'ipc') — sign-in failures are counted per officer and source */
  readonly source: string;
  /** this connection may do nothing but sign in until it has a session */
  readonly required: boolean;
  /** the bearer token of the session this connection is signed in with */
  token: string | null;
}

const storage = new AsyncLocalStorage<CallerContext>();
let connections = 0;

export function newCaller(kind: 'ws' | 'ipc', source: string, required: boolean): CallerContext {
  return { connection: `${kind}:${++connections}`, source, required, token: null };
}

/** Runs `fn` (and everything it awaits) as a call from `ctx`. */
export function runAsCaller<T>(ctx: CallerContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentCaller(): CallerContext | undefined {
  return storage.getStore();
}
