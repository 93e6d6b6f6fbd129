// Drone nests over HTTP: docks with readiness, aircraft, tracks, commands and their outcome, stored
// patrols' wayline files, and what the edge adapters accepted and rejected.
import { z } from 'zod';
import { ingestStatsSchema } from '../../../common/bus/payloads';
import { commandRequestSchema, commandSchema } from '../../../common/drones/commands';
import { aircraftStateSchema, dockSchema, nearestDockSchema, trackPointSchema } from '../../../common/drones/types';
import { patrolSchema } from '../../../common/drones/wayline';
import { ServiceError } from '../../../common/errors';
import type { BusService } from '../../bus/service';
import type { DronesService } from '../../drones/service';
import { route, type RouteDef } from '../router';

const sn = z.object({ sn: z.string().min(1).max(64) });

export function droneRoutes(s: { drones: DronesService; bus: BusService }): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/drones/docks',
      tag: 'drones',
      summary: 'Every known dock with its merged state and readiness (reasons in Chinese and English)',
      responses: { 200: { description: 'docks', schema: z.array(dockSchema) } },
      async handle() {
        return { status: 200, body: await s.drones.listDocks() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/aircraft',
      tag: 'drones',
      summary: 'Every known aircraft (DJI and MAVLink) with its latest state',
      responses: { 200: { description: 'aircraft', schema: z.array(aircraftStateSchema) } },
      async handle() {
        return { status: 200, body: await s.drones.listAircraft() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/aircraft/{sn}/track',
      tag: 'drones',
      summary: 'The stored track of an aircraft (1 Hz, kept 30 days) since a time',
      params: sn,
      query: z.object({ since: z.number().int().min(0).describe('ms since the epoch').optional() }),
      responses: {
        200: { description: 'fixes, oldest first', schema: z.array(trackPointSchema) },
        404: { description: 'no such aircraft' },
      },
      async handle({ params, query }) {
        return { status: 200, body: await s.drones.track(params.sn, query.since ?? 0) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/nearest',
      tag: 'drones',
      summary: 'The nearest dock covering a point: distance, ETA at cruise speed, ready or why not',
      query: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
      responses: {
        200: { description: 'the nearest dock, or null without docks', schema: nearestDockSchema.nullable() },
      },
      async handle({ query }) {
        return { status: 200, body: await s.drones.nearestDock(query.lon, query.lat) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/drones/docks/{sn}/commands',
      tag: 'drones',
      summary:
        'Send a command to a dock (fly_to_point {lon, lat, heightM above the dock, default 120}, return_home, ' +
        'flighttask_prepare {patrolId}, flighttask_execute {flightId}, live_start_push, debug commands…); ' +
        'follow it at /api/drones/commands/{id}',
      params: sn,
      body: { schema: commandRequestSchema },
      responses: {
        202: {
          description: 'sent (or failed at once, e.g. broker down: see its state)',
          schema: z.object({ id: z.string() }),
        },
        400: { description: 'bad method or parameters (named in `param`)' },
        403: { description: 'a debug command for a role that may not use it' },
        404: { description: 'no such dock' },
      },
      async handle({ params, body }) {
        return { status: 202, body: await s.drones.command(params.sn, body) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/commands/{id}',
      tag: 'drones',
      summary: 'A command: sent, accepted, failed or timed-out, with the DJI result code and a readable message',
      params: z.object({ id: z.string().min(1).max(64) }),
      responses: {
        200: { description: 'the command', schema: commandSchema },
        404: { description: 'no such command' },
      },
      async handle({ params }) {
        const c = await s.drones.getCommand(params.id);
        if (!c) throw new ServiceError('not-found', `no command ${params.id}`, { field: 'id' });
        return { status: 200, body: c };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/patrols',
      tag: 'drones',
      summary: 'Stored patrols (waypoint loops per nest) that flighttask_prepare can send',
      responses: { 200: { description: 'patrols', schema: z.array(patrolSchema) } },
      async handle() {
        return { status: 200, body: await s.drones.listPatrols() };
      },
    }),
    route({
      method: 'GET',
      path: '/api/drones/waylines/{file}',
      tag: 'drones',
      summary: 'The wayline file (KMZ) of a stored patrol, as docks download it; its MD5 is the fingerprint sent',
      params: z.object({ file: z.string().regex(/^[\w-]{1,64}\.kmz$/, 'must be <patrol id>.kmz') }),
      responses: {
        200: { description: 'the KMZ', contentType: 'application/vnd.google-earth.kmz' },
        404: { description: 'no such patrol' },
      },
      async handle({ params, res }) {
        const f = s.drones.waylineFile(params.file.replace(/\.kmz$/, ''));
        if (!f) throw new ServiceError('not-found', `no patrol ${params.file}`, { field: 'file' });
        res.writeHead(200, {
          'content-type': 'application/vnd.google-earth.kmz',
          'content-length': String(f.kmz.byteLength),
          etag: `"${f.fingerprint}"`,
        });
        res.end(Buffer.from(f.kmz));
        return { handled: true };
      },
    }),
    route({
      method: 'GET',
      path: '/api/ingest/stats',
      tag: 'bus',
      summary: 'Per ingest source (dji, mavlink…): messages accepted, rejected, and rejections by reason',
      responses: { 200: { description: 'counters', schema: ingestStatsSchema } },
      async handle() {
        return { status: 200, body: await s.bus.ingestStats() };
      },
    }),
  ];
}
