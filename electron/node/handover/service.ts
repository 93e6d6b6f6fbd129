// Shift handover: at each shift change (08:00 and 20:00 China time by default) the report is made and kept
// as it stood; the incoming officer accepts it once (who and when are recorded, never rewritten). A report
// for any other moment is built on request. Rendered as JSON, HTML, or PDF (pdf.ts).
import type { Db } from '../../../native/sqlite/open';
import type { Actor } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import type { IdSource } from '../../common/ids';
import { lastShiftChange, nextShiftChange, shiftEndingAt } from '../../common/handover/shifts';
import type { HandoverRecord, HandoverReport } from '../../common/handover/types';
import type { EventSource } from '../../common/contract';
import type { IHandoverService } from '../../common/contract/handover';
import { CONSOLE_OFFICER } from '../dispatch/actors';
import { Emitter } from '../events';
import { buildHandoverReport, type HandoverSources } from './builder';

export interface HandoverDeps {
  db: Db;
  ids: IdSource;
  now: () => number;
  sources: HandoverSources;
  /** shift changes in minutes after midnight, China time */
  changes: readonly number[];
  sessionActor?: () => Actor | undefined;
  log?: (line: string) => void;
}

interface Row {
  id: string;
  shift_start: number;
  at: number;
  report_json: string;
  created_at: number;
  accepted_at: number | null;
  accepted_by_json: string | null;
  note: string | null;
}

const toRecord = (r: Row): HandoverRecord => ({
  id: r.id,
  at: r.at,
  shiftStart: r.shift_start,
  createdAt: r.created_at,
  acceptedAt: r.accepted_at,
  acceptedBy: r.accepted_by_json ? JSON.parse(r.accepted_by_json) : null,
  note: r.note,
});

export class HandoverService implements IHandoverService {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly due = new Emitter<HandoverRecord>();
  readonly onDidDue: EventSource<HandoverRecord> = this.due.event;

  constructor(private readonly d: HandoverDeps) {}

  private row(id: string): Row | undefined {
    return this.d.db.prepare('SELECT * FROM handovers WHERE id = ?').get(id) as Row | undefined;
  }

  async list(limit = 30): Promise<HandoverRecord[]> {
    return (this.d.db.prepare('SELECT * FROM handovers ORDER BY at DESC LIMIT ?').all(limit) as Row[]).map(toRecord);
  }

  /** The report of the shift ending at `at` (default now): the one kept at that change, else built now. */
  async report(at?: number): Promise<{ report: HandoverReport; record: HandoverRecord | null }> {
    const now = this.d.now();
    const when = at ?? now;
    const kept = this.d.db.prepare('SELECT * FROM handovers WHERE at = ?').get(when) as Row | undefined;
    if (kept) return { report: JSON.parse(kept.report_json) as HandoverReport, record: toRecord(kept) };
    const { start } = shiftEndingAt(when, this.d.changes);
    return { report: await buildHandoverReport(this.d.sources, start, when, now), record: null };
  }

  /** Makes and keeps the report for the change at `at` (once; a second call returns the first). */
  async makeAt(at: number): Promise<HandoverRecord> {
    const existing = this.d.db.prepare('SELECT * FROM handovers WHERE at = ?').get(at) as Row | undefined;
    if (existing) return toRecord(existing);
    const { start } = shiftEndingAt(at, this.d.changes);
    const now = this.d.now();
    const report = await buildHandoverReport(this.d.sources, start, at, now);
    const id = this.d.ids.next(at);
    this.d.db
      .prepare('INSERT OR IGNORE INTO handovers (id, shift_start, at, report_json, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, start, at, JSON.stringify(report), now);
    const rec = toRecord(this.d.db.prepare('SELECT * FROM handovers WHERE at = ?').get(at) as Row);
    this.due.fire(rec);
    return rec;
  }

  async accept(id: string, note?: string, actor?: Actor): Promise<HandoverRecord> {
    const r = this.row(id);
    if (!r) throw new ServiceError('not-found', `no handover ${id}`);
    if (r.accepted_at !== null) {
      const by = r.accepted_by_json ? (JSON.parse(r.accepted_by_json) as Actor).name : '';
      throw new ServiceError('conflict', `the handover was accepted already by ${by}`, { acceptedAt: r.accepted_at });
    }
    const who = this.d.sessionActor?.() ?? actor ?? CONSOLE_OFFICER;
    this.d.db
      .prepare('UPDATE handovers SET accepted_at = ?, accepted_by_json = ?, note = ? WHERE id = ?')
      .run(this.d.now(), JSON.stringify(who), note?.trim() || null, id);
    this.d.log?.(`[handover] ${id} accepted by ${who.name}`);
    return toRecord(this.row(id)!);
  }

  /** Catches up a change missed while the console was off, then waits for the next one. */
  start(): void {
    const now = this.d.now();
    const last = lastShiftChange(now, this.d.changes);
    void this.makeAt(last).catch((e) => this.d.log?.(`[handover] report at ${last} failed: ${(e as Error).message}`));
    this.schedule();
  }

  private schedule(): void {
    const now = this.d.now();
    const next = nextShiftChange(now, this.d.changes);
    this.timer = setTimeout(
      () => {
        void this.makeAt(next)
          .catch((e) => this.d.log?.(`[handover] report at ${next} failed: ${(e as Error).message}`))
          .finally(() => this.timer !== null && this.schedule());
      },
      Math.min(next - now, 2 ** 31 - 1),
    );
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
