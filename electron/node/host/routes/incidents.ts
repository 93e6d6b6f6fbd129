// How the grid platform and the citizen-request platform hand reports over, and read them back.
// A bad body is refused with 400 naming the field, and nothing is stored.
import { z } from 'zod';
import { incidentDetailSchema, incidentFilterSchema, incidentPageSchema } from '../../../common/contract/dispatch';
import { incidentSchema, reportSchema } from '../../../common/dispatch/types';
import { ServiceError } from '../../../common/errors';
import type { LianqinConsole } from '../../console/index';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'an incident id') });

export function incidentRoutes(c: LianqinConsole): RouteDef[] {
  return [
    route({
      method: 'POST',
      path: '/api/incidents',
      tag: 'incidents',
      summary:
        'Report an incident (grid platform, citizen requests, sensor alerts, officers); a report with a ' +
        'platformReportId the same source sent before answers 200 with the incident it made then',
      body: { schema: reportSchema },
      responses: {
        200: {
          description: 'a resent report (same source and platformReportId): the incident it made',
          schema: incidentSchema,
        },
        201: {
          description: 'the incident as stored: id, grade, deadlines, matched departments',
          schema: incidentSchema,
        },
        400: {
          description: 'a field is missing or invalid (named in `param`); nothing is stored',
          schema: errorSchema,
        },
        413: { description: 'the body is larger than 64 KiB', schema: errorSchema },
        503: { description: 'the console is still loading its reference data', schema: errorSchema },
      },
      async handle({ body }) {
        const r = await c.reports.intake.take(body);
        return { status: r.duplicate ? 200 : 201, body: r.incident };
      },
    }),
    route({
      method: 'GET',
      path: '/api/incidents',
      tag: 'incidents',
      summary:
        'Incidents with their clocks, newest first (sort=board: open incidents in the board order — new reports, ' +
        'then emergencies, then the tightest clock); unmatched=1 is the manual triage queue',
      query: incidentFilterSchema,
      responses: {
        200: { description: 'one page and the total', schema: incidentPageSchema },
        400: { description: 'a parameter is invalid (named in `param`)', schema: errorSchema },
      },
      async handle({ query }) {
        const d = c.services.dispatch;
        return { status: 200, body: query.sort === 'board' ? await d.board(query) : await d.list(query) };
      },
    }),
    route({
      method: 'GET',
      path: '/api/incidents/{id}',
      tag: 'incidents',
      summary: 'One incident with its clock, timeline, audit trail and ticket-quality failures',
      params: idParam,
      responses: {
        200: { description: 'the incident', schema: incidentDetailSchema },
        404: { description: 'no such incident', schema: errorSchema },
      },
      async handle({ params }) {
        const d = await c.services.dispatch.get(params.id);
        if (!d) throw new ServiceError('not-found', `no incident ${params.id}`, { field: 'id' });
        return { status: 200, body: d };
      },
    }),
    route({
      method: 'GET',
      path: '/api/incidents/{id}/evidence/{evidenceId}',
      tag: 'incidents',
      summary: 'An evidence file attached to an incident (photo, document, snapshot)',
      params: z.object({ id: idParam.shape.id, evidenceId: idParam.shape.id }),
      responses: {
        200: { description: 'the file as it was attached', contentType: 'application/octet-stream' },
        404: { description: 'no such incident or evidence', schema: errorSchema },
      },
      async handle({ params, res }) {
        const f = c.services.dispatch.evidenceFile(params.id, params.evidenceId);
        if (!f)
          throw new ServiceError('not-found', `no evidence ${params.evidenceId} on ${params.id}`, {
            field: 'evidenceId',
          });
        res.writeHead(200, {
          'content-type': f.evidence.mime ?? 'application/octet-stream',
          'content-length': String(f.data.byteLength),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.evidence.name)}`,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=3600',
        });
        res.end(f.data);
        return { handled: true };
      },
    }),
  ];
}
