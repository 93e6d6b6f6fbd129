// The 4+N dispatch service: reports in, versioned commands, lists, the board, statistics.
import { z } from 'zod';
import { incidentFilterSchema, type IncidentFilter } from '../dispatch/board';
import { deadlineClockSchema } from '../dispatch/grades';
import { URGENCY_PHASES } from '../dispatch/urgency';
import {
  actorSchema,
  commandSchema,
  EVIDENCE_KINDS,
  evidenceSchema,
  incidentEventSchema,
  incidentSchema,
  reportSchema,
  type Actor,
  type Command,
  type Evidence,
  type Incident,
  type IncidentReport,
} from '../dispatch/types';
import { none, type EventSource, type ServiceContract } from './base';

export { incidentFilterSchema, type IncidentFilter };

export const urgencyClockSchema = z.object({
  phase: z.enum(URGENCY_PHASES),
  dueAt: z.number().int().nullable(),
  remainingMs: z.number().int().nullable(),
  state: z.enum(['on-time', 'due-soon', 'overdue']).nullable(),
});

/**
 * An incident with its running clocks at the time it was read: the 1510 deadline (`clock`) and, for
 * emergencies and priorities, the minute clock (`urgencyClock`). The same shape over RPC and HTTP.
 */
export const incidentRowSchema = incidentSchema.extend({
  clock: deadlineClockSchema,
  urgencyClock: urgencyClockSchema,
  /** several consoles: shown as this console's officer left it, not yet accepted by the authority console */
  pending: z.boolean().optional(),
});
export type IncidentRow = z.infer<typeof incidentRowSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().nullable(),
  at: z.number().int(),
  actorId: z.string(),
  actorName: z.string(),
  role: z.string(),
  /** the console the officer acted at: a replica's for its requests, else the one that accepted the command */
  consoleId: z.string().optional(),
  command: z.string(),
  outcome: z.enum(['accepted', 'rejected']),
  reason: z.string().nullable(),
  /** status, version, grade and departments before and after (JSON), for accepted commands */
  beforeJson: z.string().nullable(),
  afterJson: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const qualityItemSchema = z.object({
  id: z.string(),
  message: z.string(),
  ok: z.boolean(),
  /** closure rules apply once a resolution is recorded */
  stage: z.enum(['intake', 'closure']),
});

export const incidentDetailSchema = incidentRowSchema.extend({
  timeline: z.array(incidentEventSchema),
  audit: z.array(auditEntrySchema),
  /** every ticket-quality rule with whether it holds now: the checklist the board shows */
  qualityCheck: z.array(qualityItemSchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentPageSchema = z.object({ total: z.number().int(), items: z.array(incidentRowSchema) });
export type IncidentPage = z.infer<typeof incidentPageSchema>;

export const dispatchStatsSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  /** closed incidents resolved within their handling deadline */
  onTimeRate: z.number(),
  /** dispatched incidents returned at least once */
  returnRate: z.number(),
  averageHandlingMs: z.number(),
  /** incidents matched to a lead department by the responsibility list at report time */
  matchRate: z.number(),
  /** mean satisfaction of the reporters asked at evaluation, 0–1 */
  satisfactionRate: z.number(),
  colours: z.object({ green: z.number(), blue: z.number(), yellow: z.number(), orange: z.number(), red: z.number() }),
  /** red and orange: the fortnightly supervision list */
  supervision: z.number().int(),
});
export type DispatchStats = z.infer<typeof dispatchStatsSchema>;

/** A change carries the change: the incident as it now is (stores apply it in place, never refetch). */
export interface IncidentChange {
  id: string;
  version: number;
  incident: Incident;
  /** several consoles: as this console's officer left it, not yet accepted by the authority */
  pending?: boolean;
}

/** A file attached as evidence (a photo, a document, a snapshot), with its bytes. */
export const evidenceUploadSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    name: z.string().trim().min(1).max(200),
    mime: z.string().max(100).optional(),
    note: z.string().max(2000).optional(),
    data: z.instanceof(Uint8Array),
  })
  .strict();
export type EvidenceUpload = z.infer<typeof evidenceUploadSchema>;

export interface IDispatchService {
  report(report: IncidentReport): Promise<Incident>;
  /** Throws conflict / rejected (with the rule) / not-found with the reason. */
  command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident>;
  /** several commands as one (all or none), e.g. triage and dispatch from one confirmation */
  act(id: string, expectedVersion: number, commands: Command[], actor?: Actor): Promise<Incident>;
  /** stores a file and attaches it as evidence (a versioned command) */
  attachFile(id: string, expectedVersion: number, file: EvidenceUpload, actor?: Actor): Promise<Incident>;
  /** attaches evidence another part of the console stored (a video snapshot), at the current version */
  attachEvidence(id: string, evidence: Evidence, actor?: Actor): Promise<Incident>;
  list(filter: IncidentFilter): Promise<IncidentPage>;
  /** open incidents in board order (see dispatch/board.ts) */
  board(filter: IncidentFilter): Promise<IncidentPage>;
  get(id: string): Promise<IncidentDetail | null>;
  stats(): Promise<DispatchStats>;
  onDidChange: EventSource<IncidentChange>;
}

const incidentId = z.string().min(1).max(40);
export const dispatchContract = {
  methods: {
    report: z.tuple([reportSchema]),
    command: z.tuple([incidentId, z.number().int().min(1), commandSchema, actorSchema.optional()]),
    act: z.tuple([incidentId, z.number().int().min(1), z.array(commandSchema).min(1).max(5), actorSchema.optional()]),
    attachFile: z.tuple([incidentId, z.number().int().min(1), evidenceUploadSchema, actorSchema.optional()]),
    attachEvidence: z.tuple([incidentId, evidenceSchema, actorSchema.optional()]),
    list: z.tuple([incidentFilterSchema]),
    board: z.tuple([incidentFilterSchema]),
    get: z.tuple([incidentId]),
    stats: none,
  },
  events: ['onDidChange'],
} as const satisfies ServiceContract;
