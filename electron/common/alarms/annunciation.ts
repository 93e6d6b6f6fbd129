// How alarms reach the officer without drowning them: a tone by priority that repeats until the alarm is
// acknowledged, escalation to the shift leader's seat (louder) when nobody acknowledges in time, floods
// (more than 10 new alarms in 10 minutes for one seat) shown under one banner with one tone, and the
// lists the shift report carries: chattering alarms (one source raising again and again) and standing
// ones (a condition present for more than a day). Pure functions of the alarms and the time.
import { ESCALATION_SEAT, type Alarm, type AlarmPriority, type AlarmSeat, type AlarmSource } from './types';

export interface TonePolicy {
  /** the tone repeats this often until acknowledged (null: no tone) */
  repeatMs: number | null;
  /** unacknowledged this long: the alarm escalates to the second seat (null: never) */
  escalateAfterMs: number | null;
}

export const TONE_POLICY: Readonly<Record<AlarmPriority, TonePolicy>> = {
  urgent: { repeatMs: 5_000, escalateAfterMs: 60_000 },
  high: { repeatMs: 15_000, escalateAfterMs: 3 * 60_000 },
  medium: { repeatMs: 60_000, escalateAfterMs: 10 * 60_000 },
  low: { repeatMs: null, escalateAfterMs: null },
};

export const FLOOD_WINDOW_MS = 10 * 60_000;
/** more than this many new alarms in the window for one seat is a flood */
export const FLOOD_THRESHOLD = 10;
export const CHATTER_WINDOW_MS = 10 * 60_000;
export const CHATTER_COUNT = 3;
export const STANDING_AFTER_MS = 24 * 3_600_000;

/** When an unacknowledged alarm escalates, or null when it does not (acknowledged, low, done already). */
export function escalationDueAt(a: Alarm, policy = TONE_POLICY): number | null {
  const after = policy[a.priority].escalateAfterMs;
  if (after === null || a.state !== 'active' || a.escalatedAt !== null) return null;
  return a.raisedAt + after;
}

export interface Annunciation {
  priority: AlarmPriority;
  /** the seats that hear it */
  seats: AlarmSeat[];
  loud: boolean;
  /** when the tone sounds again */
  nextAt: number;
}

/** What an alarm asks of the room at `now`: null when it no longer sounds. */
export function annunciation(a: Alarm, now: number, policy = TONE_POLICY): Annunciation | null {
  const repeat = policy[a.priority].repeatMs;
  if (a.state !== 'active' || repeat === null) return null;
  const loud = a.escalatedAt !== null;
  const seats = loud && a.seat !== ESCALATION_SEAT ? [a.seat, ESCALATION_SEAT] : [a.seat];
  const n = Math.floor(Math.max(0, now - a.raisedAt) / repeat) + 1;
  return { priority: a.priority, seats, loud, nextAt: a.raisedAt + n * repeat };
}

export interface AlarmFlood {
  seat: AlarmSeat;
  /** new alarms in the window */
  count: number;
  since: number;
  alarmIds: string[];
  /** the gravest priority in the flood: the banner's one tone */
  priority: AlarmPriority;
}

const RANK: Record<AlarmPriority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };
export const byPriority = (a: Pick<Alarm, 'priority' | 'raisedAt'>, b: Pick<Alarm, 'priority' | 'raisedAt'>) =>
  RANK[a.priority] - RANK[b.priority] || b.raisedAt - a.raisedAt;

/**
 * Seats flooded at `now`: more than FLOOD_THRESHOLD alarms that sound (low priority is journal only)
 * raised in the last FLOOD_WINDOW_MS.
 */
export function floods(alarms: readonly Alarm[], now: number, policy = TONE_POLICY): AlarmFlood[] {
  const per = new Map<AlarmSeat, Alarm[]>();
  for (const a of alarms) {
    if (a.raisedAt > now || now - a.raisedAt > FLOOD_WINDOW_MS || policy[a.priority].repeatMs === null) continue;
    const l = per.get(a.seat) ?? [];
    l.push(a);
    per.set(a.seat, l);
  }
  const out: AlarmFlood[] = [];
  for (const [seat, l] of per) {
    if (l.length <= FLOOD_THRESHOLD) continue;
    l.sort(byPriority);
    out.push({
      seat,
      count: l.length,
      since: Math.min(...l.map((a) => a.raisedAt)),
      alarmIds: l.map((a) => a.id),
      priority: l[0].priority,
    });
  }
  return out.sort((a, b) => a.seat.localeCompare(b.seat));
}

export interface ChatteringSource {
  source: AlarmSource;
  sourceId: string;
  /** alarms and re-raises from this source in its worst window */
  count: number;
  first: number;
  last: number;
}

/**
 * Sources that raised CHATTER_COUNT or more times within CHATTER_WINDOW_MS: new alarms and re-raises of an
 * open one both count. `raises` are (source, sourceId, at) triples in any order.
 */
export function chattering(
  raises: readonly { source: AlarmSource; sourceId: string; at: number }[],
  windowMs = CHATTER_WINDOW_MS,
  count = CHATTER_COUNT,
): ChatteringSource[] {
  const per = new Map<string, { source: AlarmSource; sourceId: string; at: number[] }>();
  for (const r of raises) {
    const k = `${r.source}\u0000${r.sourceId}`;
    const e = per.get(k) ?? { source: r.source, sourceId: r.sourceId, at: [] };
    e.at.push(r.at);
    per.set(k, e);
  }
  const out: ChatteringSource[] = [];
  for (const e of per.values()) {
    const at = e.at.sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; j < at.length; j++) {
      while (at[j] - at[i] > windowMs) i++;
      best = Math.max(best, j - i + 1);
    }
    if (best >= count)
      out.push({ source: e.source, sourceId: e.sourceId, count: best, first: at[0], last: at.at(-1)! });
  }
  return out.sort((a, b) => b.count - a.count || a.sourceId.localeCompare(b.sourceId));
}

/** Alarms whose condition has been present for more than STANDING_AFTER_MS (not cleared). */
export function standing(alarms: readonly Alarm[], now: number, afterMs = STANDING_AFTER_MS): Alarm[] {
  return alarms.filter((a) => a.state !== 'cleared' && a.condition && now - a.raisedAt > afterMs).sort(byPriority);
}
