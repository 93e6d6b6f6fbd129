// The shift handover report over HTTP, for printing and archiving without Electron: JSON, a self-contained
// HTML page, or a PDF with the Chinese text searchable (a CJK font embedded: see handover/pdf.ts).
import { z } from 'zod';
import { renderHandoverHtml } from '../../../common/handover/document';
import { chinaTime } from '../../../common/handover/labels';
import { handoverRecordSchema } from '../../../common/handover/types';
import { findCjkFont, renderHandoverPdf } from '../../handover/pdf';
import type { HandoverService } from '../../handover/service';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });

export function handoverRoutes(h: HandoverService, o: { dataDir: string; pdfFont?: string }): RouteDef[] {
  return [
    route({
      method: 'GET',
      path: '/api/reports/handover',
      tag: 'handover',
      summary:
        'The shift handover report for the shift ending at `at` (ms; default now): as kept at that shift change, ' +
        'else built now. format=pdf (CJK font embedded, text extractable), html (self-contained) or json',
      query: z.object({
        at: z.number().int().min(0).optional(),
        format: z.enum(['pdf', 'html', 'json']).optional(),
        lang: z.enum(['zh-CN', 'en']).optional(),
      }),
      responses: {
        200: { description: 'the report', contentType: 'application/pdf' },
        400: { description: 'a parameter is invalid (named in `param`)', schema: errorSchema },
        503: {
          description: 'no CJK font on this workstation for the PDF (the message says where it looked)',
          schema: errorSchema,
        },
      },
      async handle({ query, res }) {
        const { report, record } = await h.report(query.at);
        const lang = query.lang ?? 'zh-CN';
        const format = query.format ?? 'pdf';
        if (format === 'json') return { status: 200, body: { report, record } };
        const name = `handover-${chinaTime(report.at).replace(/[ :]/g, '-')}`;
        if (format === 'html') {
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
            'content-disposition': `inline; filename="${name}.html"`,
          });
          res.end(renderHandoverHtml(report, record, lang));
          return { handled: true };
        }
        const font = findCjkFont({ explicit: o.pdfFont, dataDir: o.dataDir, env: process.env });
        const pdf = await renderHandoverPdf(report, record, lang, font);
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-length': String(pdf.length),
          'cache-control': 'no-store',
          'content-disposition': `inline; filename="${name}.pdf"`,
        });
        res.end(pdf);
        return { handled: true };
      },
    }),
    route({
      method: 'GET',
      path: '/api/reports/handovers',
      tag: 'handover',
      summary: 'The reports kept at shift changes, newest first, with who accepted each and when',
      query: z.object({ limit: z.number().int().min(1).max(500).optional() }),
      responses: { 200: { description: 'handover records', schema: z.array(handoverRecordSchema) } },
      async handle({ query }) {
        return { status: 200, body: await h.list(query.limit) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/reports/handovers/{id}/accept',
      tag: 'handover',
      summary: 'The incoming officer accepts the handover (once; recorded with who and when)',
      params: z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a handover id (ULID)') }),
      body: { schema: z.object({ note: z.string().max(500).optional() }).strict() },
      responses: {
        200: { description: 'the record', schema: handoverRecordSchema },
        404: { description: 'no such handover', schema: errorSchema },
        409: { description: 'accepted already (the message says by whom)', schema: errorSchema },
      },
      async handle({ params, body }) {
        return { status: 200, body: await h.accept(params.id, body.note) };
      },
    }),
  ];
}
