// Several real consoles (composition roots, each on its own data folder) joined over one broker, and
// what tests compare between them: the projections and the event log, as digests.
import crypto from 'node:crypto';
import { createConsole, type LianqinConsole } from '../../electron/node/console/index';
import type { ReplicationMode } from '../../electron/node/replication/index';
import type { Db } from '../../native/sqlite/open';
import { tmpDir } from './tmp';

export interface ConsoleSpec {
  brokerUrl: string;
  mode: ReplicationMode;
  dataDir?: string;
  historyCount?: number;
  now?: () => number;
  answerTimeoutMs?: number;
  retryMs?: number;
  log?: (l: string) => void;
}

export async function startConsole(s: ConsoleSpec): Promise<LianqinConsole> {
  const c = createConsole({
    dataDir: s.dataDir ?? tmpDir('lianqin-repl-'),
    version: '0.0.0-test',
    log: s.log ?? (() => {}),
    now: s.now,
    brokerUrl: s.brokerUrl,
    simulateDocks: false,
    seed: { historyCount: s.historyCount ?? 0 },
    reports: { overBus: false },
    replication: { mode: s.mode, answerTimeoutMs: s.answerTimeoutMs ?? 3_000, retryMs: s.retryMs ?? 500 },
  });
  await c.ready;
  return c;
}

/** every projection, as a digest and a count (identical on every console once they agree) */
export function projectionDigest(db: Db): { incidents: number; digest: string } {
  const rows = db.prepare('SELECT id, version, state_json FROM incidents ORDER BY id').raw().all() as unknown[][];
  const h = crypto.createHash('sha256');
  for (const r of rows) h.update(`${r[0]}|${r[1]}|${r[2]}\n`);
  return { incidents: rows.length, digest: h.digest('hex').slice(0, 16) };
}

/** the event log by (incident, seq) with who recorded it: equal everywhere, no event twice */
export function eventDigest(db: Db): { events: number; digest: string; duplicates: number } {
  const rows = db
    .prepare(
      'SELECT incident_id, seq, event_id, console_id, console_seq FROM incident_events ORDER BY incident_id, seq',
    )
    .raw()
    .all() as unknown[][];
  const h = crypto.createHash('sha256');
  for (const r of rows) h.update(`${r.join('|')}\n`);
  const distinct = db.prepare('SELECT COUNT(DISTINCT event_id) FROM incident_events').pluck().get() as number;
  return { events: rows.length, digest: h.digest('hex').slice(0, 16), duplicates: rows.length - distinct };
}

export async function waitFor<T>(
  what: string,
  fn: () => T | Promise<T>,
  ok: (v: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
