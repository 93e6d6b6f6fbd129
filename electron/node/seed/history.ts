// Loads the generated season of incidents through the ledger itself (every command judged by the
// same rules), in a few large transactions with progress.
import type { Actor } from '../../common/dispatch/types';
import { generateIncidents } from '../../../seeds/generate/incidents';
import type { Ledger } from '../dispatch/ledger';

const OFFICER: Actor = { id: 'seed-officer', name: '联勤值班员（历史）', role: 'officer' };
const LEADER: Actor = { id: 'seed-leader', name: '区领导（历史）', role: 'leader' };

export interface HistoryOptions {
  count?: number;
  start: number;
  onProgress?: (done: number, total: number) => void;
  pause?: () => Promise<void>;
  /** chunks already committed by an earlier, interrupted start (events are append-only: never redo them) */
  fromChunk?: number;
  /** called inside each chunk's transaction, so the resume mark commits with the chunk */
  markChunk?: (chunkIndex: number) => void;
}

export const HISTORY_CHUNK = 1_000;

export async function loadHistory(
  ledger: Ledger,
  opts: HistoryOptions,
): Promise<{ incidents: number; commands: number; rejected: number }> {
  const items = generateIncidents(opts.count ?? 12_000, 1510, opts.start);
  let commands = 0,
    rejected = 0;
  const chunk = HISTORY_CHUNK;
  for (let i = (opts.fromChunk ?? 0) * chunk; i < items.length; i += chunk) {
    ledger.batch(() => {
      opts.markChunk?.(i / chunk + 1);
      for (const h of items.slice(i, i + chunk)) {
        let inc = ledger.report(h.report, OFFICER, h.reportedAt);
        for (const s of h.steps) {
          const actor: Actor =
            s.by === 'officer'
              ? OFFICER
              : s.by === 'leader'
                ? LEADER
                : {
                    id: `liaison-${inc.leadDepartmentId}`,
                    name: `${inc.leadDepartmentId} 联络员`,
                    role: 'department',
                    departmentId: inc.leadDepartmentId ?? undefined,
                  };
          const cmd =
            s.command.type === 'triage'
              ? { type: 'triage' as const, grade: inc.suggestedGrade, tier: inc.tier }
              : s.command;
          const r = ledger.command(inc.id, inc.version, actor, cmd, h.reportedAt + s.afterMs);
          commands++;
          if (!r.ok) {
            rejected++;
            break;
          }
          inc = r.incident;
        }
      }
    });
    opts.onProgress?.(Math.min(items.length, i + chunk), items.length);
    await opts.pause?.();
  }
  return { incidents: items.length, commands, rejected };
}

/** Loads the season once; resumes an interrupted load from its last committed chunk. */
export async function ensureHistory(
  db: import('../../../native/sqlite/open').Db,
  ledger: Ledger,
  opts: Omit<HistoryOptions, 'fromChunk' | 'markChunk' | 'start'> & { end?: number },
): Promise<{ loaded: boolean }> {
  const meta = (k: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(k) as string | undefined;
  const set = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  if (meta('history.complete') === '1') return { loaded: false };
  // the season ends at the first start (fixed then, so a resumed load continues the same season)
  let start = Number(meta('history.start'));
  if (!Number.isFinite(start) || start <= 0) {
    start = (opts.end ?? Date.now()) - 92 * 86_400_000;
    set.run('history.start', String(start));
  }
  const fromChunk = Number(meta('history.chunks') ?? 0);
  await loadHistory(ledger, { ...opts, start, fromChunk, markChunk: (k) => set.run('history.chunks', String(k)) });
  set.run('history.complete', '1');
  return { loaded: true };
}
