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
import { boardCompare } from '../../common/dispatch/board';
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

export class DispatchService implements IDispatchService {
  private readonly changes = new Emitter<IncidentChange>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly deps: DispatchServiceDeps) {}

  /** who a command is recorded as: the signed-in officer, else the actor named, else the duty officer */
  private who(actor?: Actor): Actor {
    return this.deps.sessionActor?.() ?? actor ?? CONSOLE_OFFICER;
  }

  /** an officer's own report is theirs; a platform's is the platform's */
  private reporter(report: IncidentReport): Actor {
    return report.source === 'officer' ? this.who() : reportActor(report);
  }

  private row(i: Incident, t: number): IncidentRow {
    return { ...i, clock: deadlineClock(i, t), urgencyClock: urgencyClock(i, t) };
  }

  private changed(incident: Incident): void {
    this.changes.fire({ id: incident.id, version: incident.version, incident });
  }

  private outcome(r: CommandOutcome): Incident {
    if (r.ok) {
      this.changed(r.incident);
      return r.incident;
    }
    if (r.code === 'not-found') throw new ServiceError('not-found', r.reason);
    if (r.code === 'conflict') throw new ServiceError('conflict', r.reason, { current: r.current });
    if (r.code === 'not-permitted') throw new ServiceError('forbidden', r.reason, { rule: r.code });
    throw new ServiceError('rejected', r.reason, { rule: r.code, failures: r.failures });
  }

  async report(report: IncidentReport): Promise<Incident> {
    const i = this.deps.ledger.report(report, this.reporter(report), this.deps.now());
    this.changed(i);
    return i;
  }

  async command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident> {
    return this.outcome(this.deps.ledger.command(id, expectedVersion, this.who(actor), command, this.deps.now()));
  }

  async act(id: string, expectedVersion: number, commands: Command[], actor?: Actor): Promise<Incident> {
    return this.outcome(this.deps.ledger.act(id, expectedVersion, this.who(actor), commands, this.deps.now()));
  }

  async attachFile(id: string, expectedVersion: number, file: EvidenceUpload, actor?: Actor): Promise<Incident> {
    if (file.data.byteLength > MAX_EVIDENCE_BYTES) {
      throw new ServiceError('bad-request', `the file is larger than ${MAX_EVIDENCE_BYTES >> 20} MiB`, {
        field: 'data',
      });
    }
    if (!this.deps.ledger.get(id)) throw new ServiceError('not-found', `no incident ${id}`);
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
    const i = this.deps.ledger.get(id);
    if (!i) throw new ServiceError('not-found', `no incident ${id}`);
    return this.command(id, i.version, { type: 'attach', evidence }, actor);
  }

  /** The bytes of an evidence file, or null. */
  evidenceFile(id: string, evidenceId: string): { evidence: Evidence; data: Buffer } | null {
    const evidence = this.deps.ledger.get(id)?.evidence.find((e) => e.id === evidenceId);
    const data = evidence && this.deps.evidence.read(id, evidenceId);
    return evidence && data ? { evidence, data } : null;
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
      qualityCheck: l.checklist(i),
    };
  }

  async stats(): Promise<DispatchStats> {
    return dispatchStats(this.deps.db);
  }
}
