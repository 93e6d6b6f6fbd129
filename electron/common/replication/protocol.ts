// Several consoles, one board: the wire protocol between the authority console (which decides every
// command, so exactly one of two conflicting commands wins on every console) and its replicas (which
// send their officers' commands as requests and apply the authority's events in its order).
// Pure: topics, payload schemas, and how a replica places an arriving event.
import { z } from 'zod';
import { LIANQIN_ROOT } from '../bus/topics';
import { OFFICER_ROLES } from '../officers/types';
import { actorSchema, commandSchema, incidentEventSchema, incidentSchema, reportSchema } from '../dispatch/types';

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
  /** catch-up: the authority's events after its sequence `after`, in its order */
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
    events: z.array(incidentEventSchema),
    /** catch-up: the authority's sequence of the last event in this page, and whether more follow */
    last: z.number().int().optional(),
    more: z.boolean().optional(),
  }),
  z.object({ requestId: z.string(), ok: z.literal(false), error: errorSchema }),
]);
export type ReplicationReply = z.infer<typeof replySchema>;

export const authorityStatusSchema = z.object({
  authorityId: z.string(),
  /** the authority's sequence of its newest event */
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
 * means something was missed (catch up first), another console's is not ours to apply.
 */
export function placeEvent(
  e: { consoleId: string; consoleSeq: number },
  authorityId: string,
  applied: number,
): Placement {
  if (e.consoleId !== authorityId) return 'foreign';
  if (e.consoleSeq <= applied) return 'duplicate';
  return e.consoleSeq === applied + 1 ? 'apply' : 'gap';
}

/**
 * Of events that arrived early (while catching up), those that now follow on from `applied` without a
 * hole, in the authority's order; the rest are dropped (a later catch-up brings them again).
 */
export function contiguous<E extends { consoleId: string; consoleSeq: number }>(
  events: E[],
  authorityId: string,
  applied: number,
): E[] {
  const byseq = new Map<number, E>();
  for (const e of events) if (e.consoleId === authorityId && e.consoleSeq > applied) byseq.set(e.consoleSeq, e);
  const out: E[] = [];
  for (let s = applied + 1; byseq.has(s); s++) out.push(byseq.get(s)!);
  return out;
}

/** How far behind a replica is, for its status bar. */
export interface ReplicationStatus {
  mode: 'authority' | 'replica';
  consoleId: string;
  authorityId: string | null;
  connected: boolean;
  /** the authority's sequence this console has applied up to (authority: its own newest) */
  appliedSeq: number;
  /** the newest sequence the authority announced */
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
