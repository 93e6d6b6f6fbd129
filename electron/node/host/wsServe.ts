// Serves the contract over one WebSocket per window. Same dispatcher as IPC. Each connection is one
// caller (rpc/caller.ts): its sign-in belongs to it.
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { decodeMessage, encodeMessage } from '../../common/rpc/binary';
import type { WsClientMessage, WsServerMessage } from '../../common/rpc/protocol';
import type { Dispatcher } from '../rpc/dispatcher';
import { createEventBatcher } from '../rpc/batcher';
import { newCaller, runAsCaller, type CallerContext } from '../rpc/caller';

export function serveWebSocket(
  wss: WebSocketServer,
  dispatcher: Dispatcher,
  callerOf: (req: IncomingMessage | undefined) => CallerContext = (req) =>
    newCaller('ws', req?.socket.remoteAddress ?? 'unknown', false),
): void {
  wss.on('connection', (ws: WebSocket, req?: IncomingMessage) => {
    const caller = callerOf(req);
    const subs = new Map<string, () => void>();
    const send = (m: WsServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeMessage(m));
    };
    const batcher = createEventBatcher((items) => send({ t: 'evts', items }));

    ws.on('message', async (data, isBinary) => {
      let msg: WsClientMessage;
      try {
        msg = (isBinary ? decodeMessage(data as Buffer) : JSON.parse(data.toString())) as WsClientMessage;
        if (!msg || typeof msg !== 'object') throw new Error('not an object');
      } catch {
        send({
          t: 'res',
          id: null,
          r: { ok: false, error: { code: 'bad-request', message: 'message must be a JSON object' } },
        });
        return;
      }
      if (msg.t === 'call') {
        const id = typeof msg.id === 'number' ? msg.id : null;
        const r = await runAsCaller(caller, () => dispatcher.invoke(msg.ch, msg.args));
        send({ t: 'res', id, r });
      } else if (msg.t === 'sub') {
        if (subs.has(msg.ch)) return;
        const u = runAsCaller(caller, () => dispatcher.subscribe(msg.ch, (v) => batcher.push(msg.ch, v)));
        if (typeof u === 'function') subs.set(msg.ch, u);
        else send({ t: 'res', id: null, r: { ok: false, error: u } });
      } else if (msg.t === 'unsub') {
        subs.get(msg.ch)?.();
        subs.delete(msg.ch);
      } else {
        send({
          t: 'res',
          id: null,
          r: {
            ok: false,
            error: {
              code: 'bad-request',
              message: `unknown message type ${JSON.stringify((msg as { t?: unknown }).t)}`,
            },
          },
        });
      }
    });
    ws.on('close', () => {
      for (const u of subs.values()) u();
      subs.clear();
      batcher.dispose();
    });
  });
}
