// Urgency beside the 1510 grade. The grade says how much work a matter is (days to handle); urgency
// says how fast someone must move. Life safety is an emergency with minute targets — acknowledged
// within 1 minute, dispatched within 3, first unit on scene within 5 (the article's base-level
// response under five minutes) — and that clock runs beside the grade's.
import type { Incident, IncidentReport, Urgency } from './types';

const MIN = 60_000;

/** Minute-level targets from the report, per urgency; routine matters have only the 1510 clock. */
export const URGENCY_TARGETS: Record<Urgency, { acknowledgeMs: number; dispatchMs: number; arriveMs: number } | null> =
  {
    emergency: { acknowledgeMs: 1 * MIN, dispatchMs: 3 * MIN, arriveMs: 5 * MIN },
    priority: { acknowledgeMs: 5 * MIN, dispatchMs: 15 * MIN, arriveMs: 60 * MIN },
    routine: null,
  };

/** Words for danger to life: a missing person, fire, casualties, gas, collapse, drowning, people trapped. */
const LIFE_SAFETY: [RegExp, string][] = [
  [/走失|走散|失踪|找不到(?:孩子|小孩|老人|家人)|迷路(?:的)?(?:儿童|小孩|老人)/, 'missing person'],
  [/火灾|起火|着火|失火|明火|浓烟|火情/, 'fire'],
  [/伤亡|死亡|受伤|流血|昏迷|晕倒|倒地不起|心脏骤停|呼吸困难|触电/, 'casualties'],
  [
    /燃气泄漏|煤气泄漏|天然气泄漏|燃气爆炸|闻到.{0,4}(?:燃气|煤气)|(?:燃气|煤气)味(?:很|非常|特别)?(?:浓|重|大)/,
    'gas leak',
  ],
  [/坍塌|垮塌|倒塌|塌方|塌陷|滑坡|山体崩塌|危岩(?:崩|坠)落/, 'collapse'],
  [/溺水|落水|掉进(?:河|江|水)|被水冲走|冲走/, 'drowning'],
  [/被困|困在|困住|围困|出不来|电梯困人/, 'people trapped'],
  [/爆炸|危化品泄漏|有毒气体/, 'explosion or toxic release'],
  [/轻生|跳楼|跳江|跳河/, 'life at risk'],
];

/** Risk families where any report is at least a priority. */
const PRIORITY_FAMILIES = new Set(['geohazard', 'highrise-fire', 'hazchem', 'gas', 'flooding']);
const PRIORITY_WORDS = /严重|危险|紧急|隐患(?:严重|很大)|积水(?:严重|过膝|齐腰)|断电|停水|大面积|人员密集|拥挤|踩踏/;

export interface UrgencySuggestion {
  urgency: Urgency;
  reason: string;
}

/** The suggested urgency and why: pure, explainable, overridable (with a reason) by the officer. */
export function suggestUrgency(
  report: Pick<IncidentReport, 'title' | 'description' | 'source'>,
  familyId?: string | null,
): UrgencySuggestion {
  const text = `${report.title} ${report.description}`;
  for (const [re, what] of LIFE_SAFETY) {
    const m = re.exec(text);
    if (m && !negated(text, m.index)) return { urgency: 'emergency', reason: `life safety: ${what} (“${m[0]}”)` };
  }
  if (report.source === 'alert') return { urgency: 'priority', reason: 'sensor alarm' };
  if (familyId && PRIORITY_FAMILIES.has(familyId)) return { urgency: 'priority', reason: `risk family ${familyId}` };
  const p = PRIORITY_WORDS.exec(text);
  if (p) return { urgency: 'priority', reason: `keyword “${p[0]}”` };
  return { urgency: 'routine', reason: 'no sign of danger to life' };
}

/** "没有人受伤" must not make an emergency: a negation just before the word cancels it. */
function negated(text: string, at: number): boolean {
  return /(?:没有|无|未|并非|不是|未见|没)[^，。,.；;！!？?]{0,3}$/.test(text.slice(Math.max(0, at - 6), at));
}

export const URGENCY_PHASES = ['acknowledge', 'dispatch', 'arrive', 'none'] as const;
export type UrgencyPhase = (typeof URGENCY_PHASES)[number];
export interface UrgencyClock {
  phase: UrgencyPhase;
  dueAt: number | null;
  remainingMs: number | null;
  state: 'on-time' | 'due-soon' | 'overdue' | null;
}

type ClockInput = Pick<
  Incident,
  'urgency' | 'status' | 'reportedAt' | 'acknowledgedAt' | 'dispatchedAt' | 'onSceneAt' | 'resolvedAt'
>;

/** The minute clock of an emergency or priority: the next step not yet taken, and how it stands. */
export function urgencyClock(i: ClockInput, now: number): UrgencyClock {
  const t = URGENCY_TARGETS[i.urgency ?? 'routine'];
  const none: UrgencyClock = { phase: 'none', dueAt: null, remainingMs: null, state: null };
  if (!t || i.status === 'closed' || i.status === 'cancelled' || i.resolvedAt !== null) return none;
  const step: [UrgencyPhase, number][] = [];
  if (i.acknowledgedAt === null && i.dispatchedAt === null) step.push(['acknowledge', t.acknowledgeMs]);
  if (i.dispatchedAt === null) step.push(['dispatch', t.dispatchMs]);
  if (i.onSceneAt === null) step.push(['arrive', t.arriveMs]);
  if (!step.length) return none;
  const [phase, windowMs] = step[0];
  const dueAt = i.reportedAt + windowMs;
  const remainingMs = dueAt - now;
  const state = remainingMs < 0 ? 'overdue' : remainingMs <= windowMs * 0.34 ? 'due-soon' : 'on-time';
  return { phase, dueAt, remainingMs, state };
}

export const URGENCY_RANK: Record<Urgency, number> = { emergency: 0, priority: 1, routine: 2 };
