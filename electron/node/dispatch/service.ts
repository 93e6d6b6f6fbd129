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
  EvidenceUpload,
} from '../../common/contract';
import { boardCompare, matchesFilter } from '../../common/dispatch/board';
import { deadlineClock } from '../../common/dispatch/grades';
import type { Actor, Command, Evidence, Incident, IncidentReport } from '../../common/dispatch/types';
import { urgencyClock } from '../../common/dispatch/urgency';
import { ServiceError } from '../../common/errors';
import type { IdSource } from '../../common/ids';
import { Emitter } from '../events';
import { CONSOLE_OFFICER, reportActor } from './actors';
import { EvidenceStore, MAX_EVIDENCE_BYTES } from './evidence';
import type { CommandOutcome, Ledger } from './ledger';
import { dispatchStats, listIncidents } from './queries';

export interface DispatchServiceDeps {
  db: Db;
  ledger: Ledger;
  now: () => number;
  ids: IdSource;
  evidence: EvidenceStore;
  /** the officer signed in on the calling window: no actor a client names overrides it */
  sessionActor?: () => Actor | undefined;
}

/**
 * Where commands go when this console is not the one that decides them (a replica of several
 * consoles): to the authority, and meanwhile shown as the officer left them (`pending`).
 */
export interface DispatchRoute {
  report(report: IncidentReport, id: string, actor: Actor): Promise<Incident>;
  act(id: string, expectedVersion: number, commands: Command[], actor: Actor): Promise<Incident>;
  /** incidents as this console's unaccepted commands leave them */
  pending(): ReadonlyMap<string, Incident>;
}

/** A refused command as the error boards and the API show (409 names who changed what and when). */
export function refusalError(r: Extract<CommandOutcome, { ok: false }>): ServiceError {
  if (r.code === 'not-found') return new ServiceError('not-found', r.reason);
  if (r.code === 'conflict') return new ServiceError('conflict', r.reason, { current: r.current });
  if (r.code === 'not-permitted') return new ServiceError('forbidden', r.reason, { rule: r.code });
  return new ServiceError('rejected', r.reason, { rule: r.code, failures: r.failures });
}

export class DispatchService implements IDispatchService {
  private readonly changes = new Emitter<IncidentChange>();
  readonly onDidChange = this.changes.event;
  private route: DispatchRoute | null = null;

  constructor(private readonly deps: DispatchServiceDeps) {}

  /** who a command is recorded as: the signed-in officer, else the actor named, else the duty officer */
  private who(actor?: Actor): Actor {
    return this.deps.sessionActor?.() ?? actor ?? CONSOLE_OFFICER;
  }

  /** an officer's own report is theirs; a platform's is the platform's */
  private reporter(report: IncidentReport): Actor {
    return report.source === 'officer' ? this.who() : reportActor(report);
  }

  /** Sends every command through `route` (a replica); null decides them here again. */
  setRoute(route: DispatchRoute | null): void {
    this.route = route;
  }

  private row(i: Incident, t: number, pending = this.route?.pending().has(i.id)): IncidentRow {
    const r: IncidentRow = { ...i, clock: deadlineClock(i, t), urgencyClock: urgencyClock(i, t) };
    if (pending) r.pending = true;
    return r;
  }

  /** Tells every board the incident as it now is (replication announces what it applied). */
  announce(incident: Incident): void {
    const pending = this.route?.pending().get(incident.id) === incident;
    this.changes.fire({ id: incident.id, version: incident.version, incident, ...(pending ? { pending } : {}) });
  }

  private changed(incident: Incident): void {
    this.announce(incident);
  }

  /** the incident as the board should show it: this console's pending commands on top */
  private current(id: string): Incident | null {
    return this.route?.pending().get(id) ?? this.deps.ledger.get(id);
  }

  private withPending(items: Incident[], filter: IncidentFilter): Incident[] {
    const pending = this.route?.pending();
    if (!pending?.size) return items;
    const seen = new Set<string>();
    const out = items.map((i) => {
      seen.add(i.id);
      return pending.get(i.id) ?? i;
    });
    for (const [id, i] of pending) if (!seen.has(id) && matchesFilter(i, filter)) out.push(i);
    return out.filter((i) => matchesFilter(i, filter));
  }

  private outcome(r: CommandOutcome | { ok: true; incident: Incident }): Incident {
    if (!r.ok) throw refusalError(r);
    this.changed(r.incident);
    return r.incident;
  }

  async report(report: IncidentReport): Promise<Incident> {
    if (this.route) return this.route.report(report, this.deps.ids.next(this.deps.now()), this.reporter(report));
    return this.reportWithId(report);
  }

  /** A report recorded here under the id the console that took it proposed (the authority's side). */
  async reportWithId(report: IncidentReport, id?: string, actor?: Actor): Promise<Incident> {
    const i = this.deps.ledger.report(report, actor ?? this.reporter(report), this.deps.now(), id);
    this.changed(i);
    return i;
  }

  async command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident> {
    return this.act(id, expectedVersion, [command], actor);
  }

  async act(id: string, expectedVersion: number, commands: Command[], actor?: Actor): Promise<Incident> {
    if (this.route) return this.route.act(id, expectedVersion, commands, this.who(actor));
    return this.decide(id, expectedVersion, commands, actor);
  }

  /** Decided by this console's ledger whatever the route (the authority answering a replica). */
  async decide(id: string, expectedVersion: number, commands: Command[], actor?: Actor): Promise<Incident> {
    return this.outcome(this.deps.ledger.act(id, expectedVersion, this.who(actor), commands, this.deps.now()));
  }

  async attachFile(id: string, expectedVersion: number, file: EvidenceUpload, actor?: Actor): Promise<Incident> {
    if (file.data.byteLength > MAX_EVIDENCE_BYTES) {
      throw new ServiceError('bad-request', `the file is larger than ${MAX_EVIDENCE_BYTES >> 20} MiB`, {
        field: 'data',
      });
    }
    if (!this.current(id)) throw new ServiceError('not-found', `no incident ${id}`);
    const evidence = this.deps.evidence.save(
      id,
      { id: this.deps.ids.next(this.deps.now()), kind: file.kind, name: file.name, mime: file.mime, note: file.note },
      file.data,
    );
    return this.command(id, expectedVersion, { type: 'attach', evidence }, actor);
  }

  /**
   * Evidence another part of the console has stored already (a video snapshot): attached at the
   * incident's current version, since attaching never conflicts with what others did meanwhile.
   */
  async attachEvidence(id: string, evidence: Evidence, actor?: Actor): Promise<Incident> {
    const i = this.current(id);
    if (!i) throw new ServiceError('not-found', `no incident ${id}`);
    return this.command(id, i.version, { type: 'attach', evidence }, actor);
  }

  /** The bytes of an evidence file, or null. */
  evidenceFile(id: string, evidenceId: string): { evidence: Evidence; data: Buffer } | null {
    const evidence = this.current(id)?.evidence.find((e) => e.id === evidenceId);
    const data = evidence && this.deps.evidence.read(id, evidenceId);
    return evidence && data ? { evidence, data } : null;
  }

  async list(filter: IncidentFilter): Promise<IncidentPage> {
    const t = this.deps.now();
    const { total, items } = listIncidents(this.deps.db, filter);
    if (!this.route?.pending().size) return { total, items: items.map((i) => this.row(i, t)) };
    const merged = this.withPending(items, filter);
    return { total: total + merged.length - items.length, items: merged.map((i) => this.row(i, t)) };
  }

  async board(filter: IncidentFilter): Promise<IncidentPage> {
    const t = this.deps.now();
    const all = { ...filter, status: 'open' as const, limit: 100_000, offset: 0 };
    const items = this.withPending(listIncidents(this.deps.db, all).items, all);
    items.sort((a, b) => boardCompare(a, b, t));
    const offset = filter.offset ?? 0;
    const page = items.slice(offset, offset + (filter.limit ?? 200));
    return { total: items.length, items: page.map((i) => this.row(i, t)) };
  }

  async get(id: string): Promise<IncidentDetail | null> {
    const l = this.deps.ledger;
    const i = this.current(id);
    if (!i) return null;
    return {
      ...this.row(i, this.deps.now()),
      timeline: l.timeline(id),
      audit: l.audit(id),
      qualityCheck: l.checklist(i),
    };
  }

  async stats(): Promise<DispatchStats> {
    return dispatchStats(this.deps.db);
  }
}
