// The shift handover report as a snapshot: what the outgoing officer hands over at a shift change (open
// incidents, total then by grade and deadline, overdue ones; alarms active, standing, shelved; level changes;
// notable events; KPI and flood state; figures for the map and charts), and who accepted it.
import { z } from 'zod';
import { ALARM_PRIORITIES, ALARM_SEATS, ALARM_STATES } from '../alarms/types';
import { actorSchema, GRADES, URGENCIES } from '../dispatch/types';
import { STAGE_STATES } from '../flood/types';
import { RISK_LEVELS } from '../levels';
import { RULE_STATES, SEVERITIES } from '../rules/engine';
import { figureSchema } from './figures';

const ms = z.number().int();
const count = z.number().int();

export const alarmBriefSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  priority: z.enum(ALARM_PRIORITIES),
  state: z.enum(ALARM_STATES),
  seat: z.enum(ALARM_SEATS),
  raisedAt: ms,
  shelvedUntil: ms.nullable(),
  shelveReason: z.string().nullable(),
  incidentId: z.string().nullable(),
});
export type AlarmBrief = z.infer<typeof alarmBriefSchema>;

export const NOTABLE_KINDS = [
  'red-point',
  'urgent-alarm',
  'alarm-incident',
  'flood-stage',
  'emergency-incident',
] as const;

export const handoverReportSchema = z.object({
  at: ms,
  shiftStart: ms,
  generatedAt: ms,
  incidents: z.object({
    open: count,
    byGrade: z.record(z.enum(GRADES), count),
    byUrgency: z.record(z.enum(URGENCIES), count),
    /** open incidents by their dispatch/handling clock */
    byDeadline: z.object({ overdue: count, dueSoon: count, onTime: count, none: count }),
    overdue: z.array(
      z.object({
        id: z.string(),
        ref: z.string(),
        title: z.string(),
        grade: z.enum(GRADES),
        dueAt: ms,
        overdueMin: z.number().int(),
        leadDepartmentId: z.string().nullable(),
      }),
    ),
    reportedInShift: count,
    closedInShift: count,
  }),
  alarms: z.object({
    counts: z.record(z.enum(ALARM_STATES), count),
    raisedInShift: count,
    active: z.array(alarmBriefSchema),
    standing: z.array(alarmBriefSchema),
    shelved: z.array(alarmBriefSchema),
    chattering: z.array(z.object({ source: z.string(), sourceId: z.string(), count, first: ms, last: ms })),
    floods: z.array(z.object({ seat: z.enum(ALARM_SEATS), count, since: ms })),
  }),
  levelChanges: z.object({
    total: count,
    raised: count,
    lowered: count,
    items: z.array(
      z.object({
        pointId: z.number().int(),
        name: z.string(),
        from: z.enum(RISK_LEVELS),
        to: z.enum(RISK_LEVELS),
        at: ms,
        reason: z.string(),
      }),
    ),
  }),
  notable: z.array(z.object({ at: ms, kind: z.enum(NOTABLE_KINDS), text: z.string(), textEn: z.string() })),
  kpis: z.object({
    total: count,
    byState: z.record(z.enum(RULE_STATES), count),
    alerting: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z.string(),
        value: z.number().nullable(),
        unit: z.string(),
        severity: z.enum(SEVERITIES).nullable(),
      }),
    ),
  }),
  flood: z.object({
    stations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z.string(),
        stageM: z.number().nullable(),
        warningM: z.number(),
        guaranteeM: z.number(),
        state: z.enum(STAGE_STATES),
        forecastPeak: z.object({ t: ms, stageM: z.number() }).nullable(),
        forecastKind: z.string().nullable(),
      }),
    ),
    floodStageM: z.number().nullable(),
    floodedPoints: count,
    floodedTowns: z.array(z.object({ name: z.string(), nameEn: z.string(), points: count })),
  }),
  figures: z.object({ map: figureSchema, stage: figureSchema, alarmsByHour: figureSchema }),
});
export type HandoverReport = z.infer<typeof handoverReportSchema>;

export const handoverRecordSchema = z.object({
  id: z.string(),
  at: ms,
  shiftStart: ms,
  createdAt: ms,
  acceptedAt: ms.nullable(),
  acceptedBy: actorSchema.nullable(),
  note: z.string().nullable(),
});
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;
