// The dispatch service over the ledger: what boards, the host API and other consoles call.
import type { Db } from '../../../native/sqlite/open';
import type {
  DispatchStatsDto,
  IDispatchService,
  IncidentChange,
  IncidentDetail,
  IncidentFilterDto,
  IncidentRow,
  FocusRequest,
} from '../../common/contract';
import { deadlineClock, urgency } from '../../common/dispatch/grades';
import type { Actor, Command, Incident, IncidentReport } from '../../common/dispatch/types';
import { Emitter } from '../events';
import { ServiceError } from '../rpc/dispatcher';
import { ReferenceRepo } from '../store/referenceRepo';
import { RESPONSIBILITY_LIST } from '../../../seeds/reference/responsibility';
import { Ledger, LedgerInputError } from './ledger';
import { dispatchStats, listIncidents } from './queries';

export const CONSOLE_OFFICER: Actor = { id: 'console-officer', name: '联勤值班员', role: 'officer' };

/** Who a report comes from, for the audit trail: the platform that handed it over, or the duty officer. */
export function reportActor(r: IncidentReport): Actor {
  switch (r.source) {
    case 'grid':
      return { id: 'platform-141', name: `141基层智治平台${r.reporter ? `（${r.reporter}）` : ''}`, role: 'system' };
    case 'citizen':
      return { id: 'platform-citizen', name: `民呼我为平台${r.reporter ? `（${r.reporter}）` : ''}`, role: 'system' };
    case 'alert':
      return { id: 'iot-alert', name: '物联感知告警', role: 'system' };
    case 'officer':
      return CONSOLE_OFFICER;
  }
}

export interface DispatchServiceImpl extends IDispatchService {
  /** the ledger, once reference data is there (host-side: history loading, rebuilds) */
  ledger(): Ledger;
}

export function createDispatchService(db: Db, now: () => number = Date.now): DispatchServiceImpl {
  const changes = new Emitter<IncidentChange>();
  const focus = new Emitter<FocusRequest>();
  let ledger: Ledger | null = null;

  const getLedger = (): Ledger => {
    if (ledger) return ledger;
    const ref = new ReferenceRepo(db);
    const towns = ref.towns();
    if (!towns.length)
      throw new ServiceError('unavailable', 'the console is still loading its reference data; try again in a moment');
    const families = new Map(ref.categories().map((c) => [c.id, c.familyId]));
    ledger = new Ledger(db, {
      towns,
      departments: ref.departments().map((d) => d.id),
      rules: RESPONSIBILITY_LIST,
      familyOfCategory: (id) => families.get(id) ?? null,
    });
    return ledger;
  };
  const row = (incident: Incident, t: number): IncidentRow => ({ incident, clock: deadlineClock(incident, t) });
  const changed = (i: Incident) => changes.fire({ id: i.id, version: i.version, status: i.status });

  return {
    ledger: getLedger,

    async report(report: IncidentReport) {
      try {
        const i = getLedger().report(report, reportActor(report), now());
        changed(i);
        return i;
      } catch (e) {
        if (e instanceof LedgerInputError) throw new ServiceError('bad-request', e.message, { field: e.field });
        throw e;
      }
    },

    async command(id: string, expectedVersion: number, command: Command, actor?: Actor) {
      const r = getLedger().command(id, expectedVersion, actor ?? CONSOLE_OFFICER, command, now());
      if (r.ok) {
        changed(r.incident);
        return r.incident;
      }
      if (r.code === 'not-found') throw new ServiceError('not-found', r.reason);
      if (r.code === 'conflict') throw new ServiceError('conflict', r.reason, { current: r.current });
      throw new ServiceError('rejected', r.reason, { rule: r.code, failures: r.failures });
    },

    async list(filter: IncidentFilterDto) {
      const t = now();
      const { total, items } = listIncidents(db, filter);
      return { total, items: items.map((i) => row(i, t)) };
    },

    async board(filter: IncidentFilterDto) {
      const t = now();
      const { items } = listIncidents(db, { ...filter, status: 'open', limit: 100_000, offset: 0 });
      const rows = items
        .map((i) => row(i, t))
        .sort((a, b) => urgency(a.clock) - urgency(b.clock) || a.incident.reportedAt - b.incident.reportedAt);
      const offset = filter.offset ?? 0;
      return { total: rows.length, items: rows.slice(offset, offset + (filter.limit ?? 200)) };
    },

    async get(id: string): Promise<IncidentDetail | null> {
      const l = getLedger();
      const i = l.get(id);
      if (!i) return null;
      return {
        ...row(i, now()),
        timeline: l.timeline(id),
        audit: l.audit(id) as IncidentDetail['audit'],
        qualityFailures: i.resolution ? l.quality(i) : [],
      };
    },

    async stats(): Promise<DispatchStatsDto> {
      return dispatchStats(db);
    },

    async focus(id: string) {
      const i = getLedger().get(id);
      if (!i) return null;
      const req = { id, lon: i.report.lon, lat: i.report.lat };
      focus.fire(req);
      return req;
    },

    onDidChange: changes.event,
    onDidFocus: focus.event,
  };
}
