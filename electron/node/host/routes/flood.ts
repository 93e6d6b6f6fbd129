// The flood watch and the city's vital signs for wall screens and other systems: stations with their
// levels and forecast, the whole flood overview, forecast files in, and the KPI library with its states.
import { z } from 'zod';
import { floodOverviewSchema, forecastSchema, stationStatusSchema } from '../../../common/flood/types';
import { INDICATOR_DOMAINS, indicatorSchema } from '../../../common/indicators/indicators';
import { RULE_STATES } from '../../../common/rules/engine';
import type { FloodService } from '../../flood/service';
import type { SensingService } from '../../sensors/service';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });

export function floodRoutes(f: FloodService, s: SensingService): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/flood/stations',
      tag: 'flood',
      summary:
        'Gauging stations, Ciqikou first: stage against warning and guarantee levels (and their datum), 72 h of ' +
        'hourly stages, and the 3-day forecast (imported, or the simple model — `kind` and `label` say which)',
      responses: { 200: { description: 'stations', schema: z.array(stationStatusSchema) } },
      async handle() {
        return { status: 200, body: await f.stations() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/flood/overview',
      tag: 'flood',
      summary: 'Stations, hourly rainfall, points and streets that flood at the forecast peak, the towns’ video links',
      responses: { 200: { description: 'the flood screen', schema: floodOverviewSchema } },
      async handle() {
        return { status: 200, body: await f.overview() };
      },
    }),
    route({
      method: 'POST',
      path: '/api/flood/forecasts',
      tag: 'flood',
      summary:
        'Imports a forecast file: CSV with a header time,stage_m (#station= and #source= lines) or JSON ' +
        '{station, issuedAt, source, points: [{t, stageM}]}; used while it covers the coming 72 hours',
      query: z.object({ station: z.string().max(40).optional() }),
      body: { raw: 'text/plain', maxBytes: 1 << 20 },
      responses: {
        201: { description: 'the forecast as it will be shown', schema: forecastSchema },
        400: { description: 'the file is malformed (the line or field is named)', schema: errorSchema },
        422: { description: 'the forecast covers none of the next 72 hours', schema: errorSchema },
      },
      async handle({ body, query }) {
        return { status: 201, body: await f.importForecast(body.toString('utf8'), query.station) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/indicators',
      tag: 'vital signs',
      summary: 'The city vital-sign KPI library: value, threshold state and trend of each, by domain (state=alerting…)',
      query: z.object({ state: z.enum(RULE_STATES).optional(), domain: z.enum(INDICATOR_DOMAINS).optional() }),
      responses: {
        200: { description: 'KPIs', schema: z.array(indicatorSchema) },
        400: { description: 'a parameter is invalid (named in `param`)', schema: errorSchema },
      },
      async handle({ query }) {
        return { status: 200, body: await s.indicators(query) };
      },
    }),
  ];
}
