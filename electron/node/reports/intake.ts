// Taking a report once: the same platform report id from the same source is the incident it made the
// first time, over HTTP and the bus alike (platforms resend when an answer is lost). Concurrent resends
// wait for the first one instead of racing it.
import type { IDispatchService } from '../../common/contract/dispatch';
import type { Incident, IncidentReport } from '../../common/dispatch/types';
import { PlatformReportRepo } from './repo';

export interface Intake {
  incident: Incident;
  duplicate: boolean;
}

export class ReportIntake {
  private readonly inFlight = new Map<string, Promise<Intake>>();

  constructor(
    private readonly deps: {
      repo: PlatformReportRepo;
      dispatch: Pick<IDispatchService, 'report'>;
      /** the incident as this console holds it */
      incident: (id: string) => Incident | null;
      now: () => number;
    },
  ) {}

  async take(report: IncidentReport): Promise<Intake> {
    const pid = report.platformReportId;
    if (pid === undefined) return { incident: await this.deps.dispatch.report(report), duplicate: false };
    const key = `${report.source}\u0000${pid}`;
    const running = this.inFlight.get(key);
    if (running) return { ...(await running), duplicate: true };
    const p = this.once(report, pid).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async once(report: IncidentReport, pid: string): Promise<Intake> {
    const known = this.deps.repo.find(report.source, pid);
    const before = known ? this.deps.incident(known) : null;
    if (before) return { incident: before, duplicate: true };
    const incident = await this.deps.dispatch.report(report);
    this.deps.repo.remember(report.source, pid, incident.id, this.deps.now());
    return { incident, duplicate: false };
  }
}
