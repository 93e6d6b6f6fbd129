// The threshold state machine, judged on the readings' own timestamps:
//
//   Normal ──breach──▶ Pending ──still breaching after the pending period──▶ Alerting
//     ▲                  │ back past the recovery level                        │ past the recovery level
//     │                  ▼                                                     ▼
//     └──────────────── Normal ◀──stays recovered for the pending period── Recovering ──breach──▶ Alerting
//
// and from any state, NoData once the source has been silent for noDataAfterMs. Readings between the
// recovery and warning levels (the dead band) change no state: they restart the pending period while
// Pending and the recovery period while Recovering, and do nothing while Alerting, so an oscillating
// input can make neither the state nor the alarm chatter. Severity (warning or
// critical) rises at once while Alerting and falls back only below the critical level less the band.
//
// Replay equals live: a silence is judged from the readings themselves (a reading after a long gap first
// records the NoData the gap implies), so ticks only reveal sooner what the next reading would; they
// never change the sequence of transitions. The state object is the caller's and is updated in place
// (one per sensor, 100k sensors at reading rate); nothing here reads a clock.
import { breaches, criticalRecovery, recovered, type RuleSpec } from './threshold';

export const RULE_STATES = ['normal', 'pending', 'alerting', 'recovering', 'no-data'] as const;
export type RuleStateName = (typeof RULE_STATES)[number];
export const SEVERITIES = ['warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleState {
  state: RuleStateName;
  /** warning or critical while Pending, Alerting or Recovering */
  severity: Severity | null;
  /** when the current state began (reading time) */
  since: number;
  /** Pending: since when it has breached without a break; Recovering: since when it has stayed recovered */
  mark: number | null;
  /** the last reading judged (null before the first) */
  lastTs: number | null;
  lastValue: number | null;
}

export interface Transition {
  from: RuleStateName;
  to: RuleStateName;
  /** severity after the transition (a severity change inside Alerting is a transition too) */
  severity: Severity | null;
  fromSeverity: Severity | null;
  at: number;
  /** the reading that caused it; null for a silence */
  value: number | null;
}

export function initialState(at = 0): RuleState {
  return { state: 'normal', severity: null, since: at, mark: null, lastTs: null, lastValue: null };
}

/** True while the condition is raised: Alerting or Recovering. */
export function isRaised(s: Pick<RuleState, 'state'>): boolean {
  return s.state === 'alerting' || s.state === 'recovering';
}

function move(s: RuleState, to: RuleStateName, sev: Severity | null, at: number, value: number | null): Transition {
  const t: Transition = { from: s.state, to, severity: sev, fromSeverity: s.severity, at, value };
  s.state = to;
  s.severity = sev;
  s.since = at;
  return t;
}

const severityOf = (r: RuleSpec, v: number): Severity => (breaches(r, v, r.critical) ? 'critical' : 'warning');

/**
 * Silence check at time `t` (a tick: the data time, or the console's clock). Returns the NoData
 * transition when the source has been quiet for noDataAfterMs, dated when the silence reached it.
 */
export function tick(r: RuleSpec, s: RuleState, t: number): Transition | null {
  if (s.state === 'no-data') return null;
  const last = s.lastTs ?? s.since;
  if (t - last < r.noDataAfterMs) return null;
  s.mark = null;
  return move(s, 'no-data', null, last + r.noDataAfterMs, null);
}

/**
 * Judges one reading. Readings older than the last one judged are not judged (the caller stores them);
 * returns the transitions it caused, in order (at most two: an implied NoData, then the reading's own).
 */
export function judge(r: RuleSpec, s: RuleState, ts: number, v: number, out: Transition[] = []): Transition[] {
  if (s.lastTs !== null && ts < s.lastTs) return out;
  const silent = tick(r, s, ts);
  if (silent) out.push(silent);
  s.lastTs = ts;
  s.lastValue = v;
  const t = step(r, s, ts, v);
  if (t) out.push(t);
  return out;
}

function startPending(r: RuleSpec, s: RuleState, ts: number, v: number): Transition {
  s.mark = ts;
  if (r.pendingMs === 0) return move(s, 'alerting', severityOf(r, v), ts, v);
  return move(s, 'pending', severityOf(r, v), ts, v);
}

function step(r: RuleSpec, s: RuleState, ts: number, v: number): Transition | null {
  switch (s.state) {
    case 'no-data':
    case 'normal': {
      if (breaches(r, v, r.warning)) return startPending(r, s, ts, v);
      return s.state === 'no-data' ? move(s, 'normal', null, ts, v) : null;
    }
    case 'pending': {
      if (recovered(r, v)) {
        s.mark = null;
        return move(s, 'normal', null, ts, v);
      }
      // the dead band neither confirms nor ends a breach: the pending period starts again at the next one
      if (!breaches(r, v, r.warning)) {
        s.mark = null;
        return null;
      }
      s.mark ??= ts;
      if (ts - s.mark >= r.pendingMs) {
        s.mark = null;
        return move(s, 'alerting', severityOf(r, v), ts, v);
      }
      s.severity = severityOf(r, v);
      return null;
    }
    case 'alerting': {
      if (recovered(r, v)) {
        s.mark = ts;
        return move(s, 'recovering', s.severity, ts, v);
      }
      if (s.severity === 'warning' && breaches(r, v, r.critical)) return move(s, 'alerting', 'critical', ts, v);
      // critical → warning only once the value is back past the critical level less the band
      if (s.severity === 'critical' && !breaches(r, v, criticalRecovery(r)))
        return move(s, 'alerting', 'warning', ts, v);
      return null;
    }
    case 'recovering': {
      if (breaches(r, v, r.warning)) {
        s.mark = null;
        return move(s, 'alerting', severityOf(r, v), ts, v);
      }
      if (!recovered(r, v)) {
        s.mark = null; // the dead band restarts the recovery period at the next recovered reading
        return null;
      }
      s.mark ??= ts;
      if (ts - s.mark >= r.pendingMs) {
        s.mark = null;
        return move(s, 'normal', null, ts, v);
      }
      return null;
    }
  }
}

/** Runs a whole sequence from a fresh state (replays, tests). */
export function replay(
  r: RuleSpec,
  readings: readonly { ts: number; value: number }[],
  start = initialState(readings[0]?.ts ?? 0),
): { state: RuleState; transitions: Transition[] } {
  const s = { ...start };
  const out: Transition[] = [];
  for (const x of readings) judge(r, s, x.ts, x.value, out);
  return { state: s, transitions: out };
}
