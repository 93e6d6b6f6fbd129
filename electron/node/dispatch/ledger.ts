// The dispatch ledger: an append-only event log per incident with projections rebuilt from it and an
// audit trail of every command. Each accepted command commits (WAL, synchronous=FULL) before it is
// acknowledged; a rejected one changes nothing but its audit line.
import type { Db } from '../../../native/sqlite/open';
import { decide, apply, created, replay } from '../../common/dispatch/machine';
import { defaultTier, matchDepartments, type ResponsibilityRule } from '../../common/dispatch/matching';
import { suggestGrade } from '../../common/dispatch/grades';
import { ticketQuality } from '../../common/dispatch/quality';
import type {
  Actor,
  Command,
  Incident,
  IncidentEvent,
  IncidentReport,
  ReportedEvent,
} from '../../common/dispatch/types';
import { isOpen } from '../../common/dispatch/types';
import { haversineM } from '../../common/geo';
import type { TownDto } from '../../common/dto';

export interface LedgerDeps {
  towns: TownDto[];
  departments: string[];
  rules: readonly ResponsibilityRule[];
  familyOfCategory: (categoryId: number) => string | null;
}

export type CommandOutcome =
  | { ok: true; incident: Incident }
  | {
      ok: false;
      code: 'not-found' | 'conflict' | 'invalid-transition' | 'invalid-command' | 'quality-check-failed';
      reason: string;
      failures?: { id: string; message: string }[];
      current?: unknown;
    };

export class LedgerInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const TOWN_RADIUS_M = { street: 3_500, town: 7_000 };
const BEIJING_MS = 8 * 3_600_000;

export class Ledger {
  private readonly departments: Set<string>;
  private readonly insEvent;
  private readonly upsert;
  private readonly delDeps;
  private readonly insDep;
  private readonly insAudit;
  private readonly getState;

  constructor(
    private readonly db: Db,
    private readonly deps: LedgerDeps,
  ) {
    this.departments = new Set(deps.departments);
    this.insEvent = db.prepare(
      'INSERT INTO incident_events (incident_id, seq, at, actor_json, type, event_json) VALUES (?,?,?,?,?,?)',
    );
    this.upsert =
      db.prepare(`INSERT INTO incidents (id, version, status, open, grade, source, town_code, lead_department_id, title, reported_at, dispatched_at, resolved_at, closed_at, colour, returns, state_json)
      VALUES (@id, @version, @status, @open, @grade, @source, @town, @lead, @title, @reportedAt, @dispatchedAt, @resolvedAt, @closedAt, @colour, @returns, @state)
      ON CONFLICT(id) DO UPDATE SET version=excluded.version, status=excluded.status, open=excluded.open, grade=excluded.grade, town_code=excluded.town_code,
        lead_department_id=excluded.lead_department_id, dispatched_at=excluded.dispatched_at, resolved_at=excluded.resolved_at, closed_at=excluded.closed_at,
        colour=excluded.colour, returns=excluded.returns, state_json=excluded.state_json`);
    this.delDeps = db.prepare('DELETE FROM incident_departments WHERE incident_id = ?');
    this.insDep = db.prepare(
      'INSERT OR IGNORE INTO incident_departments (incident_id, department_id, role) VALUES (?,?,?)',
    );
    this.insAudit = db.prepare(
      'INSERT INTO audit_log (incident_id, seq, at, actor_id, actor_name, role, command, outcome, reason, before_json, after_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    );
    this.getState = db.prepare('SELECT state_json FROM incidents WHERE id = ?').pluck();
  }

  /** Runs fn in one write transaction (bulk loads); single commands already run in their own. */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  resolveTown(report: IncidentReport): string | null {
    if (report.town !== undefined) {
      const t = this.deps.towns.find((x) => x.code === report.town || x.name === report.town);
      if (!t) throw new LedgerInputError('town', `unknown town ${JSON.stringify(report.town)}`);
      return t.code;
    }
    let best: { code: string; d: number } | null = null;
    for (const t of this.deps.towns) {
      const d = haversineM(report.lon, report.lat, t.lon, t.lat);
      if (!best || d < best.d) best = { code: t.code, d };
    }
    return best && best.d <= 8_000 ? best.code : null;
  }

  report(report: IncidentReport, actor: Actor, now: number): Incident {
    const townCode = this.resolveTown(report);
    const familyId = report.categoryId ? this.deps.familyOfCategory(report.categoryId) : null;
    if (report.categoryId && !familyId)
      throw new LedgerInputError('categoryId', `unknown risk category ${report.categoryId}`);
    const g = suggestGrade(report, familyId);
    const m = matchDepartments(
      { title: report.title, description: report.description, familyId, townCode },
      this.deps.rules,
    );
    const ev: ReportedEvent = {
      type: 'reported',
      report,
      townCode,
      suggestedGrade: g.grade,
      gradeReason: g.reason,
      tier: defaultTier(g.grade),
      match: m ? { lead: m.lead, assist: m.assist, ruleId: m.ruleId } : null,
    };
    return this.batch(() => {
      const id = this.nextId(now);
      const incident = created(id, ev, now, actor);
      this.write({ incidentId: id, seq: 1, at: now, actor, event: ev }, null, incident);
      return incident;
    });
  }

  command(id: string, expectedVersion: number, actor: Actor, command: Command, now: number): CommandOutcome {
    return this.batch(() => {
      const before = this.get(id);
      if (!before) return { ok: false, code: 'not-found', reason: `no incident ${id}` };
      const d = decide(before, expectedVersion, actor, command, {
        now,
        departments: this.departments,
        quality: (i) => this.quality(i),
      });
      if (!d.ok) {
        this.insAudit.run(
          id,
          null,
          now,
          actor.id,
          actor.name,
          actor.role,
          command.type,
          'rejected',
          `${d.code}: ${d.reason}`,
          JSON.stringify({ status: before.status, version: before.version }),
          null,
        );
        return { ok: false, code: d.code, reason: d.reason, failures: d.failures, current: d.current };
      }
      const after = apply(before, d.event);
      this.write(d.event, before, after);
      return { ok: true, incident: after };
    });
  }

  quality(i: Incident) {
    const t = this.deps.towns.find((x) => x.code === i.townCode);
    return ticketQuality(i, {
      distanceM: haversineM,
      townCentre: t ? { lon: t.lon, lat: t.lat, radiusM: TOWN_RADIUS_M[t.kind] } : null,
    });
  }

  get(id: string): Incident | null {
    const s = this.getState.get(id) as string | undefined;
    return s ? (JSON.parse(s) as Incident) : null;
  }

  timeline(id: string): IncidentEvent[] {
    return (
      this.db
        .prepare(
          'SELECT incident_id, seq, at, actor_json, event_json FROM incident_events WHERE incident_id = ? ORDER BY seq',
        )
        .all(id) as Record<string, string | number>[]
    ).map((r) => ({
      incidentId: r.incident_id as string,
      seq: r.seq as number,
      at: r.at as number,
      actor: JSON.parse(r.actor_json as string),
      event: JSON.parse(r.event_json as string),
    }));
  }

  audit(id: string) {
    return this.db
      .prepare(
        'SELECT seq, at, actor_id AS actorId, actor_name AS actorName, role, command, outcome, reason, before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE incident_id = ? ORDER BY id',
      )
      .all(id);
  }

  /** Drops the projections and replays every event. Returns how many incidents were rebuilt. */
  rebuildProjections(): number {
    return this.batch(() => {
      this.db.exec('DELETE FROM incidents; DELETE FROM incident_departments;');
      const rows = this.db
        .prepare('SELECT incident_id, seq, at, actor_json, event_json FROM incident_events ORDER BY incident_id, seq')
        .all() as Record<string, string | number>[];
      let current: IncidentEvent[] = [];
      let n = 0;
      const flush = () => {
        if (!current.length) return;
        this.project(replay(current)!);
        n++;
        current = [];
      };
      for (const r of rows) {
        if (current.length && current[0].incidentId !== r.incident_id) flush();
        current.push({
          incidentId: r.incident_id as string,
          seq: r.seq as number,
          at: r.at as number,
          actor: JSON.parse(r.actor_json as string),
          event: JSON.parse(r.event_json as string),
        });
      }
      flush();
      return n;
    });
  }

  private write(ev: IncidentEvent, before: Incident | null, after: Incident): void {
    this.insEvent.run(ev.incidentId, ev.seq, ev.at, JSON.stringify(ev.actor), ev.event.type, JSON.stringify(ev.event));
    this.project(after);
    const snap = (i: Incident | null) =>
      i
        ? JSON.stringify({
            status: i.status,
            version: i.version,
            grade: i.grade,
            lead: i.leadDepartmentId,
            assist: i.assistDepartmentIds,
          })
        : null;
    this.insAudit.run(
      ev.incidentId,
      ev.seq,
      ev.at,
      ev.actor.id,
      ev.actor.name,
      ev.actor.role,
      ev.event.type,
      'accepted',
      null,
      snap(before),
      snap(after),
    );
  }

  private project(i: Incident): void {
    this.upsert.run({
      id: i.id,
      version: i.version,
      status: i.status,
      open: isOpen(i.status) ? 1 : 0,
      grade: i.grade,
      source: i.report.source,
      town: i.townCode,
      lead: i.leadDepartmentId,
      title: i.report.title,
      reportedAt: i.reportedAt,
      dispatchedAt: i.dispatchedAt,
      resolvedAt: i.resolvedAt,
      closedAt: i.closedAt,
      colour: i.colour,
      returns: i.returns.length,
      state: JSON.stringify(i),
    });
    this.delDeps.run(i.id);
    if (i.leadDepartmentId) this.insDep.run(i.id, i.leadDepartmentId, 'lead');
    for (const a of i.assistDepartmentIds) this.insDep.run(i.id, a, 'assist');
  }

  private nextId(now: number): string {
    const day = new Date(now + BEIJING_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const n = this.db
      .prepare(
        'INSERT INTO incident_counter (day, n) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET n = n + 1 RETURNING n',
      )
      .pluck()
      .get(day) as number;
    return `INC-${day}-${String(n).padStart(4, '0')}`;
  }
}
