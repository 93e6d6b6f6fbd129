// What the board shows and in which order, pure so node (queries, HTTP) and the renderer (applying a
// change in place) agree: the incident filter, whether an incident passes it, and the board order.
import { z } from 'zod';
import { deadlineClock } from './grades';
import { URGENCY_RANK, urgencyClock } from './urgency';
import { GRADES, SOURCES, isOpen, type Incident } from './types';

export const incidentFilterSchema = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    grade: z.enum(GRADES).optional(),
    town: z.string().max(40).optional(),
    department: z.string().max(40).optional(),
    source: z.enum(SOURCES).optional(),
    /** the manual triage queue: no responsibility rule matched and no lead chosen yet */
    unmatched: z.boolean().optional(),
    /** red and orange evaluations (the fortnightly supervision list), optionally closed since a time */
    supervision: z.boolean().optional(),
    closedSince: z.number().int().min(0).optional(),
    /** newest first (default), or the board's order (open incidents only) */
    sort: z.enum(['newest', 'board']).optional(),
    limit: z.number().int().min(1).max(2000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type IncidentFilter = z.infer<typeof incidentFilterSchema>;

/** Whether an incident belongs in a list with this filter (limit and offset aside). */
export function matchesFilter(i: Incident, f: IncidentFilter): boolean {
  if (f.status && isOpen(i.status) !== (f.status === 'open')) return false;
  if (f.grade && i.grade !== f.grade) return false;
  if (f.town && i.townCode !== f.town) return false;
  if (f.source && i.report.source !== f.source) return false;
  if (f.unmatched && i.leadDepartmentId !== null) return false;
  if (f.supervision && i.colour !== 'red' && i.colour !== 'orange') return false;
  if (f.closedSince !== undefined && (i.closedAt === null || i.closedAt < f.closedSince)) return false;
  if (f.department && i.leadDepartmentId !== f.department && !i.assistDepartmentIds.includes(f.department)) {
    return false;
  }
  return true;
}

/** The board's two lanes: new reports nobody has triaged yet on top, then the work in hand. */
export type BoardLane = 'new' | 'in-hand';
export const boardLane = (i: Pick<Incident, 'status'>): BoardLane => (i.status === 'reported' ? 'new' : 'in-hand');

/** When the tightest running clock (the 1510 deadline or the minute clock) runs out; null when none runs. */
export function tightestDue(i: Incident, now: number): number | null {
  const a = deadlineClock(i, now).dueAt;
  const b = urgencyClock(i, now).dueAt;
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/**
 * Board order: the new-report lane first; within a lane emergencies, then priorities, then routine;
 * then the tightest running clock (most overdue first); then the earlier report. The order depends on
 * due times, not on time left, so it does not drift as the clock runs.
 */
export function boardCompare(a: Incident, b: Incident, now: number): number {
  const lane = (i: Incident) => (boardLane(i) === 'new' ? 0 : 1);
  const due = (i: Incident) => tightestDue(i, now) ?? Number.MAX_SAFE_INTEGER;
  return (
    lane(a) - lane(b) ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    due(a) - due(b) ||
    a.reportedAt - b.reportedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
