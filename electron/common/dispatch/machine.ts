// The incident state machine: pure (state, command, now) → event or rejection, and event → state.
// Every command is checked against the current state, the version the officer saw and the officer's
// role; a rejected command changes nothing. Replaying the stored events rebuilds the same incident.
import { shortRef } from '../ids';
import { evaluate } from './evaluation';
import type { IntakeResult } from './intake';
import type { QualityRule } from './quality';
import { mayIssue } from './roles';
import type {
  Actor,
  Command,
  CommandType,
  Incident,
  IncidentEvent,
  IncidentReport,
  IncidentStatus,
  ReportedEvent,
} from './types';
import { CLOSED_STATUSES, STATUSES } from './types';
import { validateContent, type ValidateContext } from './validate';

/** What the machine decides and applies; where and when it was stored (event id, console) is the ledger's. */
export type DecidedEvent = Pick<IncidentEvent, 'incidentId' | 'seq' | 'at' | 'actor' | 'event'>;

const OPEN = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/** From which states a command may be issued, and the state it leads to (null: the state stays). */
export const TRANSITIONS: Record<CommandType, { from: readonly IncidentStatus[]; to: IncidentStatus | null }> = {
  acknowledge: { from: ['reported'], to: null },
  triage: { from: ['reported'], to: 'triaged' },
  amend: { from: OPEN, to: null },
  attach: { from: OPEN, to: null },
  note: { from: OPEN, to: null },
  dispatch: { from: ['triaged', 'returned'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'accepted' },
  return: { from: ['dispatched', 'accepted'], to: 'returned' },
  consult: { from: ['returned'], to: 'consultation' },
  escalate: { from: ['consultation'], to: 'escalated' },
  rule: { from: ['escalated'], to: 'dispatched' },
  arrive: { from: ['accepted'], to: 'on-scene' },
  resolve: { from: ['on-scene'], to: 'resolved' },
  verify: { from: ['resolved'], to: 'verified' },
  evaluate: { from: ['verified'], to: 'closed' },
  cancel: { from: ['reported', 'triaged'], to: 'cancelled' },
};

export type RejectCode =
  'conflict' | 'not-permitted' | 'invalid-transition' | 'invalid-command' | 'quality-check-failed';
export type Decision =
  | { ok: true; event: DecidedEvent }
  | {
      ok: false;
      code: RejectCode;
      reason: string;
      failures?: QualityRule[];
      current?: { version: number; status: IncidentStatus; lastActor: Actor | null; updatedAt: number };
    };

export interface DecideContext extends ValidateContext {
  now: number;
  /** where a corrected report lies (town, flags); needed for amend */
  intake?: (report: IncidentReport) => IntakeResult;
}

const reject = (code: RejectCode, reason: string, extra: Partial<Extract<Decision, { ok: false }>> = {}): Decision => ({
  ok: false,
  code,
  reason,
  ...extra,
});

export function decide(s: Incident, expectedVersion: number, actor: Actor, c: Command, ctx: DecideContext): Decision {
  if (expectedVersion !== s.version) {
    const when = new Date(s.updatedAt).toISOString().replace('T', ' ').slice(0, 16);
    return reject(
      'conflict',
      `incident ${s.id} changed since you saw it: your version ${expectedVersion}, now ${s.version} (${s.status})` +
        ` by ${s.lastActor?.name ?? 'unknown'} at ${when} UTC`,
      { current: { version: s.version, status: s.status, lastActor: s.lastActor, updatedAt: s.updatedAt } },
    );
  }
  const t = TRANSITIONS[c.type];
  if (!t) return reject('invalid-command', `unknown command ${JSON.stringify((c as { type?: unknown }).type)}`);
  const who = mayIssue(actor, c.type, s);
  if (who) return reject('not-permitted', who);
  if (!t.from.includes(s.status)) {
    return reject(
      'invalid-transition',
      `cannot ${c.type} an incident that is ${s.status} (allowed from ${t.from.join(', ')})`,
    );
  }
  const invalid = validateContent(s, c, ctx);
  if (invalid) return reject(invalid.code, invalid.reason, invalid.failures ? { failures: invalid.failures } : {});
  let stored: IncidentEvent['event'] = c;
  if (c.type === 'evaluate') stored = { ...c, colour: evaluate(s).colour };
  if (c.type === 'amend') {
    if (!ctx.intake) return reject('invalid-command', 'this console cannot check a corrected location now');
    stored = { ...c, intake: ctx.intake({ ...s.report, ...c.changes }) };
  }
  return { ok: true, event: { incidentId: s.id, seq: s.version + 1, at: ctx.now, actor, event: stored } };
}

export function created(id: string, e: ReportedEvent, at: number, actor: Actor): Incident {
  const urgency = e.urgency ?? { urgency: 'routine', reason: 'recorded before urgency' };
  return {
    id,
    ref: e.ref ?? shortRef(id, at),
    version: 1,
    status: 'reported',
    report: e.report,
    townCode: e.townCode,
    reportedAt: e.report.occurredAt ?? at,
    grade: e.suggestedGrade,
    suggestedGrade: e.suggestedGrade,
    gradeReason: e.gradeReason,
    urgency: urgency.urgency,
    suggestedUrgency: urgency.urgency,
    urgencyReason: urgency.reason,
    acknowledgedAt: null,
    flags: e.flags ?? [],
    neighbour: e.neighbour ?? null,
    tier: e.tier,
    leadDepartmentId: e.match?.lead ?? null,
    assistDepartmentIds: e.match?.assist ?? [],
    matchRuleId: e.match?.ruleId ?? null,
    matchExplanation: e.match?.matter ? { matter: e.match.matter, words: e.match.words ?? [] } : null,
    returns: [],
    dispatchedAt: null,
    acceptedAt: null,
    onSceneAt: null,
    resolvedAt: null,
    verifiedAt: null,
    closedAt: null,
    resolution: null,
    evidence: [],
    qualityFailures: 0,
    escalations: 0,
    colour: null,
    satisfaction: null,
    cancelReason: null,
    lastActor: actor,
    updatedAt: at,
  };
}

/** Applies one stored event. Pure: the same events always give the same incident. */
export function apply(s: Incident | null, ev: DecidedEvent): Incident {
  const e = ev.event;
  if (e.type === 'reported') return created(ev.incidentId, e, ev.at, ev.actor);
  if (!s) throw new Error(`event ${e.type} for ${ev.incidentId} before it was reported`);
  const to = TRANSITIONS[e.type].to;
  const next: Incident = { ...s, version: ev.seq, lastActor: ev.actor, updatedAt: ev.at, status: to ?? s.status };
  switch (e.type) {
    case 'acknowledge':
      next.acknowledgedAt = ev.at;
      break;
    case 'triage':
      next.grade = e.grade;
      next.tier = e.tier;
      next.gradeReason = e.reason && e.grade !== s.suggestedGrade ? e.reason : next.gradeReason;
      if (e.urgency && e.urgency !== s.urgency) {
        next.urgency = e.urgency;
        next.urgencyReason = e.reason ?? next.urgencyReason;
      }
      next.acknowledgedAt ??= ev.at;
      break;
    case 'amend':
      next.report = { ...s.report, ...e.changes };
      if (e.intake) {
        next.townCode = e.intake.townCode;
        next.flags = e.intake.flags;
        next.neighbour = e.intake.neighbour;
      }
      break;
    case 'attach':
      next.evidence = [...s.evidence, e.evidence];
      break;
    case 'dispatch':
    case 'rule':
      next.leadDepartmentId = e.leadDepartmentId;
      next.assistDepartmentIds = [...e.assistDepartmentIds];
      next.dispatchedAt ??= ev.at;
      next.acknowledgedAt ??= ev.at;
      next.acceptedAt = null;
      break;
    case 'accept':
      next.acceptedAt = ev.at;
      break;
    case 'return':
      next.returns = [...s.returns, { departmentId: e.departmentId, reason: e.reason, at: ev.at }];
      break;
    case 'escalate':
      next.escalations = s.escalations + 1;
      break;
    case 'arrive':
      next.onSceneAt ??= ev.at;
      break;
    case 'resolve': {
      const ids = e.evidenceIds ?? [];
      next.resolvedAt = ev.at;
      next.resolution = { summary: e.summary, evidenceCount: e.evidenceCount ?? ids.length, evidenceIds: ids };
      break;
    }
    case 'verify':
      if (e.passed) next.verifiedAt = ev.at;
      else {
        next.status = 'on-scene';
        next.resolvedAt = null;
        next.resolution = null;
        next.qualityFailures = s.qualityFailures + 1;
      }
      break;
    case 'evaluate':
      next.closedAt = ev.at;
      next.colour = e.colour ?? null;
      next.satisfaction = e.satisfaction ?? null;
      break;
    case 'cancel':
      next.closedAt = ev.at;
      next.cancelReason = `${e.reason}: ${e.note}`;
      break;
    case 'consult':
    case 'note':
      break;
  }
  return next;
}

export function replay(events: readonly DecidedEvent[]): Incident | null {
  return events.reduce<Incident | null>((s, e) => apply(s, e), null);
}
