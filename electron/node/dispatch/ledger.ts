// The dispatch ledger: an append-only event log per incident with projections rebuilt from it and an
// audit trail of every command. Each accepted command is one transaction (event, projection, audit)
// that commits (WAL, synchronous=FULL) before it is acknowledged; a rejected one changes nothing but
// its audit line. The incident a command just produced is kept, so the next command does not re-read it.
import type { Db } from '../../../native/sqlite/open';
import { decide, apply, created, replay, type DecidedEvent } from '../../common/dispatch/machine';
import { defaultTier, matchDepartments, type ResponsibilityRule } from '../../common/dispatch/matching';
import { suggestGrade } from '../../common/dispatch/grades';
import { ticketQuality, type QualityRule } from '../../common/dispatch/quality';
import type {
  Actor,
  Command,
  Incident,
  IncidentEvent,
  IncidentReport,
  ReportedEvent,
} from '../../common/dispatch/types';
import { isOpen } from '../../common/dispatch/types';
import type { TownDto } from '../../common/dto';
import { ServiceError } from '../../common/errors';
import { haversineM } from '../../common/geo';
import type { IdSource } from '../../common/ids';
import type { AuditEntry } from '../../common/contract/dispatch';
import { INCIDENT_SQL, rowToEvent, type EventRow } from './eventRows';

/** What the ledger judges reports and commands against; read from the store once it is seeded. */
export interface LedgerReference {
  towns: TownDto[];
  departments: string[];
  rules: readonly ResponsibilityRule[];
  familyOfCategory: (categoryId: number) => string | null;
}

export interface LedgerDeps {
  reference: () => LedgerReference;
  ids: IdSource;
  /** this console's global id: every event it accepts records it with a sequence */
  consoleId: string;
}

export type CommandOutcome =
  | { ok: true; incident: Incident; event: IncidentEvent }
  | {
      ok: false;
      code: 'not-found' | 'conflict' | 'invalid-transition' | 'invalid-command' | 'quality-check-failed';
      reason: string;
      failures?: QualityRule[];
      current?: unknown;
    };

const TOWN_RADIUS_M = { street: 3_500, town: 7_000 };
/** incidents kept after a command, so the next one need not read and parse them again */
const CACHE_SIZE = 2_000;

const snapshot = (i: Incident | null) =>
  i
    ? JSON.stringify({
        status: i.status,
        version: i.version,
        grade: i.grade,
        lead: i.leadDepartmentId,
        assist: i.assistDepartmentIds,
      })
    : null;

export class Ledger {
  private readonly sql;
  private readonly tx;
  private readonly cache = new Map<string, Incident>();
  private consoleSeq: number;
  private departmentSet: { of: string[]; set: Set<string> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly deps: LedgerDeps,
  ) {
    this.sql = INCIDENT_SQL(db);
    this.tx = db.transaction((fn: () => unknown) => fn());
    this.consoleSeq = this.sql.maxConsoleSeq.get(deps.consoleId) as number;
  }

  get consoleId(): string {
    return this.deps.consoleId;
  }

  /** Runs fn in one write transaction (bulk loads); single commands already run in their own. */
  batch<T>(fn: () => T): T {
    try {
      return this.tx.immediate(fn) as T;
    } catch (e) {
      this.forgetUncommitted();
      throw e;
    }
  }

  resolveTown(report: IncidentReport): string | null {
    const towns = this.deps.reference().towns;
    if (report.town !== undefined) {
      const t = towns.find((x) => x.code === report.town || x.name === report.town);
      if (!t) throw new ServiceError('bad-request', `unknown town ${JSON.stringify(report.town)}`, { field: 'town' });
      return t.code;
    }
    let best: { code: string; d: number } | null = null;
    for (const t of towns) {
      const d = haversineM(report.lon, report.lat, t.lon, t.lat);
      if (!best || d < best.d) best = { code: t.code, d };
    }
    return best && best.d <= 8_000 ? best.code : null;
  }

  report(report: IncidentReport, actor: Actor, now: number): Incident {
    const ref = this.deps.reference();
    const townCode = this.resolveTown(report);
    const familyId = report.categoryId ? ref.familyOfCategory(report.categoryId) : null;
    if (report.categoryId && !familyId) {
      throw new ServiceError('bad-request', `unknown risk category ${report.categoryId}`, { field: 'categoryId' });
    }
    const g = suggestGrade(report, familyId);
    const m = matchDepartments({ title: report.title, description: report.description, familyId, townCode }, ref.rules);
    const ev: ReportedEvent = {
      type: 'reported',
      report,
      townCode,
      suggestedGrade: g.grade,
      gradeReason: g.reason,
      tier: defaultTier(g.grade),
      match: m ? { lead: m.lead, assist: m.assist, ruleId: m.ruleId } : null,
    };
    const id = this.deps.ids.next(now);
    const incident = created(id, ev, now, actor);
    this.batch(() => this.write({ incidentId: id, seq: 1, at: now, actor, event: ev }, null, incident));
    return incident;
  }

  command(id: string, expectedVersion: number, actor: Actor, command: Command, now: number): CommandOutcome {
    const before = this.get(id);
    if (!before) {
      this.batch(() => this.record(id, null, now, actor, command.type, 'rejected', `not-found: no incident ${id}`));
      return { ok: false, code: 'not-found', reason: `no incident ${id}` };
    }
    const d = decide(before, expectedVersion, actor, command, {
      now,
      departments: this.departments(),
      quality: (i) => this.quality(i),
    });
    if (!d.ok) {
      const was = JSON.stringify({ status: before.status, version: before.version });
      this.batch(() => this.record(id, null, now, actor, command.type, 'rejected', `${d.code}: ${d.reason}`, was));
      return { ok: false, code: d.code, reason: d.reason, failures: d.failures, current: d.current };
    }
    const after = apply(before, d.event);
    const event = this.batch(() => this.write(d.event, before, after));
    return { ok: true, incident: after, event };
  }

  quality(i: Incident): QualityRule[] {
    const t = this.deps.reference().towns.find((x) => x.code === i.townCode);
    return ticketQuality(i, {
      distanceM: haversineM,
      townCentre: t ? { lon: t.lon, lat: t.lat, radiusM: TOWN_RADIUS_M[t.kind] } : null,
    });
  }

  get(id: string): Incident | null {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const s = this.sql.getState.get(id) as string | undefined;
    return s ? (JSON.parse(s) as Incident) : null;
  }

  timeline(id: string): IncidentEvent[] {
    return (this.sql.timeline.all(id) as EventRow[]).map(rowToEvent);
  }

  private record(
    id: string,
    seq: number | null,
    at: number,
    actor: Actor,
    command: string,
    outcome: 'accepted' | 'rejected',
    reason: string | null,
    before: string | null = null,
    after: string | null = null,
  ): void {
    this.sql.insAudit.run(id, seq, at, actor.id, actor.name, actor.role, command, outcome, reason, before, after);
  }

  /**
   * Every command on an incident, accepted or refused, with who, when and what it changed. Accepted
   * commands are read from the append-only event log itself (their before → after replayed from it);
   * refused ones from the audit table, which records nothing else.
   */
  audit(id: string): AuditEntry[] {
    const accepted: AuditEntry[] = [];
    let state: Incident | null = null;
    for (const e of this.timeline(id)) {
      const before = state;
      state = apply(state, e);
      accepted.push({
        seq: e.seq,
        at: e.at,
        actorId: e.actor.id,
        actorName: e.actor.name,
        role: e.actor.role,
        command: e.event.type,
        outcome: 'accepted',
        reason: null,
        beforeJson: snapshot(before),
        afterJson: snapshot(state),
      });
    }
    const refused = this.sql.refusedOf.all(id) as AuditEntry[];
    // merge by time; at the same millisecond the accepted command came first
    const out: AuditEntry[] = [];
    let r = 0;
    for (const a of accepted) {
      while (r < refused.length && refused[r].at < a.at) out.push(refused[r++]);
      out.push(a);
    }
    return out.concat(refused.slice(r));
  }

  /** Drops the projections and replays every event. Returns how many incidents were rebuilt. */
  rebuildProjections(): number {
    this.cache.clear();
    return this.batch(() => {
      this.db.exec('DELETE FROM incidents; DELETE FROM incident_departments;');
      let current: DecidedEvent[] = [];
      let n = 0;
      const flush = () => {
        if (!current.length) return;
        this.project(replay(current)!, null);
        n++;
        current = [];
      };
      for (const r of this.sql.allEvents.all() as EventRow[]) {
        if (current.length && current[0].incidentId !== r.incident_id) flush();
        current.push({
          incidentId: r.incident_id,
          seq: r.seq,
          at: r.at,
          actor: JSON.parse(r.actor_json),
          event: JSON.parse(r.event_json),
        });
      }
      flush();
      return n;
    });
  }

  private departments(): ReadonlySet<string> {
    const list = this.deps.reference().departments;
    if (this.departmentSet?.of !== list) this.departmentSet = { of: list, set: new Set(list) };
    return this.departmentSet.set;
  }

  private write(ev: DecidedEvent, before: Incident | null, after: Incident): IncidentEvent {
    const stored: IncidentEvent = {
      ...ev,
      eventId: this.deps.ids.next(ev.at),
      consoleId: this.deps.consoleId,
      consoleSeq: ++this.consoleSeq,
    };
    this.sql.insEvent.run(
      ev.incidentId,
      ev.seq,
      ev.at,
      JSON.stringify(ev.actor),
      ev.event.type,
      JSON.stringify(ev.event),
      stored.eventId,
      stored.consoleId,
      stored.consoleSeq,
    );
    this.project(after, before);
    this.remember(after);
    return stored;
  }

  private project(i: Incident, before: Incident | null): void {
    // the common case touches no indexed column: update only what a command changes
    if (
      before &&
      isOpen(before.status) === isOpen(i.status) &&
      before.grade === i.grade &&
      before.townCode === i.townCode &&
      before.leadDepartmentId === i.leadDepartmentId
    ) {
      this.sql.update.run(
        i.version,
        i.status,
        i.dispatchedAt,
        i.resolvedAt,
        i.closedAt,
        i.colour,
        i.returns.length,
        JSON.stringify(i),
        i.id,
      );
    } else this.upsert(i);
    const same =
      before &&
      before.leadDepartmentId === i.leadDepartmentId &&
      before.assistDepartmentIds.length === i.assistDepartmentIds.length &&
      before.assistDepartmentIds.every((a, k) => a === i.assistDepartmentIds[k]);
    if (same) return;
    if (before) this.sql.delDeps.run(i.id);
    if (i.leadDepartmentId) this.sql.insDep.run(i.id, i.leadDepartmentId, 'lead');
    for (const a of i.assistDepartmentIds) this.sql.insDep.run(i.id, a, 'assist');
  }

  private upsert(i: Incident): void {
    this.sql.upsert.run(
      i.id,
      i.ref,
      i.version,
      i.status,
      isOpen(i.status) ? 1 : 0,
      i.grade,
      i.report.source,
      i.townCode,
      i.leadDepartmentId,
      i.report.title,
      i.reportedAt,
      i.dispatchedAt,
      i.resolvedAt,
      i.closedAt,
      i.colour,
      i.returns.length,
      JSON.stringify(i),
    );
  }

  private remember(i: Incident): void {
    this.cache.delete(i.id);
    this.cache.set(i.id, i);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** A failed transaction: what was remembered or counted inside it never reached the disk. */
  private forgetUncommitted(): void {
    this.cache.clear();
    this.consoleSeq = this.sql.maxConsoleSeq.get(this.deps.consoleId) as number;
  }
}
