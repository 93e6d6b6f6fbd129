// Several consoles, one board: the wire protocol between the authority console (which decides every
// command, so exactly one of two conflicting commands wins on every console) and its replicas (which
// send their officers' commands as requests and apply the authority's events in its order).
// Pure: topics, payload schemas, and how a replica places an arriving event.
import { z } from 'zod';
import { LIANQIN_ROOT } from '../bus/topics';
import { OFFICER_ROLES } from '../officers/types';
import {
  actorSchema,
  commandSchema,
  incidentEventSchema,
  incidentSchema,
  reportSchema,
  type IncidentEvent,
} from '../dispatch/types';

export const replicationTopics = {
  /** replicas → authority (QoS 1) */
  requests: `${LIANQIN_ROOT}/authority/requests`,
  /** authority → one replica (QoS 1) */
  replies: (consoleId: string) => `${LIANQIN_ROOT}/consoles/${consoleId}/replies`,
  /** who decides and how far its log goes (retained) */
  authority: `${LIANQIN_ROOT}/authority/status`,
  /** the officers who may sign in anywhere, with their scrypt hashes (retained; broker ACLs keep it in) */
  roster: `${LIANQIN_ROOT}/authority/roster`,
  /** every accepted event (QoS 1), and each incident's latest projection (retained) */
  events: (incidentId: string) => `${LIANQIN_ROOT}/incidents/${incidentId}/events`,
  eventsFilter: `${LIANQIN_ROOT}/incidents/+/events`,
  state: (incidentId: string) => `${LIANQIN_ROOT}/incidents/${incidentId}/state`,
};

/**
 * An event as the authority publishes and serves it: `log` is its place in the order the authority took
 * its events in — its own decisions and what reached it otherwise (a field package) — so a replica
 * that applies the log in order misses nothing.
 */
export const loggedEventSchema = incidentEventSchema.extend({
  log: z.object({ of: z.string().min(1), pos: z.number().int().positive() }),
});
export type LoggedEvent = z.infer<typeof loggedEventSchema>;

const base = { requestId: z.string().min(1).max(40), origin: z.string().min(1).max(40) };

export const requestSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('report'),
    incidentId: z.string().min(1).max(40),
    report: reportSchema,
    /** who reported it on the replica (an officer's own report) */
    actor: actorSchema.optional(),
    at: z.number().int(),
  }),
  z.object({
    ...base,
    kind: z.literal('act'),
    incidentId: z.string().min(1).max(40),
    expectedVersion: z.number().int().min(1),
    commands: z.array(commandSchema).min(1).max(5),
    actor: actorSchema,
    at: z.number().int(),
  }),
  /** catch-up: the authority's events after position `after` of its log, in its order */
  z.object({
    ...base,
    kind: z.literal('since'),
    after: z.number().int().min(0),
    limit: z.number().int().min(1).max(5_000),
  }),
]);
export type ReplicationRequest = z.infer<typeof requestSchema>;
export type CommandRequest = Extract<ReplicationRequest, { kind: 'report' | 'act' }>;

export const errorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const replySchema = z.union([
  z.object({
    requestId: z.string(),
    ok: z.literal(true),
    incident: incidentSchema.optional(),
    events: z.array(loggedEventSchema),
    /** catch-up: the log position of the last event in this page, and whether more follow */
    last: z.number().int().optional(),
    more: z.boolean().optional(),
  }),
  z.object({ requestId: z.string(), ok: z.literal(false), error: errorSchema }),
]);
export type ReplicationReply = z.infer<typeof replySchema>;

export const authorityStatusSchema = z.object({
  authorityId: z.string(),
  /** the position of the newest event in the authority's log */
  latestSeq: z.number().int(),
  at: z.number().int(),
});
export type AuthorityStatus = z.infer<typeof authorityStatusSchema>;

export const rosterSchema = z.object({
  authorityId: z.string(),
  at: z.number().int(),
  officers: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        name: z.string().min(1).max(64),
        role: z.enum(OFFICER_ROLES),
        departmentId: z.string().min(1).max(40).optional(),
        active: z.boolean(),
        passwordHash: z.string().max(400).nullable(),
      }),
    )
    .max(5_000),
});
export type RosterMessage = z.infer<typeof rosterSchema>;

export type Placement = 'apply' | 'duplicate' | 'gap' | 'foreign';

/**
 * Where an arriving event goes on a replica that has applied the authority's log up to `applied`:
 * the next one is applied, an old one is a duplicate (QoS 1 delivers at least once), a later one
 * means something was missed (catch up first), another log's (a second authority) is not ours to apply.
 */
export function placeEvent(e: LoggedEvent, authorityId: string, applied: number): Placement {
  if (e.log.of !== authorityId) return 'foreign';
  if (e.log.pos <= applied) return 'duplicate';
  return e.log.pos === applied + 1 ? 'apply' : 'gap';
}

/**
 * Of events that arrived early (while catching up), those that now follow on from `applied` without a
 * hole, in the authority's order; the rest are dropped (a later catch-up brings them again).
 */
export function contiguous<E extends LoggedEvent>(events: E[], authorityId: string, applied: number): E[] {
  const bypos = new Map<number, E>();
  for (const e of events) if (e.log.of === authorityId && e.log.pos > applied) bypos.set(e.log.pos, e);
  const out: E[] = [];
  for (let p = applied + 1; bypos.has(p); p++) out.push(bypos.get(p)!);
  return out;
}

/** An event as the authority sends it: with its position in the order the authority took its events in. */
export function withoutLog(e: LoggedEvent): IncidentEvent {
  const { log: _log, ...event } = e;
  return event;
}

/** How far behind a replica is, for its status bar. */
export interface ReplicationStatus {
  mode: 'authority' | 'replica';
  consoleId: string;
  authorityId: string | null;
  connected: boolean;
  /** the position in the authority's log this console has applied up to (authority: its own newest) */
  appliedSeq: number;
  /** the newest position the authority announced */
  latestSeq: number;
  /** events not applied yet */
  behind: number;
  /** the officers' requests not yet accepted by the authority */
  pending: number;
  /** requests the authority refused (stale): the officer must redo them */
  conflicts: number;
  oldestPendingAt: number | null;
  /** when this console last heard from the authority */
  lastContactAt: number | null;
}
