// The audit trail of an incident: accepted commands are read from the append-only event log itself
// (their before → after replayed from it); refused ones from the audit table, which records nothing else.
import type { AuditEntry } from '../../common/contract/dispatch';
import { apply } from '../../common/dispatch/machine';
import type { Incident, IncidentEvent } from '../../common/dispatch/types';

export const snapshot = (i: Incident | null) =>
  i
    ? JSON.stringify({
        status: i.status,
        version: i.version,
        grade: i.grade,
        lead: i.leadDepartmentId,
        assist: i.assistDepartmentIds,
      })
    : null;

export function auditTrail(events: IncidentEvent[], refused: AuditEntry[]): AuditEntry[] {
  const accepted: AuditEntry[] = [];
  let state: Incident | null = null;
  for (const e of events) {
    const before = state;
    state = apply(state, e);
    accepted.push({
      seq: e.seq,
      at: e.at,
      actorId: e.actor.id,
      actorName: e.actor.name,
      role: e.actor.role,
      consoleId: e.actor.consoleId ?? e.consoleId,
      command: e.event.type,
      outcome: 'accepted',
      reason: null,
      beforeJson: snapshot(before),
      afterJson: snapshot(state),
    });
  }
  // merge by time; at the same millisecond the accepted command came first
  const out: AuditEntry[] = [];
  let r = 0;
  for (const a of accepted) {
    while (r < refused.length && refused[r].at < a.at) out.push(refused[r++]);
    out.push(a);
  }
  return out.concat(refused.slice(r));
}
