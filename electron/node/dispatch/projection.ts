// An incident's projection row and its department rows, written from the state a command produced
// (the ledger's write path and its rebuild). Only what changed is touched.
import { isOpen, type Incident } from '../../common/dispatch/types';
import type { INCIDENT_SQL } from './eventRows';

type IncidentSql = ReturnType<typeof INCIDENT_SQL>;

export function writeProjection(sql: IncidentSql, i: Incident, before: Incident | null): void {
  // the common case touches no indexed column: update only what a command changes
  if (
    before &&
    isOpen(before.status) === isOpen(i.status) &&
    before.grade === i.grade &&
    before.townCode === i.townCode &&
    before.leadDepartmentId === i.leadDepartmentId
  ) {
    sql.update.run(
      i.version,
      i.status,
      i.dispatchedAt,
      i.resolvedAt,
      i.closedAt,
      i.colour,
      i.returns.length,
      JSON.stringify(i),
      i.id,
    );
  } else upsert(sql, i);
  const same =
    before &&
    before.leadDepartmentId === i.leadDepartmentId &&
    before.assistDepartmentIds.length === i.assistDepartmentIds.length &&
    before.assistDepartmentIds.every((a, k) => a === i.assistDepartmentIds[k]);
  if (same) return;
  if (before) sql.delDeps.run(i.id);
  if (i.leadDepartmentId) sql.insDep.run(i.id, i.leadDepartmentId, 'lead');
  for (const a of i.assistDepartmentIds) sql.insDep.run(i.id, a, 'assist');
}

function upsert(sql: IncidentSql, i: Incident): void {
  sql.upsert.run(
    i.id,
    i.ref,
    i.version,
    i.status,
    isOpen(i.status) ? 1 : 0,
    i.grade,
    i.report.source,
    i.townCode,
    i.leadDepartmentId,
    i.report.title,
    i.reportedAt,
    i.dispatchedAt,
    i.resolvedAt,
    i.closedAt,
    i.colour,
    i.returns.length,
    JSON.stringify(i),
  );
}
