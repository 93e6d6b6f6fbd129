// The 4+N dispatch service: reports in, versioned commands, lists, the board, statistics.
import { z } from 'zod';
import { incidentFilterSchema, type IncidentFilter } from '../dispatch/board';
import { deadlineClockSchema } from '../dispatch/grades';
import {
  actorSchema,
  commandSchema,
  incidentEventSchema,
  incidentSchema,
  reportSchema,
  type Actor,
  type Command,
  type Incident,
  type IncidentReport,
} from '../dispatch/types';
import { none, type EventSource, type ServiceContract } from './base';

export { incidentFilterSchema, type IncidentFilter };

/** An incident with its running deadline clock at the time it was read. The same shape over RPC and HTTP. */
export const incidentRowSchema = incidentSchema.extend({ clock: deadlineClockSchema });
export type IncidentRow = z.infer<typeof incidentRowSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().nullable(),
  at: z.number().int(),
  actorId: z.string(),
  actorName: z.string(),
  role: z.string(),
  command: z.string(),
  outcome: z.enum(['accepted', 'rejected']),
  reason: z.string().nullable(),
  /** status, version, grade and departments before and after (JSON), for accepted commands */
  beforeJson: z.string().nullable(),
  afterJson: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const qualityFailureSchema = z.object({ id: z.string(), message: z.string() });

export const incidentDetailSchema = incidentRowSchema.extend({
  timeline: z.array(incidentEventSchema),
  audit: z.array(auditEntrySchema),
  /** the ticket-quality rules the incident fails now (after a resolution is recorded) */
  qualityCheck: z.array(qualityFailureSchema),
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
}

export interface IDispatchService {
  report(report: IncidentReport): Promise<Incident>;
  /** Throws conflict / rejected (with the rule) / not-found with the reason. */
  command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident>;
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
    list: z.tuple([incidentFilterSchema]),
    board: z.tuple([incidentFilterSchema]),
    get: z.tuple([incidentId]),
    stats: none,
  },
  events: ['onDidChange'],
} as const satisfies ServiceContract;
