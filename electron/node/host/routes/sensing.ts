// Sensors and readings for IoT platforms, scripts and other systems: readings in (up to 10,000 a request,
// each accepted or refused on its own), sensors with thresholds, state and latest reading, their series,
// a risk point with its dynamic level and history, the collapse pilot and the simulator's scenarios.
import { z } from 'zod';
import { sensorFilterSchema } from '../../../common/contract/sensing';
import { incidentSchema } from '../../../common/dispatch/types';
import { SCENARIO_IDS, scenarioStatusSchema } from '../../../common/sensors/scenario';
import {
  ingestResultSchema,
  levelChangeSchema,
  riskPointWatchSchema,
  SERIES_RESOLUTIONS,
  sensorPageSchema,
  sensorSchema,
  seriesSchema,
} from '../../../common/sensors/types';
import { ServiceError } from '../../../common/errors';
import { MAX_HTTP_READINGS } from '../../sensors/ingest';
import type { SensingService } from '../../sensors/service';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });
const readings = z.array(z.unknown());
/** an array of readings or {readings: [...]}, at most 10,000: counted here so the refusal says so */
const readingsBody = z.union([readings, z.object({ readings }).strict()]).superRefine((v, ctx) => {
  const n = Array.isArray(v) ? v.length : v.readings.length;
  if (n > MAX_HTTP_READINGS)
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_HTTP_READINGS} readings in one request, got ${n}` });
});
const sensorIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a sensor id') });
const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  lon: z.number(),
  lat: z.number(),
  grade: z.enum(['low', 'medium', 'high', 'very-high']),
  score: z.number(),
  contributions: z.array(z.object({ factorId: z.string(), points: z.number() })),
  match: z
    .object({ planId: z.string(), leadDepartmentId: z.string(), assistDepartmentIds: z.array(z.string()) })
    .nullable(),
  incidentId: z.string().nullable(),
});

export function sensingRoutes(s: SensingService, now: () => number): RouteDef[] {
  return [
    route({
      method: 'POST',
      path: '/api/sensor-readings',
      tag: 'sensors',
      summary:
        'Readings in: a JSON array (or {readings: [...]}) of up to 10,000 {sensorId, ts (ms), value}. Each is judged ' +
        'alone: an unknown sensor, a value that is not a finite number or outside what the device reports, a ' +
        'timestamp more than 5 minutes ahead are refused with their index and reason; the rest are stored',
      body: {
        schema: readingsBody,
        maxBytes: 4 << 20,
      },
      responses: {
        200: { description: 'how many were stored, and each refusal', schema: ingestResultSchema },
        400: { description: 'the body is not an array of at most 10,000 items', schema: errorSchema },
        413: { description: 'the body is larger than 4 MiB', schema: errorSchema },
      },
      async handle({ body }) {
        return { status: 200, body: await s.ingest(Array.isArray(body) ? body : body.readings) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/sensors',
      tag: 'sensors',
      summary:
        'Sensors with kind, risk point, unit, thresholds, state and latest reading (kind=water-level, rain-gauge, crack, gas…)',
      query: sensorFilterSchema,
      responses: {
        200: { description: 'one page and the total', schema: sensorPageSchema },
        400: { description: 'a parameter is invalid (named in `param`)', schema: errorSchema },
      },
      async handle({ query }) {
        return { status: 200, body: await s.listSensors(query) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/sensors/scenario',
      tag: 'sensors',
      summary: "The simulator's scenario: which one runs, how far, at what speed, and those there are",
      responses: { 200: { description: 'the scenario state', schema: scenarioStatusSchema } },
      async handle() {
        return { status: 200, body: await s.scenario() };
      },
    }),
    route({
      method: 'POST',
      path: '/api/sensors/scenario',
      tag: 'sensors',
      summary:
        'Plays a scripted scenario (flood-night: a storm drill; flood-2020: the August 2020 hydrograph) at a speed; ' +
        'readings are stamped with the console time, so pending periods stay real',
      body: { schema: z.object({ id: z.enum(SCENARIO_IDS), speed: z.number().min(0.1).max(720).optional() }).strict() },
      responses: {
        200: { description: 'the scenario state', schema: scenarioStatusSchema },
        400: { description: 'unknown scenario or speed out of range', schema: errorSchema },
      },
      async handle({ body }) {
        return { status: 200, body: await s.startScenario(body.id, body.speed) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/sensors/scenario/stop',
      tag: 'sensors',
      summary: 'Stops the scenario; the sensors it drove go back to calm readings',
      responses: { 200: { description: 'the scenario state', schema: scenarioStatusSchema } },
      async handle() {
        return { status: 200, body: await s.stopScenario() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/sensors/{id}',
      tag: 'sensors',
      summary: 'One sensor',
      params: sensorIdParam,
      responses: {
        200: { description: 'the sensor', schema: sensorSchema },
        404: { description: 'no such sensor', schema: errorSchema },
      },
      async handle({ params }) {
        const x = await s.getSensor(params.id);
        if (!x) throw new ServiceError('not-found', `no sensor ${params.id}`);
        return { status: 200, body: x };
      },
    }),
    route({
      method: 'GET',
      path: '/api/sensors/{id}/series',
      tag: 'sensors',
      summary: 'A sensor’s down-sampled readings (5m: kept 48 h; 1h: kept 14 days), with its thresholds',
      params: sensorIdParam,
      query: z.object({
        resolution: z.enum(SERIES_RESOLUTIONS).optional(),
        from: z.number().int().min(0).optional(),
        to: z.number().int().min(0).optional(),
      }),
      responses: {
        200: { description: 'buckets with count, min, max, mean and last', schema: seriesSchema },
        400: { description: 'a parameter is invalid', schema: errorSchema },
        404: { description: 'no such sensor', schema: errorSchema },
      },
      async handle({ params, query }) {
        const to = query.to ?? now();
        const resolution = query.resolution ?? '5m';
        const from = query.from ?? to - (resolution === '5m' ? 24 : 7 * 24) * 3_600_000;
        const x = await s.series(params.id, resolution, from, to);
        if (!x) throw new ServiceError('not-found', `no sensor ${params.id}`);
        return { status: 200, body: x };
      },
    }),
    route({
      method: 'GET',
      path: '/api/risk-points/{id}',
      tag: 'risk map',
      summary: 'One risk point with its base and dynamic level, grading model, level history, sensors and plan',
      params: z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/, 'a risk point id (a positive integer)') }),
      responses: {
        200: { description: 'the point as the night watch sees it', schema: riskPointWatchSchema },
        400: { description: 'the id is not a positive integer', schema: errorSchema },
        404: { description: 'no such point', schema: errorSchema },
      },
      async handle({ params }) {
        const p = await s.getPoint(Number(params.id));
        if (!p) throw new ServiceError('not-found', `no risk point ${params.id}`);
        return { status: 200, body: p };
      },
    }),
    route({
      method: 'GET',
      path: '/api/risk-levels/changes',
      tag: 'risk map',
      summary: 'Level changes since a time, oldest first, each with its model, score and reason',
      query: z.object({ since: z.number().int().min(0), limit: z.number().int().min(1).max(5_000).optional() }),
      responses: {
        200: { description: 'level changes', schema: z.array(levelChangeSchema) },
        400: { description: 'since is missing', schema: errorSchema },
      },
      async handle({ query }) {
        return { status: 200, body: await s.levelChanges(query.since, query.limit) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/collapse',
      tag: 'risk map',
      summary:
        'The road-collapse pilot (Sanxia Square – Shabin Road): each 250 m cell with its score, grade, the factors ' +
        'that weigh most, and for medium and above the plan and departments it is matched to',
      responses: { 200: { description: 'assessment cells', schema: z.array(unitSchema) } },
      async handle() {
        return { status: 200, body: await s.collapse() };
      },
    }),
    route({
      method: 'POST',
      path: '/api/collapse/{id}/incident',
      tag: 'risk map',
      summary: 'Makes a medium-or-worse collapse warning an incident (source alert, the road-collapse category)',
      params: z.object({ id: z.string().regex(/^RC-[A-J]\d{1,2}$/, 'a pilot cell id like RC-B3') }),
      responses: {
        201: { description: 'the incident', schema: z.object({ unit: unitSchema, incident: incidentSchema }) },
        404: { description: 'no such cell', schema: errorSchema },
        409: { description: 'the warning is an incident already', schema: errorSchema },
        422: { description: 'the cell is at low: nothing to report', schema: errorSchema },
      },
      async handle({ params }) {
        return { status: 201, body: await s.collapseToIncident(params.id) };
      },
    }),
  ];
}
