// First start, in order: reference data and risk map, then a season of historical incidents, each
// with progress; 'ready' only when both are there. Later starts pass straight through. This folder
// is the only part of node/ that reads seeds/.
import type { Db } from '../../../native/sqlite/open';
import type { SeedProgress } from '../../common/dto';
import type { Ledger } from '../dispatch/ledger';
import { ensureHistory } from './history';
import { ensureSeeded, type SeedOptions } from './loader';

export interface BootOptions extends SeedOptions {
  /** incidents in the generated season (0 = none) */
  historyCount?: number;
}

export interface BootDeps {
  db: Db;
  ledger: Ledger;
  /** reference data was (re)written: caches built from it are stale */
  onReseeded: () => void;
  /** the console's clock: the season of history ends at the first start */
  now: () => number;
}

export async function bootStore(deps: BootDeps, opts: BootOptions = {}): Promise<{ seeded: boolean; ms: number }> {
  const emit = opts.onProgress ?? (() => {});
  const t0 = performance.now();
  const r = await ensureSeeded(deps.db, {
    ...opts,
    onProgress: (p) => {
      if (p.phase !== 'ready') emit(p);
    },
  });
  if (r.seeded) deps.onReseeded();
  const count = opts.historyCount ?? 12_000;
  if (count > 0) {
    await ensureHistory(deps.db, deps.ledger, {
      count,
      end: deps.now(),
      pause: opts.pause ?? (() => new Promise<void>((res) => setImmediate(res))),
      onProgress: (done, total) => emit({ phase: 'seeding', step: 'incidents', done, total } satisfies SeedProgress),
    });
  }
  emit({ phase: 'ready', step: 'done', done: 1, total: 1 });
  return { seeded: r.seeded, ms: performance.now() - t0 };
}
