// What can happen to an alarm, as a pure function: (alarm, command, time, actor) → the alarm after it and
// the event to record, or a refusal naming why. The condition's comings and goings (from the rules) and
// the officer's actions go through the same function, so the history explains every state.
import type { Actor } from '../dispatch/types';
import type { RiskLevel } from '../levels';
import type { Severity } from '../rules/engine';
import type { Alarm, AlarmEvent, AlarmEventType, AlarmPriority, AlarmSource, AlarmState } from './types';

export type AlarmCommand =
  | { type: 'ack'; note?: string }
  | { type: 'shelve'; durationMs: number; reason: string }
  | { type: 'unshelve' }
  | { type: 'out-of-service'; reason: string }
  | { type: 'return-to-service' }
  | { type: 'condition-cleared'; value?: number | null }
  | {
      type: 're-raise';
      value?: number | null;
      severity?: Severity | null;
      priority?: AlarmPriority;
      /** the condition's words as they now are (a station gone from warning to guarantee) */
      title?: string;
      titleEn?: string;
      threshold?: number | null;
    }
  | { type: 'escalate' }
  | { type: 'incident'; incidentId: string };

export type AlarmOutcome =
  { ok: true; alarm: Alarm; event: AlarmEvent } | { ok: false; code: 'conflict' | 'rejected'; reason: string };

/** The priority of a new alarm: how bad the condition is, and how grave the point already was. */
export function priorityOf(source: AlarmSource, severity: Severity | null, level: RiskLevel | null): AlarmPriority {
  const grave = level === 'major' || level === 'high';
  if (source === 'grading') return 'urgent';
  if (source === 'indicator') return severity === 'critical' ? 'medium' : 'low';
  // a collapse warning at medium is listed, not sounded; high and above is sounded
  if (source === 'collapse') return severity === 'critical' ? 'high' : 'low';
  if (severity === 'critical') return grave ? 'urgent' : 'high';
  return grave ? 'high' : 'medium';
}

/** the state an alarm returns to when it leaves shelving or maintenance */
function settled(a: Alarm): AlarmState {
  if (!a.condition) return 'cleared';
  return a.ackedAt !== null ? 'acknowledged' : 'active';
}

const PRIORITY_RANK: Record<AlarmPriority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

const refuse = (code: 'conflict' | 'rejected', reason: string): AlarmOutcome => ({ ok: false, code, reason });

export function applyAlarm(a: Alarm, cmd: AlarmCommand, at: number, actor: Actor | null = null): AlarmOutcome {
  const next = (patch: Partial<Alarm>, type: AlarmEventType, detail: Record<string, unknown> = {}): AlarmOutcome => ({
    ok: true,
    alarm: { ...a, ...patch, version: a.version + 1, updatedAt: at },
    event: { alarmId: a.id, at, type, actor, detail },
  });
  switch (cmd.type) {
    case 'ack':
      if (a.ackedAt !== null) return refuse('conflict', 'the alarm is acknowledged already');
      if (a.state === 'shelved' || a.state === 'out-of-service')
        return refuse('rejected', `a ${a.state} alarm is not acknowledged; unshelve or return it to service first`);
      return next(
        { ackedAt: at, ackedBy: actor, state: a.state === 'active' ? 'acknowledged' : a.state },
        'ack',
        cmd.note ? { note: cmd.note } : {},
      );
    case 'shelve':
      if (a.state !== 'active' && a.state !== 'acknowledged')
        return refuse('rejected', `only an active or acknowledged alarm is shelved, this one is ${a.state}`);
      return next({ state: 'shelved', shelvedUntil: at + cmd.durationMs, shelveReason: cmd.reason }, 'shelve', {
        durationMs: cmd.durationMs,
        reason: cmd.reason,
      });
    case 'unshelve':
      if (a.state !== 'shelved') return refuse('rejected', 'the alarm is not shelved');
      return next({ state: settled(a), shelvedUntil: null, clearedAt: a.condition ? null : at }, 'unshelve', {
        expired: actor === null,
      });
    case 'out-of-service':
      if (a.state === 'out-of-service') return refuse('conflict', 'the alarm is out of service already');
      if (a.state === 'cleared') return refuse('rejected', 'a cleared alarm is not taken out of service');
      return next({ state: 'out-of-service', outOfServiceReason: cmd.reason, shelvedUntil: null }, 'out-of-service', {
        reason: cmd.reason,
      });
    case 'return-to-service':
      if (a.state !== 'out-of-service') return refuse('rejected', 'the alarm is not out of service');
      return next(
        { state: settled(a), outOfServiceReason: null, clearedAt: a.condition ? null : at },
        'return-to-service',
      );
    case 'condition-cleared': {
      if (!a.condition) return refuse('conflict', 'the condition is clear already');
      const hidden = a.state === 'shelved' || a.state === 'out-of-service';
      return next(
        { condition: false, state: hidden ? a.state : 'cleared', clearedAt: hidden ? null : at },
        'condition-cleared',
        { value: cmd.value ?? null },
      );
    }
    case 're-raise': {
      if (a.state === 'cleared') return refuse('rejected', 'a cleared alarm is not raised again; a new one is');
      const patch: Partial<Alarm> = { condition: true, raiseCount: a.raiseCount + 1 };
      if (cmd.severity) patch.severity = cmd.severity;
      if (cmd.value !== undefined) patch.value = cmd.value;
      if (cmd.title) patch.title = cmd.title;
      if (cmd.titleEn) patch.titleEn = cmd.titleEn;
      if (cmd.threshold !== undefined) patch.threshold = cmd.threshold;
      // a condition that worsens makes the alarm more urgent, never less
      if (cmd.priority && PRIORITY_RANK[cmd.priority] < PRIORITY_RANK[a.priority]) patch.priority = cmd.priority;
      return next(patch, 're-raise', { value: cmd.value ?? null, severity: cmd.severity ?? null });
    }
    case 'escalate':
      if (a.state !== 'active') return refuse('rejected', `only an unacknowledged active alarm escalates (${a.state})`);
      if (a.escalatedAt !== null) return refuse('conflict', 'the alarm has escalated already');
      return next({ escalatedAt: at }, 'escalate');
    case 'incident':
      if (a.incidentId) return refuse('conflict', `the alarm is incident ${a.incidentId} already`);
      return next({ incidentId: cmd.incidentId }, 'incident', { incidentId: cmd.incidentId });
  }
}

/** Whether an alarm still asks for attention on the list (not cleared, or cleared but never acknowledged). */
export function isOpen(a: Pick<Alarm, 'state'>): boolean {
  return a.state !== 'cleared';
}
