// Payload schemas of the bus: the broker's state as the console reports it, ingest counters shared by
// every adapter that validates messages at the edge, and the console status message (retained, with a
// last-will "offline").
import { z } from 'zod';

export const brokerStatusSchema = z.object({
  /** mqtt://host:port, never with credentials */
  url: z.string(),
  connected: z.boolean(),
  embedded: z.boolean(),
  /** when `connected` last changed (ms) */
  since: z.number(),
  /** reconnect attempts since the last successful connection */
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type BrokerStatus = z.infer<typeof brokerStatusSchema>;

export const ingestSourceStatsSchema = z.object({
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** rejected messages by reason code (not-json, bad-envelope, bad-field, unknown-method, unknown-device, too-large…) */
  byReason: z.record(z.string(), z.number().int()),
  lastRejection: z.object({ reason: z.string(), detail: z.string(), topic: z.string(), at: z.number() }).nullable(),
});
export type IngestSourceStats = z.infer<typeof ingestSourceStatsSchema>;
export const ingestStatsSchema = z.record(z.string(), ingestSourceStatsSchema);
export type IngestStats = z.infer<typeof ingestStatsSchema>;

export const consoleStatusSchema = z.object({
  consoleId: z.string(),
  state: z.enum(['online', 'offline']),
  at: z.number(),
  version: z.string().optional(),
});
export type ConsoleStatusPayload = z.infer<typeof consoleStatusSchema>;

/** Strips user:password from a broker URL so it can be shown and logged. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
