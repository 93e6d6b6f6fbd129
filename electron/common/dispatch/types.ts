// "4+N" dispatch: the incident and the commands that move it. JSON-safe; times are epoch milliseconds.

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

export type Colour = 'green' | 'blue' | 'yellow' | 'orange' | 'red';

export interface Actor {
  id: string;
  name: string;
  role: 'officer' | 'department' | 'leader' | 'system' | 'supervisor';
}

export interface IncidentReport {
  source: IncidentSource;
  title: string;
  description: string;
  lon: number;
  lat: number;
  town?: string;
  reporter?: string;
  occurredAt?: number;
  categoryId?: number;
}

export interface Incident {
  id: string;
  version: number;
  status: IncidentStatus;
  report: IncidentReport;
  townCode: string | null;
  reportedAt: number;
  grade: Grade;
  suggestedGrade: Grade;
  gradeReason: string | null;
  tier: Tier;
  leadDepartmentId: string | null;
  assistDepartmentIds: string[];
  matchRuleId: string | null;
  /** departments that returned it, with reasons, in order */
  returns: { departmentId: string; reason: string; at: number }[];
  dispatchedAt: number | null;
  acceptedAt: number | null;
  onSceneAt: number | null;
  resolvedAt: number | null;
  verifiedAt: number | null;
  closedAt: number | null;
  resolution: { summary: string; evidenceCount: number } | null;
  qualityFailures: number;
  escalations: number;
  colour: Colour | null;
  cancelReason: string | null;
  lastActor: Actor | null;
  updatedAt: number;
}

export type Command =
  | { type: 'triage'; grade: Grade; tier: Tier; reason?: string }
  | { type: 'dispatch'; leadDepartmentId: string; assistDepartmentIds: string[] }
  | { type: 'accept'; departmentId: string }
  | { type: 'return'; departmentId: string; reason: string }
  | { type: 'consult'; note: string }
  | { type: 'escalate'; note: string }
  | { type: 'rule'; leadDepartmentId: string; assistDepartmentIds: string[]; ruling: string }
  | { type: 'arrive' }
  | { type: 'resolve'; summary: string; evidenceCount: number }
  | { type: 'verify'; passed: boolean; note?: string }
  | { type: 'evaluate'; satisfaction?: number }
  | { type: 'cancel'; reason: 'duplicate' | 'invalid'; note: string };
export type CommandType = Command['type'];

/** What is stored: the command that was accepted, who did it, when, and the version it produced. */
export interface IncidentEvent {
  incidentId: string;
  seq: number;
  at: number;
  actor: Actor;
  event: ReportedEvent | (Command & { colour?: Colour });
}

export interface ReportedEvent {
  type: 'reported';
  report: IncidentReport;
  townCode: string | null;
  suggestedGrade: Grade;
  gradeReason: string;
  tier: Tier;
  match: { lead: string; assist: string[]; ruleId: string } | null;
}
