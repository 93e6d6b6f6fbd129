// Alarms for wall controllers, scripts and other systems: the list by state, one alarm with its point,
// readings, cameras and plan, and the officer's actions (acknowledge, shelve with a time and a reason,
// make an incident), each answered with the alarm as it now is.
import { z } from 'zod';
import { ALARM_SEATS, ALARM_STATES, alarmSchema, shelveSchema } from '../../../common/alarms/types';
import { incidentSchema } from '../../../common/dispatch/types';
import { ServiceError } from '../../../common/errors';
import type { AlarmsService } from '../../alarms/service';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });
const idParam = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an alarm id (ULID)') });
const refusals = {
  400: { description: 'a field is invalid (named in `param`)', schema: errorSchema },
  404: { description: 'no such alarm', schema: errorSchema },
  409: { description: 'done already (acknowledged, an incident already)', schema: errorSchema },
  422: { description: 'not possible in the alarm’s state (the message names it)', schema: errorSchema },
};

export function alarmRoutes(a: AlarmsService): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/alarms',
      tag: 'alarms',
      summary:
        'Alarms, newest first: the open ones (active, acknowledged, shelved, out of service), or those of one state',
      query: z.object({
        state: z.enum(ALARM_STATES).optional(),
        seat: z.enum(ALARM_SEATS).optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
      }),
      responses: {
        200: { description: 'alarms', schema: z.array(alarmSchema) },
        400: { description: 'a parameter is invalid (named in `param`)', schema: errorSchema },
      },
      async handle({ query }) {
        return { status: 200, body: await a.list(query) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/alarms/report',
      tag: 'alarms',
      summary:
        'Counts by state, floods (more than 10 new alarms in 10 minutes for one seat), chattering and standing alarms',
      responses: { 200: { description: 'the alarm report' } },
      async handle() {
        return { status: 200, body: await a.report() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/alarms/{id}',
      tag: 'alarms',
      summary: 'One alarm with its history, point, plan, nearest cameras and the last 24 h of its sensor',
      params: idParam,
      responses: { 200: { description: 'the alarm and what goes with it' }, 404: refusals[404] },
      async handle({ params }) {
        const x = await a.get(params.id);
        if (!x) throw new ServiceError('not-found', `no alarm ${params.id}`);
        return { status: 200, body: x };
      },
    }),
    route({
      method: 'POST',
      path: '/api/alarms/{id}/ack',
      tag: 'alarms',
      summary: 'Acknowledges an alarm (stops its tone and its escalation)',
      params: idParam,
      body: { schema: z.object({ note: z.string().max(300).optional() }).strict() },
      responses: { 200: { description: 'the alarm', schema: alarmSchema }, ...refusals },
      async handle({ params, body }) {
        return { status: 200, body: await a.ack(params.id, body.note) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/alarms/{id}/shelve',
      tag: 'alarms',
      summary: 'Shelves an active or acknowledged alarm for a time (1 min to 24 h) with a reason; it returns by itself',
      params: idParam,
      body: { schema: shelveSchema },
      responses: { 200: { description: 'the alarm', schema: alarmSchema }, ...refusals },
      async handle({ params, body }) {
        return { status: 200, body: await a.shelve(params.id, body) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/alarms/{id}/incident',
      tag: 'alarms',
      summary: "Reports the alarm to dispatch (source alert, the point's category) and links the incident",
      params: idParam,
      responses: {
        201: {
          description: 'the alarm and the incident',
          schema: z.object({ alarm: alarmSchema, incident: incidentSchema }),
        },
        ...refusals,
      },
      async handle({ params }) {
        return { status: 201, body: await a.toIncident(params.id) };
      },
    }),
  ];
}
