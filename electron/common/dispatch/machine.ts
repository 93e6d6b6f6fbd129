// The incident state machine: pure (state, command, now) → event or rejection, and event → state.
// Every transition is a command checked against the current state and version; a rejected command
// changes nothing. Replaying the stored events rebuilds the same incident.
import { evaluate } from './evaluation';
import type { QualityRule } from './quality';
import { shortRef } from '../ids';
import type { Actor, Command, CommandType, Incident, IncidentEvent, IncidentStatus, ReportedEvent } from './types';

/** What the machine decides and applies; where and when it was stored (event id, console) is the ledger's. */
export type DecidedEvent = Pick<IncidentEvent, 'incidentId' | 'seq' | 'at' | 'actor' | 'event'>;

export const TRANSITIONS: Record<CommandType, { from: readonly IncidentStatus[]; to: IncidentStatus }> = {
  triage: { from: ['reported'], to: 'triaged' },
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

export type RejectCode = 'conflict' | 'invalid-transition' | 'invalid-command' | 'quality-check-failed';
export type Decision =
  | { ok: true; event: DecidedEvent }
  | {
      ok: false;
      code: RejectCode;
      reason: string;
      failures?: QualityRule[];
      current?: { version: number; status: IncidentStatus; lastActor: Actor | null; updatedAt: number };
    };

export interface DecideContext {
  now: number;
  departments: ReadonlySet<string>;
  /** ticket quality check, consulted when a resolution is verified */
  quality: (i: Incident) => QualityRule[];
}

const reject = (code: RejectCode, reason: string, extra: Partial<Extract<Decision, { ok: false }>> = {}): Decision => ({
  ok: false,
  code,
  reason,
  ...extra,
});

function checkDepartments(lead: string, assist: string[], known: ReadonlySet<string>): string | null {
  if (!known.has(lead)) return `unknown lead department ${JSON.stringify(lead)}`;
  const bad = assist.find((a) => !known.has(a));
  if (bad !== undefined) return `unknown assisting department ${JSON.stringify(bad)}`;
  if (assist.includes(lead)) return 'the lead department cannot also assist';
  if (new Set(assist).size !== assist.length) return 'an assisting department is listed twice';
  return null;
}

/** Validates the command's own content against the incident (transition already allowed). */
function validate(s: Incident, c: Command, ctx: DecideContext): Decision | null {
  switch (c.type) {
    case 'triage':
      if (c.grade !== s.suggestedGrade && !c.reason?.trim())
        return reject('invalid-command', `overriding the suggested grade (${s.suggestedGrade}) needs a reason`);
      return null;
    case 'dispatch':
    case 'rule': {
      const bad = checkDepartments(c.leadDepartmentId, c.assistDepartmentIds, ctx.departments);
      if (bad) return reject('invalid-command', bad);
      if (c.type === 'rule' && !c.ruling.trim()) return reject('invalid-command', 'a ruling needs its text');
      return null;
    }
    case 'accept':
    case 'return':
      if (c.departmentId !== s.leadDepartmentId)
        return reject(
          'invalid-command',
          `only the lead department (${s.leadDepartmentId}) can ${c.type} this incident`,
        );
      if (c.type === 'return' && !c.reason.trim())
        return reject('invalid-command', 'returning an incident needs a reason');
      return null;
    case 'consult':
    case 'escalate':
      return c.note.trim() ? null : reject('invalid-command', `${c.type} needs a note`);
    case 'resolve':
      if (!Number.isInteger(c.evidenceCount) || c.evidenceCount < 0)
        return reject('invalid-command', 'evidenceCount must be a whole number ≥ 0');
      return c.summary.trim() ? null : reject('invalid-command', 'a resolution needs a summary');
    case 'verify': {
      if (!c.passed) return null;
      const failures = ctx.quality(s);
      return failures.length
        ? reject('quality-check-failed', `ticket quality check failed: ${failures.map((f) => f.id).join(', ')}`, {
            failures,
          })
        : null;
    }
    case 'cancel':
      if (c.reason !== 'duplicate' && c.reason !== 'invalid')
        return reject('invalid-command', 'cancel reason must be duplicate or invalid');
      return c.note.trim() ? null : reject('invalid-command', 'cancelling needs a note');
    case 'arrive':
    case 'evaluate':
      return null;
  }
}

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
  if (!t.from.includes(s.status))
    return reject(
      'invalid-transition',
      `cannot ${c.type} an incident that is ${s.status} (allowed from ${t.from.join(', ')})`,
    );
  const invalid = validate(s, c, ctx);
  if (invalid) return invalid;
  const stored = c.type === 'evaluate' ? { ...c, colour: evaluate(s).colour } : c;
  return { ok: true, event: { incidentId: s.id, seq: s.version + 1, at: ctx.now, actor, event: stored } };
}

export function created(id: string, e: ReportedEvent, at: number, actor: Actor): Incident {
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
    tier: e.tier,
    leadDepartmentId: e.match?.lead ?? null,
    assistDepartmentIds: e.match?.assist ?? [],
    matchRuleId: e.match?.ruleId ?? null,
    returns: [],
    dispatchedAt: null,
    acceptedAt: null,
    onSceneAt: null,
    resolvedAt: null,
    verifiedAt: null,
    closedAt: null,
    resolution: null,
    qualityFailures: 0,
    escalations: 0,
    colour: null,
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
  const next: Incident = {
    ...s,
    version: ev.seq,
    lastActor: ev.actor,
    updatedAt: ev.at,
    status: TRANSITIONS[e.type].to,
  };
  switch (e.type) {
    case 'triage':
      next.grade = e.grade;
      next.tier = e.tier;
      next.gradeReason = e.reason ?? next.gradeReason;
      break;
    case 'dispatch':
    case 'rule':
      next.leadDepartmentId = e.leadDepartmentId;
      next.assistDepartmentIds = [...e.assistDepartmentIds];
      next.dispatchedAt ??= ev.at;
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
      next.onSceneAt = ev.at;
      break;
    case 'resolve':
      next.resolvedAt = ev.at;
      next.resolution = { summary: e.summary, evidenceCount: e.evidenceCount };
      break;
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
      break;
    case 'cancel':
      next.closedAt = ev.at;
      next.cancelReason = `${e.reason}: ${e.note}`;
      break;
    case 'consult':
      break;
  }
  return next;
}

export function replay(events: readonly DecidedEvent[]): Incident | null {
  return events.reduce<Incident | null>((s, e) => apply(s, e), null);
}
