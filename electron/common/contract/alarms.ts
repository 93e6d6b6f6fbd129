// Alarms: the list an officer works through (by state and seat), one alarm with its point, readings chart,
// nearest cameras and plan, the officer's actions (acknowledge, shelve with a reason, out of service), one
// key to make it an incident, and the figures the shift report carries (floods, chattering, standing).
import { z } from 'zod';
import type { AlarmFlood, ChatteringSource } from '../alarms/annunciation';
import {
  ALARM_SEATS,
  ALARM_STATES,
  shelveSchema,
  type Alarm,
  type AlarmEvent,
  type AlarmSeat,
  type AlarmState,
  type ShelveRequest,
} from '../alarms/types';
import { actorSchema, type Actor, type Incident } from '../dispatch/types';
import type { NearbyCameraDto, ResponsePlanDto, RiskPointDetail } from '../dto';
import type { SeriesDto } from '../sensors/types';
import type { EventSource, ServiceContract } from './base';

export interface AlarmFilter {
  state?: AlarmState;
  seat?: AlarmSeat;
  limit?: number;
}

export interface AlarmDetail {
  alarm: Alarm;
  events: AlarmEvent[];
  point: RiskPointDetail | null;
  plan: ResponsePlanDto | null;
  cameras: NearbyCameraDto[];
  /** the last 24 hours of the sensor that raised it (sensor alarms) */
  series: SeriesDto | null;
}

export interface AlarmReport {
  at: number;
  counts: Record<AlarmState, number>;
  floods: AlarmFlood[];
  chattering: ChatteringSource[];
  standing: Alarm[];
}

export interface IAlarmsService {
  list(filter: AlarmFilter): Promise<Alarm[]>;
  get(id: string): Promise<AlarmDetail | null>;
  ack(id: string, note?: string, actor?: Actor): Promise<Alarm>;
  shelve(id: string, request: ShelveRequest, actor?: Actor): Promise<Alarm>;
  unshelve(id: string, actor?: Actor): Promise<Alarm>;
  setOutOfService(id: string, reason: string, actor?: Actor): Promise<Alarm>;
  returnToService(id: string, actor?: Actor): Promise<Alarm>;
  /** reports the alarm to dispatch (source 'alert', the point's category) and links the incident */
  toIncident(id: string, actor?: Actor): Promise<{ alarm: Alarm; incident: Incident }>;
  report(): Promise<AlarmReport>;
  onDidChange: EventSource<Alarm>;
}

const id = z.string().min(1).max(40);
export const alarmFilterSchema = z
  .object({
    state: z.enum(ALARM_STATES).optional(),
    seat: z.enum(ALARM_SEATS).optional(),
    limit: z.number().int().min(1).max(5_000).optional(),
  })
  .strict();
const reason = z.string().trim().min(2, 'say why').max(300);

export const alarmsContract = {
  methods: {
    list: z.tuple([alarmFilterSchema]),
    get: z.tuple([id]),
    ack: z.tuple([id, z.string().max(300).optional(), actorSchema.optional()]),
    shelve: z.tuple([id, shelveSchema, actorSchema.optional()]),
    unshelve: z.tuple([id, actorSchema.optional()]),
    setOutOfService: z.tuple([id, reason, actorSchema.optional()]),
    returnToService: z.tuple([id, actorSchema.optional()]),
    toIncident: z.tuple([id, actorSchema.optional()]),
    report: z.tuple([]),
  },
  events: ['onDidChange'],
} as const satisfies ServiceContract;
