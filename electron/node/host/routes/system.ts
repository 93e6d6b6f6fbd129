// Health and the API's own description.
import { z } from 'zod';
import { countsSchema, seedProgressSchema } from '../../../common/dto';
import type { LianqinConsole } from '../../console/index';
import { route, type RouteDef } from '../router';

export const healthSchema = z.object({
  ok: z.boolean().describe('false while the first start is seeding'),
  version: z.string(),
  consoleId: z.string(),
  seed: seedProgressSchema,
  counts: countsSchema,
  broker: z.object({ url: z.string(), connected: z.boolean() }).describe('the MQTT broker (no credentials)'),
  replication: z
    .object({
      mode: z.enum(['authority', 'replica']),
      authorityId: z.string().nullable(),
      connected: z.boolean(),
      behind: z.number().int(),
      pending: z.number().int(),
      conflicts: z.number().int(),
    })
    .describe('several consoles: which one decides, how far behind this one is, what it has not sent yet'),
});

export function systemRoutes(c: LianqinConsole, openapi: () => unknown): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/healthz',
      tag: 'system',
      summary: 'Whether the console is ready, its version, seed progress and counts',
      responses: { 200: { description: 'health', schema: healthSchema } },
      async handle() {
        const info = await c.services.system.getInfo();
        return {
          status: 200,
          body: {
            ok: info.seed.phase === 'ready',
            version: info.version,
            consoleId: c.id,
            seed: info.seed,
            counts: info.counts,
            broker: { url: c.bus.status().url, connected: c.bus.status().connected },
            replication: replicationHealth(await c.services.replication.status()),
          },
        };
      },
    }),
    route({
      method: 'GET',
      path: '/api/openapi.json',
      tag: 'system',
      summary: 'This API as an OpenAPI 3.1 document',
      responses: { 200: { description: 'the OpenAPI document' } },
      async handle() {
        return { status: 200, body: openapi() };
      },
    }),
  ];
}

function replicationHealth(s: Awaited<ReturnType<LianqinConsole['services']['replication']['status']>>) {
  const { mode, authorityId, connected, behind, pending, conflicts } = s;
  return { mode, authorityId, connected, behind, pending, conflicts };
}
