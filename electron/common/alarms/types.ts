// Alarms after ISA-18.2 habits: a priority from the condition and the point's level, states an officer
// moves them through (acknowledge, shelve for a time with a reason, out of service), "cleared" when the
// condition is gone, and the seat whose officer answers for it (a second seat when nobody does in time).
import { z } from 'zod';
import { actorSchema } from '../dispatch/types';
import { SEVERITIES } from '../rules/engine';

export const ALARM_PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];
export const ALARM_STATES = ['active', 'acknowledged', 'shelved', 'out-of-service', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const ALARM_SOURCES = ['sensor', 'grading', 'indicator', 'collapse'] as const;
export type AlarmSource = (typeof ALARM_SOURCES)[number];

/** The desks of the joint-duty room that answer alarms, and the shift leader's seat they escalate to. */
export const ALARM_SEATS = ['seat-geo', 'seat-fire', 'seat-water', 'seat-city', 'seat-lead'] as const;
export type AlarmSeat = (typeof ALARM_SEATS)[number];
export const ESCALATION_SEAT: AlarmSeat = 'seat-lead';

const FAMILY_SEAT: Record<string, AlarmSeat> = {
  geohazard: 'seat-geo',
  construction: 'seat-geo',
  'old-housing': 'seat-geo',
  'highrise-fire': 'seat-fire',
  gas: 'seat-fire',
  hazchem: 'seat-fire',
  flooding: 'seat-water',
  lifeline: 'seat-water',
  crowds: 'seat-city',
  traffic: 'seat-city',
  'public-safety-services': 'seat-city',
  ecology: 'seat-city',
};

export function seatForFamily(familyId: string | null | undefined): AlarmSeat {
  return (familyId && FAMILY_SEAT[familyId]) || 'seat-city';
}

const ms = z.number().int();

export const alarmSchema = z.object({
  id: z.string(),
  source: z.enum(ALARM_SOURCES),
  /** the sensor, point, KPI or assessment unit it is about */
  sourceId: z.string(),
  riskPointId: z.number().int().nullable(),
  categoryId: z.number().int().nullable(),
  planId: z.string().nullable(),
  seat: z.enum(ALARM_SEATS),
  priority: z.enum(ALARM_PRIORITIES),
  state: z.enum(ALARM_STATES),
  /** whether the condition is present now (a shelved alarm may have cleared meanwhile) */
  condition: z.boolean(),
  severity: z.enum(SEVERITIES).nullable(),
  title: z.string(),
  titleEn: z.string(),
  /** what raised it, for the card: the reading, its unit and the level it passed */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  threshold: z.number().nullable(),
  lon: z.number(),
  lat: z.number(),
  raisedAt: ms,
  /** the condition returned (re-raised) while this alarm was still open */
  raiseCount: z.number().int(),
  ackedAt: ms.nullable(),
  ackedBy: actorSchema.nullable(),
  shelvedUntil: ms.nullable(),
  shelveReason: z.string().nullable(),
  outOfServiceReason: z.string().nullable(),
  clearedAt: ms.nullable(),
  /** when it went to the second seat for want of an acknowledgement */
  escalatedAt: ms.nullable(),
  incidentId: z.string().nullable(),
  version: z.number().int().min(1),
  updatedAt: ms,
});
export type Alarm = z.infer<typeof alarmSchema>;

export const ALARM_EVENT_TYPES = [
  'raise',
  're-raise',
  'condition-cleared',
  'ack',
  'shelve',
  'unshelve',
  'out-of-service',
  'return-to-service',
  'escalate',
  'incident',
] as const;
export type AlarmEventType = (typeof ALARM_EVENT_TYPES)[number];

export const alarmEventSchema = z.object({
  alarmId: z.string(),
  at: ms,
  type: z.enum(ALARM_EVENT_TYPES),
  actor: actorSchema.nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AlarmEvent = z.infer<typeof alarmEventSchema>;

export const MAX_SHELVE_MS = 24 * 3_600_000;
export const MIN_SHELVE_MS = 60_000;

export const shelveSchema = z
  .object({
    durationMs: z
      .number()
      .int()
      .min(MIN_SHELVE_MS, 'an alarm is shelved for at least a minute')
      .max(MAX_SHELVE_MS, 'an alarm is shelved for at most 24 hours'),
    reason: z.string().trim().min(2, 'say why the alarm is shelved').max(300),
  })
  .strict();
export type ShelveRequest = z.infer<typeof shelveSchema>;
