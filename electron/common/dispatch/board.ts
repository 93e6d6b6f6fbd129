// What the board shows and in which order, pure so node (queries, HTTP) and the renderer (applying a
// change in place) agree: the incident filter, whether an incident passes it, and the board order.
import { z } from 'zod';
import { deadlineClock } from './grades';
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

/** Board order: the running deadline soonest (most overdue first), closed last, then the earlier report. */
export function boardCompare(a: Incident, b: Incident, now: number): number {
  const ka = deadlineClock(a, now).remainingMs ?? Number.MAX_SAFE_INTEGER;
  const kb = deadlineClock(b, now).remainingMs ?? Number.MAX_SAFE_INTEGER;
  return ka - kb || a.reportedAt - b.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
