// The dispatch service over the ledger: what boards, the host API and (later) other consoles call.
// Every accepted change is announced with the incident as it now is.
import type { Db } from '../../../native/sqlite/open';
import type {
  DispatchStats,
  IDispatchService,
  IncidentChange,
  IncidentDetail,
  IncidentFilter,
  IncidentPage,
  IncidentRow,
} from '../../common/contract';
import { boardCompare } from '../../common/dispatch/board';
import { deadlineClock } from '../../common/dispatch/grades';
import type { Actor, Command, Incident, IncidentReport } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import { Emitter } from '../events';
import { CONSOLE_OFFICER, reportActor } from './actors';
import type { Ledger } from './ledger';
import { dispatchStats, listIncidents } from './queries';

export interface DispatchServiceDeps {
  db: Db;
  ledger: Ledger;
  now: () => number;
}

export class DispatchService implements IDispatchService {
  private readonly changes = new Emitter<IncidentChange>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly deps: DispatchServiceDeps) {}

  private row(i: Incident, t: number): IncidentRow {
    return { ...i, clock: deadlineClock(i, t) };
  }

  private changed(incident: Incident): void {
    this.changes.fire({ id: incident.id, version: incident.version, incident });
  }

  async report(report: IncidentReport): Promise<Incident> {
    const i = this.deps.ledger.report(report, reportActor(report), this.deps.now());
    this.changed(i);
    return i;
  }

  async command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident> {
    const r = this.deps.ledger.command(id, expectedVersion, actor ?? CONSOLE_OFFICER, command, this.deps.now());
    if (r.ok) {
      this.changed(r.incident);
      return r.incident;
    }
    if (r.code === 'not-found') throw new ServiceError('not-found', r.reason);
    if (r.code === 'conflict') throw new ServiceError('conflict', r.reason, { current: r.current });
    throw new ServiceError('rejected', r.reason, { rule: r.code, failures: r.failures });
  }

  async list(filter: IncidentFilter): Promise<IncidentPage> {
    const t = this.deps.now();
    const { total, items } = listIncidents(this.deps.db, filter);
    return { total, items: items.map((i) => this.row(i, t)) };
  }

  async board(filter: IncidentFilter): Promise<IncidentPage> {
    const t = this.deps.now();
    const { items } = listIncidents(this.deps.db, { ...filter, status: 'open', limit: 100_000, offset: 0 });
    items.sort((a, b) => boardCompare(a, b, t));
    const offset = filter.offset ?? 0;
    const page = items.slice(offset, offset + (filter.limit ?? 200));
    return { total: items.length, items: page.map((i) => this.row(i, t)) };
  }

  async get(id: string): Promise<IncidentDetail | null> {
    const l = this.deps.ledger;
    const i = l.get(id);
    if (!i) return null;
    return {
      ...this.row(i, this.deps.now()),
      timeline: l.timeline(id),
      audit: l.audit(id),
      qualityCheck: i.resolution ? l.quality(i) : [],
    };
  }

  async stats(): Promise<DispatchStats> {
    return dispatchStats(this.deps.db);
  }
}
