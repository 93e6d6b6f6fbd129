// Read side of the ledger: filtered lists and board statistics from the projections.
import type { Db } from '../../../native/sqlite/open';
import { timelinessScore } from '../../common/dispatch/evaluation';
import type { IncidentFilter } from '../../common/dispatch/board';
import type { Colour, Grade, Incident } from '../../common/dispatch/types';
import type { DispatchStats } from '../../common/contract/dispatch';

export function listIncidents(db: Db, f: IncidentFilter): { total: number; items: Incident[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.status) {
    where.push('i.open = ?');
    args.push(f.status === 'open' ? 1 : 0);
  }
  if (f.grade) {
    where.push('i.grade = ?');
    args.push(f.grade);
  }
  if (f.town) {
    where.push('i.town_code = ?');
    args.push(f.town);
  }
  if (f.source) {
    where.push('i.source = ?');
    args.push(f.source);
  }
  if (f.unmatched) where.push('i.lead_department_id IS NULL');
  if (f.supervision) where.push("i.colour IN ('red', 'orange')");
  if (f.closedSince !== undefined) {
    where.push('i.closed_at >= ?');
    args.push(f.closedSince);
  }
  if (f.department) {
    where.push('EXISTS (SELECT 1 FROM incident_departments d WHERE d.incident_id = i.id AND d.department_id = ?)');
    args.push(f.department);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM incidents i ${w}`)
    .pluck()
    .get(...args) as number;
  const rows = db
    .prepare(`SELECT state_json FROM incidents i ${w} ORDER BY i.reported_at DESC, i.id DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, f.limit ?? 50, f.offset ?? 0) as string[];
  return { total, items: rows.map((s) => JSON.parse(s) as Incident) };
}

export function dispatchStats(db: Db): DispatchStats {
  const rows = db
    .prepare(
      `SELECT grade, open, reported_at, dispatched_at, resolved_at, returns, colour,
         json_extract(state_json, '$.matchRuleId') AS rule, json_extract(state_json, '$.satisfaction') AS sat
       FROM incidents`,
    )
    .raw()
    .all() as [
    Grade,
    number,
    number,
    number | null,
    number | null,
    number,
    Colour | null,
    string | null,
    number | null,
  ][];
  const colours: Record<Colour, number> = { green: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  let closed = 0,
    onTime = 0,
    dispatched = 0,
    returned = 0,
    resolved = 0,
    handling = 0,
    matched = 0;
  let satSum = 0,
    satN = 0;
  for (const [grade, open, reportedAt, dispatchedAt, resolvedAt, returns, colour, rule, sat] of rows) {
    if (sat !== null) {
      satSum += sat;
      satN++;
    }
    if (rule) matched++;
    if (dispatchedAt !== null) {
      dispatched++;
      if (returns > 0) returned++;
    }
    if (resolvedAt !== null) {
      resolved++;
      handling += resolvedAt - reportedAt;
    }
    if (!open && colour) {
      closed++;
      colours[colour]++;
      if (timelinessScore({ grade, reportedAt, resolvedAt }) >= 1) onTime++;
    }
  }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);
  return {
    total: rows.length,
    open: rows.filter((r) => r[1] === 1).length,
    closed,
    onTimeRate: ratio(onTime, closed),
    returnRate: ratio(returned, dispatched),
    averageHandlingMs: resolved ? Math.round(handling / resolved) : 0,
    matchRate: ratio(matched, rows.length),
    satisfactionRate: satN ? Math.round((satSum / satN) * 100) / 10_000 : 0,
    colours,
    supervision: colours.red + colours.orange,
  };
}
