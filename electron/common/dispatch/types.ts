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

/** How fast someone must move (the grade says how much work it is): life safety is an emergency. */
export const URGENCIES = ['emergency', 'priority', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** What intake noticed about a report and kept it, flagged, instead of refusing it. */
export const FLAGS = ['outside-district', 'town-mismatch'] as const;
export type IncidentFlag = (typeof FLAGS)[number];

export const COLOURS = ['green', 'blue', 'yellow', 'orange', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

/** field: an on-site commander; wall: a read-only wall seat; admin: manages accounts, not incidents */
export const ACTOR_ROLES = [
  'officer',
  'department',
  'leader',
  'system',
  'supervisor',
  'field',
  'wall',
  'admin',
] as const;
export const actorSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(64),
    role: z.enum(ACTOR_ROLES),
    /** the department a liaison speaks for (role 'department') */
    departmentId: z.string().min(1).max(40).optional(),
    /** several consoles: the console the officer acted at, when another one (the authority) recorded it */
    consoleId: z.string().min(1).max(40).optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const reportSchema = z
  .object({
    source: z.enum(SOURCES),
    title: z.string().trim().min(1, 'title is required').max(120, 'title is longer than 120 characters'),
    description: z
      .string()
      .trim()
      .min(1, 'description is required: what happened, where exactly, who is affected')
      .max(4000, 'description is longer than 4000 characters'),
    lon,
    lat,
    town: z.string().trim().min(1).max(40).optional(),
    reporter: z.string().trim().max(100).optional(),
    occurredAt: z.number().int().min(0).optional(),
    categoryId: z.number().int().min(1).optional(),
    /** the platform's own id for the report: the same id from the same source is one incident */
    platformReportId: z
      .string()
      .regex(/^[\x21-\x7e]{1,100}$/, 'platformReportId must be 1–100 printable ASCII characters without spaces')
      .optional(),
  })
  .strict();
export type IncidentReport = z.infer<typeof reportSchema>;

const dep = z.string().min(1).max(40);
const text = (max: number) => z.string().max(max);

export const EVIDENCE_KINDS = ['note', 'file', 'snapshot'] as const;
export const evidenceSchema = z
  .object({
    id: z.string().min(1).max(40),
    kind: z.enum(EVIDENCE_KINDS),
    name: z.string().trim().min(1).max(200),
    /** a note's text, or a caption */
    note: text(2000).optional(),
    mime: z.string().max(100).optional(),
    bytes: z.number().int().min(0).optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

/** Fields of a report an officer may correct later (a versioned command, like any other). */
export const amendableSchema = z
  .object({
    title: reportSchema.shape.title.optional(),
    description: reportSchema.shape.description.optional(),
    reporter: reportSchema.shape.reporter,
    town: reportSchema.shape.town,
    lon: lon.optional(),
    lat: lat.optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'nothing to change');

export const commandSchema = z.discriminatedUnion('type', [
  /** an officer has taken the new report (the emergency clock's first minute) */
  z.object({ type: z.literal('acknowledge') }).strict(),
  z
    .object({
      type: z.literal('triage'),
      grade: z.enum(GRADES),
      tier: z.enum(TIERS),
      urgency: z.enum(URGENCIES).optional(),
      /** needed when the grade or the urgency differs from the suggestion */
      reason: text(500).optional(),
    })
    .strict(),
  z.object({ type: z.literal('amend'), changes: amendableSchema, reason: text(500).optional() }).strict(),
  z.object({ type: z.literal('attach'), evidence: evidenceSchema }).strict(),
  z.object({ type: z.literal('note'), text: z.string().trim().min(1).max(2000) }).strict(),
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
    .object({
      type: z.literal('resolve'),
      summary: text(2000),
      /** evidence attached to the incident before (attach) that shows it was handled */
      evidenceIds: z.array(z.string().min(1).max(40)).max(50).optional(),
      /** stored by consoles before evidence was attached for real; refused from new commands */
      evidenceCount: z.number().int().min(0).max(1000).optional(),
    })
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
  urgency: z.enum(URGENCIES),
  suggestedUrgency: z.enum(URGENCIES),
  urgencyReason: z.string().nullable(),
  /** when an officer took it (acknowledge, or triage without one) */
  acknowledgedAt: nullableMs,
  flags: z.array(z.enum(FLAGS)),
  /** the neighbouring district a point outside ours lies in, where known */
  neighbour: z.string().nullable(),
  tier: z.enum(TIERS),
  leadDepartmentId: z.string().nullable(),
  assistDepartmentIds: z.array(z.string()),
  matchRuleId: z.string().nullable(),
  /** why the responsibility list chose the lead: the matter and the words found */
  matchExplanation: z.object({ matter: z.string(), words: z.array(z.string()) }).nullable(),
  /** departments that returned it, with reasons, in order */
  returns: z.array(z.object({ departmentId: z.string(), reason: z.string(), at: ms })),
  dispatchedAt: nullableMs,
  acceptedAt: nullableMs,
  onSceneAt: nullableMs,
  resolvedAt: nullableMs,
  verifiedAt: nullableMs,
  closedAt: nullableMs,
  resolution: z
    .object({ summary: z.string(), evidenceCount: z.number().int(), evidenceIds: z.array(z.string()).optional() })
    .nullable(),
  evidence: z.array(evidenceSchema),
  qualityFailures: z.number().int(),
  escalations: z.number().int(),
  colour: z.enum(COLOURS).nullable(),
  /** the reporter's satisfaction (0–100) asked at evaluation */
  satisfaction: z.number().nullable(),
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
  match: z
    .object({
      lead: z.string(),
      assist: z.array(z.string()),
      ruleId: z.string(),
      /** the matter of the responsibility list that decided, and the words found for it */
      matter: z.string().optional(),
      words: z.array(z.string()).optional(),
    })
    .nullable(),
  /** the short number officers read out (absent in events written before ids were global) */
  ref: z.string().optional(),
  /** absent in events written before urgency: routine */
  urgency: z.object({ urgency: z.enum(URGENCIES), reason: z.string() }).optional(),
  flags: z.array(z.enum(FLAGS)).optional(),
  neighbour: z.string().nullable().optional(),
});
export type ReportedEvent = z.infer<typeof reportedEventSchema>;

/** What a stored command carries besides itself: what the rules derived when it was accepted. */
export const storedExtraSchema = z.object({
  /** evaluate: the five-colour result */
  colour: z.enum(COLOURS).optional(),
  /** amend: where the corrected report now lies */
  intake: z
    .object({ townCode: z.string().nullable(), flags: z.array(z.enum(FLAGS)), neighbour: z.string().nullable() })
    .optional(),
});
export type StoredExtra = z.infer<typeof storedExtraSchema>;

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
  event: z.union([reportedEventSchema, commandSchema.and(storedExtraSchema)]),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;
