// "4+N" dispatch: the incident and the commands that move it. Each shape is defined once, as a zod
// schema; the TypeScript types are derived from it. JSON-safe; times are epoch milliseconds.
import { z } from 'zod';

export const SOURCES = ['grid', 'citizen', 'alert', 'officer'] as const;
export type IncidentSource = (typeof SOURCES)[number];

export const GRADES = ['small', 'major', 'difficult', 'thorny'] as const;
export type Grade = (typeof GRADES)[number];

export const TIERS = ['district', 'town', 'community'] as const;
export type Tier = (typeof TIERS)[number];

export const STATUSES = [
  'reported',
  'triaged',
  'dispatched',
  'accepted',
  'on-scene',
  'resolved',
  'verified',
  'closed',
  'returned',
  'consultation',
  'escalated',
  'cancelled',
] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export const CLOSED_STATUSES: readonly IncidentStatus[] = ['closed', 'cancelled'];
export const isOpen = (s: IncidentStatus) => !CLOSED_STATUSES.includes(s);

export const COLOURS = ['green', 'blue', 'yellow', 'orange', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

export const ACTOR_ROLES = ['officer', 'department', 'leader', 'system', 'supervisor'] as const;
export const actorSchema = z
  .object({ id: z.string().min(1).max(64), name: z.string().min(1).max(64), role: z.enum(ACTOR_ROLES) })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const reportSchema = z
  .object({
    source: z.enum(SOURCES),
    title: z.string().trim().min(1, 'title is required').max(120, 'title is longer than 120 characters'),
    description: z.string().max(4000, 'description is longer than 4000 characters').default(''),
    lon,
    lat,
    town: z.string().trim().min(1).max(40).optional(),
    reporter: z.string().trim().max(100).optional(),
    occurredAt: z.number().int().min(0).optional(),
    categoryId: z.number().int().min(1).optional(),
  })
  .strict();
export type IncidentReport = z.infer<typeof reportSchema>;

const dep = z.string().min(1).max(40);
const text = (max: number) => z.string().max(max);
export const commandSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('triage'), grade: z.enum(GRADES), tier: z.enum(TIERS), reason: text(500).optional() })
    .strict(),
  z.object({ type: z.literal('dispatch'), leadDepartmentId: dep, assistDepartmentIds: z.array(dep).max(13) }).strict(),
  z.object({ type: z.literal('accept'), departmentId: dep }).strict(),
  z.object({ type: z.literal('return'), departmentId: dep, reason: text(500) }).strict(),
  z.object({ type: z.literal('consult'), note: text(1000) }).strict(),
  z.object({ type: z.literal('escalate'), note: text(1000) }).strict(),
  z
    .object({
      type: z.literal('rule'),
      leadDepartmentId: dep,
      assistDepartmentIds: z.array(dep).max(13),
      ruling: text(1000),
    })
    .strict(),
  z.object({ type: z.literal('arrive') }).strict(),
  z
    .object({ type: z.literal('resolve'), summary: text(2000), evidenceCount: z.number().int().min(0).max(1000) })
    .strict(),
  z.object({ type: z.literal('verify'), passed: z.boolean(), note: text(1000).optional() }).strict(),
  z.object({ type: z.literal('evaluate'), satisfaction: z.number().min(0).max(100).optional() }).strict(),
  z.object({ type: z.literal('cancel'), reason: z.enum(['duplicate', 'invalid']), note: text(500) }).strict(),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

const ms = z.number().int();
const nullableMs = ms.nullable();

export const incidentSchema = z.object({
  /** globally unique and time-sortable (ULID) */
  id: z.string(),
  /** the short number officers read out, e.g. 1130-7K2QD */
  ref: z.string(),
  version: z.number().int().min(1),
  status: z.enum(STATUSES),
  report: reportSchema,
  townCode: z.string().nullable(),
  reportedAt: ms,
  grade: z.enum(GRADES),
  suggestedGrade: z.enum(GRADES),
  gradeReason: z.string().nullable(),
  tier: z.enum(TIERS),
  leadDepartmentId: z.string().nullable(),
  assistDepartmentIds: z.array(z.string()),
  matchRuleId: z.string().nullable(),
  /** departments that returned it, with reasons, in order */
  returns: z.array(z.object({ departmentId: z.string(), reason: z.string(), at: ms })),
  dispatchedAt: nullableMs,
  acceptedAt: nullableMs,
  onSceneAt: nullableMs,
  resolvedAt: nullableMs,
  verifiedAt: nullableMs,
  closedAt: nullableMs,
  resolution: z.object({ summary: z.string(), evidenceCount: z.number().int() }).nullable(),
  qualityFailures: z.number().int(),
  escalations: z.number().int(),
  colour: z.enum(COLOURS).nullable(),
  cancelReason: z.string().nullable(),
  lastActor: actorSchema.nullable(),
  updatedAt: ms,
});
export type Incident = z.infer<typeof incidentSchema>;

export const reportedEventSchema = z.object({
  type: z.literal('reported'),
  report: reportSchema,
  townCode: z.string().nullable(),
  suggestedGrade: z.enum(GRADES),
  gradeReason: z.string(),
  tier: z.enum(TIERS),
  match: z.object({ lead: z.string(), assist: z.array(z.string()), ruleId: z.string() }).nullable(),
  /** the short number officers read out (absent in events written before ids were global) */
  ref: z.string().optional(),
});
export type ReportedEvent = z.infer<typeof reportedEventSchema>;

/** What is stored: the command that was accepted, who did it, when, and the version it produced. */
export const incidentEventSchema = z.object({
  /** globally unique, time-sortable (ULID) */
  eventId: z.string(),
  incidentId: z.string(),
  seq: z.number().int().min(1),
  at: ms,
  actor: actorSchema,
  /** the console that accepted it and its sequence there: a replica applies each (consoleId, consoleSeq) once */
  consoleId: z.string(),
  consoleSeq: z.number().int().min(1),
  event: z.union([reportedEventSchema, commandSchema.and(z.object({ colour: z.enum(COLOURS).optional() }))]),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;
