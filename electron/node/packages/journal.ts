// Dispatch work across packages. Out: the laptop's journal — the events this console accepted itself
// since it took in its first area package (new incidents, notes, commands), each with its event id,
// console id and console sequence. In: events applied through the ledger's replication entry
// (Ledger.applyRemote: exactly once by console and sequence, in order per incident, through the same
// domain code as local commands); an incident whose copy here moved on since the package was made is
// not touched, and each of its commands is reported as a conflict by name.
import type { Db } from '../../../native/sqlite/open';
import type { Incident, IncidentEvent } from '../../common/dispatch/types';
import type { PackageConflict } from '../../common/tiles/manifest';

export interface LedgerPort {
  get(id: string): Incident | null;
  seqOf(consoleId: string): number;
  eventsAfter(consoleId: string, after: number, limit: number): IncidentEvent[];
  applyRemote(events: IncidentEvent[]): { applied: Incident[]; duplicates: number };
}

export interface ApplyResult {
  applied: number;
  already: number;
  newIncidents: number;
  conflicts: PackageConflict[];
  changed: Incident[];
}

const commandOf = (e: IncidentEvent) => e.event.type;

export function applyEvents(
  db: Db,
  ledger: LedgerPort,
  events: IncidentEvent[],
  about: (incidentId: string) => { ref: string | null; title: string | null },
): ApplyResult {
  const has = db.prepare('SELECT 1 FROM incident_events WHERE console_id = ? AND console_seq = ?').pluck();
  const groups = new Map<string, IncidentEvent[]>();
  for (const e of events) groups.set(e.incidentId, [...(groups.get(e.incidentId) ?? []), e]);
  const out: ApplyResult = { applied: 0, already: 0, newIncidents: 0, conflicts: [], changed: [] };
  for (const [incidentId, list] of groups) {
    list.sort((a, b) => a.seq - b.seq);
    const before = ledger.get(incidentId);
    try {
      const r = ledger.applyRemote(list);
      out.applied += list.length - r.duplicates;
      out.already += r.duplicates;
      if (!before && r.applied.length) out.newIncidents++;
      out.changed.push(...r.applied);
    } catch {
      const fresh = list.filter((e) => !has.get(e.consoleId, e.consoleSeq));
      out.already += list.length - fresh.length;
      const known = about(incidentId);
      const from = fresh[0]?.seq ?? 0;
      const reason = !before
        ? 'the incident is not on this console (its report came in no package here)'
        : `this console's copy changed after the package was made (here at version ${before.version}, ` +
          `the package continues from version ${from - 1}); redo it on the current incident`;
      for (const e of fresh) {
        out.conflicts.push({
          incidentId,
          ref: before?.ref ?? known.ref,
          title: before?.report.title ?? known.title,
          command: commandOf(e),
          officer: e.actor.name,
          reason,
        });
      }
    }
  }
  return out;
}

/** This console's own events after `fromSeq` (its journal), in the order it accepted them. */
export function journalSince(ledger: LedgerPort, consoleId: string, fromSeq: number): IncidentEvent[] {
  const out: IncidentEvent[] = [];
  for (let after = fromSeq; ;) {
    const page = ledger.eventsAfter(consoleId, after, 5_000);
    out.push(...page);
    if (page.length < 5_000) return out;
    after = page[page.length - 1].consoleSeq;
  }
}
