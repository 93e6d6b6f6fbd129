// The dispatch ledger: an append-only event log per incident with projections rebuilt from it and an
// audit trail of every command. Each accepted command is one transaction (event, projection, audit)
// that commits (WAL, synchronous=FULL) before it is acknowledged; a rejected one changes nothing but
// its audit line. The incident a command just produced is kept, so the next command does not re-read it.
import type { Db } from '../../../native/sqlite/open';
import { decide, apply, created, replay, type DecidedEvent } from '../../common/dispatch/machine';
import type { QualityItem, QualityRule } from '../../common/dispatch/quality';
import type { Actor, Command, Incident, IncidentEvent, IncidentReport } from '../../common/dispatch/types';
import type { IdSource } from '../../common/ids';
import type { AuditEntry } from '../../common/contract/dispatch';
import { auditTrail } from './auditTrail';
import { Emitter } from '../events';
import { INCIDENT_SQL, rowToEvent, type EventRow } from './eventRows';
import { EventLog } from './eventLog';
import { writeProjection } from './projection';
import type { LoggedEvent } from '../../common/replication/protocol';
import { buildReported, checklistOf, intakeOf, type LedgerReference } from './reporting';

export type { LedgerReference };

/** Bump when the projected incident gains fields: stores rebuild their projections from the log once. */
export const PROJECTION_VERSION = 2;

export interface LedgerDeps {
  reference: () => LedgerReference;
  ids: IdSource;
  /** this console's global id: every event it accepts records it with a sequence */
  consoleId: string;
}

export type CommandOutcome =
  | { ok: true; incident: Incident; events: IncidentEvent[] }
  | {
      ok: false;
      code:
        'not-found' | 'conflict' | 'not-permitted' | 'invalid-transition' | 'invalid-command' | 'quality-check-failed';
      reason: string;
      failures?: QualityRule[];
      current?: unknown;
    };

/** incidents kept after a command, so the next one need not read and parse them again */
const CACHE_SIZE = 2_000;

export class Ledger {
  private readonly sql;
  private readonly tx;
  private readonly cache = new Map<string, Incident>();
  private consoleSeq: number;
  private departmentSet: { of: string[]; set: Set<string> } | null = null;
  private depth = 0;
  private appending: LoggedEvent[] = [];
  private readonly appended = new Emitter<LoggedEvent[]>();
  /** the order this store took its events in (what an authority serves to replicas) */
  readonly log: EventLog;
  /** events this store appended, told once their transaction has committed (replication publishes them) */
  readonly onDidAppend = this.appended.event;

  constructor(
    private readonly db: Db,
    private readonly deps: LedgerDeps,
  ) {
    this.sql = INCIDENT_SQL(db);
    this.tx = db.transaction((fn: () => unknown) => fn());
    this.consoleSeq = this.sql.maxConsoleSeq.get(deps.consoleId) as number;
    this.log = new EventLog(db, deps.consoleId);
  }

  get consoleId(): string {
    return this.deps.consoleId;
  }

  /** this console's newest sequence: how far its own log goes */
  get latestSeq(): number {
    return this.consoleSeq;
  }

  /** Runs fn in one write transaction (bulk loads); single commands already run in their own. */
  batch<T>(fn: () => T): T {
    this.depth++;
    try {
      const out = this.tx.immediate(fn) as T;
      if (this.depth === 1 && this.appending.length) {
        const done = this.appending;
        this.appending = [];
        if (this.appended.size) this.appended.fire(done);
      }
      return out;
    } catch (e) {
      if (this.depth === 1) this.appending = [];
      this.forgetUncommitted();
      throw e;
    } finally {
      this.depth--;
    }
  }

  /** A new incident; `id` is proposed by the console where the officer reported it (replication). */
  report(report: IncidentReport, actor: Actor, now: number, proposedId?: string): Incident {
    const ev = buildReported(report, this.deps.reference(), now);
    const id = proposedId ?? this.deps.ids.next(now);
    if (proposedId && this.get(proposedId)) throw new Error(`incident ${proposedId} exists already`);
    const incident = created(id, ev, now, actor);
    this.batch(() => this.write({ incidentId: id, seq: 1, at: now, actor, event: ev }, null, incident));
    return incident;
  }

  command(id: string, expectedVersion: number, actor: Actor, command: Command, now: number): CommandOutcome {
    return this.act(id, expectedVersion, actor, [command], now);
  }

  /**
   * Several commands as one: all are accepted (one transaction, consecutive versions) or none, and the
   * refused one is audited. "Triage and dispatch" from the board's confirmation is one act.
   */
  act(id: string, expectedVersion: number, actor: Actor, commands: Command[], now: number): CommandOutcome {
    const first = this.get(id);
    if (!first) {
      const type = commands.map((c) => c.type).join('+');
      this.batch(() => this.record(id, null, now, actor, type, 'rejected', `not-found: no incident ${id}`));
      return { ok: false, code: 'not-found', reason: `no incident ${id}` };
    }
    const d = this.decideAll(first, expectedVersion, actor, commands, now);
    if (!d.ok) {
      const was = JSON.stringify({ status: first.status, version: first.version });
      this.batch(() => this.record(id, null, now, actor, d.type, 'rejected', `${d.code}: ${d.reason}`, was));
      return d.outcome;
    }
    const events = this.batch(() => d.decided.map((x) => this.write(x.event, x.before, x.after)));
    return { ok: true, incident: d.state, events };
  }

  /**
   * What the commands would make of the incident now, written nowhere: a replica shows it to its
   * officer while the authority has not answered (an offline laptop), marked as pending.
   */
  preview(id: string, expectedVersion: number, actor: Actor, commands: Command[], now: number, base?: Incident) {
    const first = base ?? this.get(id);
    if (!first) return { ok: false as const, code: 'not-found' as const, reason: `no incident ${id}` };
    const d = this.decideAll(first, expectedVersion, actor, commands, now);
    return d.ok ? { ok: true as const, incident: d.state } : d.outcome;
  }

  /** A report as it would be recorded, written nowhere (a replica's pending report). */
  previewReport(report: IncidentReport, actor: Actor, now: number, id: string): Incident {
    return created(id, buildReported(report, this.deps.reference(), now), now, actor);
  }

  private decideAll(first: Incident, expectedVersion: number, actor: Actor, commands: Command[], now: number) {
    const ctx = this.context(now);
    const decided: { event: DecidedEvent; before: Incident; after: Incident }[] = [];
    let state = first;
    let version = expectedVersion;
    for (const c of commands) {
      const d = decide(state, version, actor, c, ctx);
      if (!d.ok) {
        const outcome: CommandOutcome = {
          ok: false,
          code: d.code,
          reason: d.reason,
          failures: d.failures,
          current: d.current,
        };
        return { ok: false as const, type: c.type, code: d.code, reason: d.reason, outcome };
      }
      const after = apply(state, d.event);
      decided.push({ event: d.event, before: state, after });
      state = after;
      version = after.version;
    }
    return { ok: true as const, decided, state };
  }

  /** What commands are judged against at `now` (the same for local commands, previews and replicas). */
  context(now: number) {
    return {
      now,
      departments: this.departments(),
      quality: (i: Incident) => this.quality(i),
      intake: intakeOf(this.deps.reference(), now),
    };
  }

  /**
   * Events decided by another console (the authority), applied exactly once — a (console, sequence)
   * already here is skipped — and in order per incident, through the same domain code as local
   * commands. One transaction; returns the incidents as they now are.
   */
  applyRemote(
    events: IncidentEvent[],
    cursor?: { of: string; pos: number },
  ): { applied: Incident[]; duplicates: number } {
    let duplicates = 0;
    const changed = new Map<string, Incident>();
    // The authority holds these durably; a copy lost to a power cut is fetched again (catch-up), so the
    // commit need not wait for the disk. Anything this console originates still commits with FULL.
    this.db.pragma('synchronous = NORMAL');
    try {
      this.batch(() => {
        this.applyAll(events, changed, () => duplicates++);
        // how far the authority's log is applied moves with the events, in the same transaction
        if (cursor) this.log.setCursor(cursor.of, cursor.pos);
      });
    } finally {
      this.db.pragma('synchronous = FULL');
    }
    return { applied: [...changed.values()], duplicates };
  }

  private applyAll(events: IncidentEvent[], changed: Map<string, Incident>, duplicate: () => void): void {
    this.batch(() => {
      for (const e of events) {
        if (this.sql.hasConsoleSeq.get(e.consoleId, e.consoleSeq)) {
          duplicate();
          continue;
        }
        const before = changed.get(e.incidentId) ?? this.get(e.incidentId);
        const have = before?.version ?? 0;
        if (e.seq !== have + 1) {
          throw new Error(`event ${e.incidentId}#${e.seq} out of order (have version ${have}): catch up first`);
        }
        const after = apply(before, e);
        this.store(e, before, after);
        changed.set(e.incidentId, after);
      }
    });
  }

  /** the newest sequence of `consoleId` this store holds (a replica: how far it has applied the authority's log) */
  seqOf(consoleId: string): number {
    return consoleId === this.deps.consoleId ? this.consoleSeq : (this.sql.maxConsoleSeq.get(consoleId) as number);
  }

  /** Events this store holds from one console after its sequence `after`, in that console's order. */
  eventsAfter(consoleId: string, after: number, limit: number): IncidentEvent[] {
    return (this.sql.eventsAfter.all(consoleId, after, limit) as EventRow[]).map(rowToEvent);
  }

  /** The rules an incident fails now (verification needs none). */
  quality(i: Incident): QualityRule[] {
    return this.checklist(i)
      .filter((q) => !q.ok && (q.stage === 'intake' || i.resolution !== null || q.id === 'resolution'))
      .map(({ id, message }) => ({ id, message }));
  }

  /** Every ticket-quality rule with whether it holds now (shown as a checklist). */
  checklist(i: Incident): QualityItem[] {
    return checklistOf(i, this.deps.reference());
  }

  /** Rebuilds the projections once when the projected shape changed since they were written. */
  ensureProjections(): boolean {
    const meta = this.db.prepare("SELECT value FROM meta WHERE key = 'projections.version'").pluck();
    const current = Number(meta.get() ?? 0);
    if (current === PROJECTION_VERSION) return false;
    const hasEvents = this.db.prepare('SELECT 1 FROM incident_events LIMIT 1').get();
    if (hasEvents) this.rebuildProjections();
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('projections.version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(PROJECTION_VERSION));
    return !!hasEvents;
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

  /** Every command on an incident, accepted (from the event log) or refused (from the audit table). */
  audit(id: string): AuditEntry[] {
    return auditTrail(this.timeline(id), this.sql.refusedOf.all(id) as AuditEntry[]);
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
        writeProjection(this.sql, replay(current)!, null);
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
    this.store(stored, before, after);
    return stored;
  }

  private store(stored: IncidentEvent, before: Incident | null, after: Incident): void {
    const ev = this.log.place(stored);
    this.sql.insEvent.run(
      ev.incidentId,
      ev.seq,
      ev.at,
      JSON.stringify(ev.actor),
      ev.event.type,
      JSON.stringify(ev.event),
      ev.eventId,
      ev.consoleId,
      ev.consoleSeq,
      ev.log.pos,
    );
    writeProjection(this.sql, after, before);
    this.remember(after);
    this.appending.push(ev);
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
    this.log.reload();
  }
}
