// What a replica's officers see of their own unsent work: each incident as the ledger holds it with
// the outbox's pending requests decided on top, in order, written nowhere. A request that no longer
// fits (someone else changed the incident meanwhile) is left out here; the authority will refuse it
// and the officer is told to redo it.
import type { Incident } from '../../common/dispatch/types';
import { reportActor } from '../dispatch/actors';
import type { Ledger } from '../dispatch/ledger';
import type { OutboxEntry } from './outbox';

export function pendingView(ledger: Ledger, pending: OutboxEntry[], now: number): Map<string, Incident> {
  const view = new Map<string, Incident>();
  for (const { request: r } of pending) {
    if (r.kind === 'report') {
      if (view.has(r.incidentId) || ledger.get(r.incidentId)) continue; // accepted already
      view.set(r.incidentId, ledger.previewReport(r.report, r.actor ?? reportActor(r.report), r.at, r.incidentId));
      continue;
    }
    const base = view.get(r.incidentId) ?? ledger.get(r.incidentId);
    if (!base) continue;
    const p = ledger.preview(r.incidentId, r.expectedVersion, r.actor, r.commands, now, base);
    if (p.ok) view.set(r.incidentId, p.incident);
  }
  return view;
}
