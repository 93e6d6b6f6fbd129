// The platforms' reports over MQTT as a console part: listens on `lianqin/v1/reports/+` (QoS 1), takes
// each report once (ReportIntake) and answers on `…/{source}/reply` with the incident, or with the refusal
// naming the field. A malformed payload is counted (bus ingest stats) and answered, never thrown.
import { REPORTS_FILTER, parseBusReport, reportTopicSource, type ReportReply } from '../../common/bus/reports';
import { lianqinTopics } from '../../common/bus/topics';
import { ServiceError } from '../../common/errors';
import type { BusClient } from '../bus/client';
import type { IngestCounters } from '../bus/ingest';
import type { ReportIntake } from './intake';

export const REPORTS_INGEST = 'reports';

export interface ReportsBusDeps {
  client: () => BusClient;
  ingest: IngestCounters;
  intake: ReportIntake;
  log: (line: string) => void;
}

export class ReportsOverBus {
  readonly name = 'reports';
  private off: (() => void) | null = null;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: ReportsBusDeps) {}

  start(): void {
    this.deps.ingest.declare(REPORTS_INGEST);
    this.off = this.deps.client().subscribe(
      REPORTS_FILTER,
      (topic, payload) => {
        const p = this.handle(topic, payload).finally(() => this.pending.delete(p));
        this.pending.add(p);
      },
      { qos: 1 },
    );
  }

  async stop(): Promise<void> {
    this.off?.();
    this.off = null;
    await Promise.allSettled([...this.pending]);
  }

  /** Handles one message; resolves once the reply is sent (or could not be). */
  async handle(topic: string, payload: Buffer): Promise<void> {
    const source = reportTopicSource(topic);
    if (!source) return;
    const parsed = parseBusReport(source, payload);
    let reply: ReportReply;
    if (!parsed.ok) {
      this.deps.ingest.reject(
        REPORTS_INGEST,
        parsed.field ? `invalid-${parsed.field}` : 'invalid',
        parsed.error,
        topic,
      );
      reply = { ok: false, platformReportId: parsed.platformReportId, error: parsed.error, field: parsed.field };
    } else {
      const pid = parsed.report.platformReportId;
      try {
        const r = await this.deps.intake.take(parsed.report);
        this.deps.ingest.accept(REPORTS_INGEST);
        reply = {
          ok: true,
          platformReportId: pid,
          incidentId: r.incident.id,
          ref: r.incident.ref,
          duplicate: r.duplicate,
        };
      } catch (e) {
        const se = e instanceof ServiceError ? e : null;
        const field = (se?.details as { field?: unknown } | undefined)?.field;
        this.deps.ingest.reject(REPORTS_INGEST, se?.code ?? 'internal', (e as Error).message, topic);
        if (!se) this.deps.log(`[reports] ${topic} ${pid} failed: ${(e as Error).stack ?? e}`);
        reply = {
          ok: false,
          platformReportId: pid,
          error: se ? se.message : 'the console could not record the report; send it again',
          field: typeof field === 'string' ? field : null,
        };
      }
    }
    await this.deps
      .client()
      .publish(lianqinTopics.reportReply(source), reply, { qos: 1 })
      .catch((e: Error) => this.deps.log(`[reports] reply to ${source} not sent: ${e.message}`));
  }
}
