// What the console answers a dock: acknowledgements for events and status (topology), answers to its
// requests, and the service messages it sends (fresh tid/bid each).
import { randomUUID } from 'node:crypto';

export interface OutMessage {
  tid: string;
  bid: string;
  timestamp: number;
  method: string;
  data: Record<string, unknown>;
}

export const ack = (
  tid: string,
  bid: string,
  method: string,
  now: number,
  output?: Record<string, unknown>,
): OutMessage => ({
  tid,
  bid,
  timestamp: now,
  method,
  data: output ? { result: 0, output } : { result: 0 },
});

export function serviceMessage(method: string, data: Record<string, unknown>, now: number): OutMessage {
  return { tid: randomUUID(), bid: randomUUID(), timestamp: now, method, data };
}
