// Reports the platforms hand over on the bus (`lianqin/v1/reports/{source}`): the same report as
// `POST /api/incidents` (reportSchema), with the platform's own id required — it is how a resent report
// is recognised and how the platform matches the reply on `…/{source}/reply`. Pure: parsing and replies.
import { z } from 'zod';
import { reportSchema, type IncidentReport } from '../dispatch/types';
import { LIANQIN_ROOT } from './topics';

/** The platforms that report over the bus: the 141 grid platform and the citizen-request platform. */
export const BUS_REPORT_SOURCES = ['grid', 'citizen'] as const;
export type BusReportSource = (typeof BUS_REPORT_SOURCES)[number];

/** The filter the console listens on (one level: the replies under `…/{source}/reply` do not match). */
export const REPORTS_FILTER = `${LIANQIN_ROOT}/reports/+`;

export const reportReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    platformReportId: z.string(),
    incidentId: z.string(),
    /** the incident's number as officers read it */
    ref: z.string(),
    /** the platform sent this report before: the incident it made then */
    duplicate: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    /** null when the payload was not JSON enough to carry one */
    platformReportId: z.string().nullable(),
    error: z.string(),
    /** the field that was wrong, or null when it was not a field (unknown source, console not ready) */
    field: z.string().nullable(),
  }),
]);
export type ReportReply = z.infer<typeof reportReplySchema>;

export type ParsedBusReport =
  | { ok: true; report: IncidentReport & { platformReportId: string } }
  | { ok: false; platformReportId: string | null; error: string; field: string | null };

/** The source named by a report topic, or null when the topic is not one. */
export function reportTopicSource(topic: string): string | null {
  const m = /^lianqin\/v1\/reports\/([^/]+)$/.exec(topic);
  return m ? m[1] : null;
}

export function parseBusReport(source: string, payload: Uint8Array | string): ParsedBusReport {
  let json: unknown;
  try {
    json = JSON.parse(
      typeof payload === 'string' ? payload : new TextDecoder('utf-8', { fatal: true }).decode(payload),
    );
  } catch {
    return { ok: false, platformReportId: null, error: 'the payload is not UTF-8 JSON', field: null };
  }
  const obj =
    json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  const pid = typeof obj?.platformReportId === 'string' ? obj.platformReportId.slice(0, 100) : null;
  const fail = (error: string, field: string | null): ParsedBusReport => ({
    ok: false,
    platformReportId: pid,
    error,
    field,
  });
  if (!(BUS_REPORT_SOURCES as readonly string[]).includes(source))
    return fail(`reports arrive on the bus from ${BUS_REPORT_SOURCES.join(' or ')}, not ${source}`, null);
  if (!obj) return fail('the payload must be a JSON object (a report)', null);
  if (obj.source !== undefined && obj.source !== source)
    return fail(`source ${JSON.stringify(obj.source)} does not match the topic's ${source}`, 'source');
  if (obj.platformReportId === undefined)
    return fail('platformReportId is required on the bus: it identifies a resent report', 'platformReportId');
  const r = reportSchema.safeParse({ ...obj, source });
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.length ? issue.path.map(String).join('.') : null;
    return fail(`invalid ${field ? `field '${field}'` : 'report'}: ${issue.message}`, field);
  }
  return { ok: true, report: r.data as IncidentReport & { platformReportId: string } };
}
