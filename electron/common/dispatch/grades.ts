// "1510" graded handling: small matters dispatched at once, major within 1 day, difficult within 5
// days, thorny within 10 days (dispatch deadlines), each with a longer handling deadline.
import { z } from 'zod';
import type { Grade, Incident, IncidentReport } from './types';
import { isOpen } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Milliseconds from the report. "At once" is held to 15 minutes so a clock can say when it is late. */
export const DEADLINES: Record<Grade, { dispatchMs: number; handleMs: number }> = {
  small: { dispatchMs: 15 * MIN, handleMs: 1 * DAY },
  major: { dispatchMs: 1 * DAY, handleMs: 3 * DAY },
  difficult: { dispatchMs: 5 * DAY, handleMs: 15 * DAY },
  thorny: { dispatchMs: 10 * DAY, handleMs: 30 * DAY },
};

/** Share of a window left below which an item is "due soon". */
export const DUE_SOON_SHARE = 0.25;

const KEYWORDS: [Grade, RegExp][] = [
  ['thorny', /历史遗留|反复投诉|多次反映|信访|群体|跨区|产权纠纷|征地|拆迁/],
  ['difficult', /整改|改造|拆除|违建|违法建设|管网|隐患治理|长期|噪音扰民|油烟扰民/],
  ['major', /走失|失踪|儿童|火灾|起火|冒烟|爆炸|燃气泄漏|泄漏|坍塌|塌陷|滑坡|内涝|积水严重|被困|伤亡|受伤|溺水|危化/],
];

/** Risk families whose incidents are at least "major" whatever the words say. */
const SEVERE_FAMILIES = new Set(['geohazard', 'highrise-fire', 'hazchem', 'gas', 'flooding']);

/**
 * Suggested grade with the reason, from the text and (when the report names a risk category) its
 * family; the officer may always override (with a recorded reason).
 */
export function suggestGrade(
  report: Pick<IncidentReport, 'title' | 'description' | 'source'>,
  familyId?: string | null,
): { grade: Grade; reason: string } {
  const text = `${report.title} ${report.description}`;
  for (const [grade, re] of KEYWORDS) {
    const m = re.exec(text);
    if (m) return { grade, reason: `keyword “${m[0]}”` };
  }
  if (familyId && SEVERE_FAMILIES.has(familyId)) return { grade: 'major', reason: `risk family ${familyId}` };
  if (report.source === 'alert') return { grade: 'major', reason: 'sensor alert' };
  return { grade: 'small', reason: 'no escalating keyword' };
}

export const CLOCK_STATES = ['on-time', 'due-soon', 'overdue'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
export const deadlineClockSchema = z.object({
  phase: z.enum(['dispatch', 'handle', 'none']),
  dueAt: z.number().int().nullable(),
  remainingMs: z.number().int().nullable(),
  state: z.enum(CLOCK_STATES).nullable(),
});
export type DeadlineClock = z.infer<typeof deadlineClockSchema>;

/** Which deadline runs, and how it stands at `now`. Before dispatch: the dispatch deadline; after: handling. */
export function deadlineClock(
  i: Pick<Incident, 'status' | 'grade' | 'reportedAt' | 'dispatchedAt' | 'resolvedAt'>,
  now: number,
): DeadlineClock {
  if (!isOpen(i.status) || i.resolvedAt !== null) return { phase: 'none', dueAt: null, remainingMs: null, state: null };
  const d = DEADLINES[i.grade];
  const beforeDispatch = i.dispatchedAt === null;
  const windowMs = beforeDispatch ? d.dispatchMs : d.handleMs;
  const dueAt = i.reportedAt + windowMs;
  const remainingMs = dueAt - now;
  const state: ClockState =
    remainingMs < 0 ? 'overdue' : remainingMs <= windowMs * DUE_SOON_SHARE ? 'due-soon' : 'on-time';
  return { phase: beforeDispatch ? 'dispatch' : 'handle', dueAt, remainingMs, state };
}
