// Several real consoles (composition roots, each on its own data folder) joined over one broker, and
// what tests compare between them: the projections and the event log, as digests.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createConsole, type LianqinConsole } from '../../electron/node/console/index';
import type { ReplicationMode } from '../../electron/node/replication/index';
import type { Actor, IncidentReport } from '../../electron/common/dispatch/types';
import type { Db } from '../../native/sqlite/open';
import { ROOT, tmpDir } from './tmp';

export const officer = (id: string, name: string): Actor => ({ id, name, role: 'officer' });

/** a report in the district, numbered so tests can tell them apart */
export const report = (n: number, where = '石井坡街道'): IncidentReport => ({
  source: 'officer',
  title: `测试事件 ${n}`,
  description: `${where}路口积水约30厘米，影响通行（第${n}号）`,
  lon: 106.45 + (n % 10) * 0.002,
  lat: 29.56 + (n % 7) * 0.002,
});

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

/** A console joined to the broker; a data folder this made is removed when it closes. */
export async function startConsole(s: ConsoleSpec): Promise<LianqinConsole> {
  const dataDir = s.dataDir ?? tmpDir('lianqin-repl-');
  const c = createConsole({
    dataDir,
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
  if (s.dataDir) return c;
  const close = c.close.bind(c);
  return Object.assign(c, {
    async close() {
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
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

export interface ChildConsole {
  id: string;
  dataDir: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A console in its own process on `dataDir` (restart it by calling this again with the same folder). */
export async function spawnConsole(spec: ConsoleSpec & { dataDir: string }): Promise<ChildConsole> {
  // a clock cannot cross a process boundary: the child reads its own
  const { log, now: _now, ...plain } = spec;
  // one process (not the tsx wrapper, which would leave its child running after a SIGKILL)
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tests/helpers/consoleChild.ts'), JSON.stringify(plain)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
    log?.(d.toString().trimEnd());
  });
  const id = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`console child did not start in 60 s: ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\w+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`console child exited with ${code}: ${err}`));
    });
  });
  return {
    id,
    dataDir: spec.dataDir,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        child.once('exit', () => r());
        child.kill(signal);
      }),
  };
}

/** a console's store read from outside its process (WAL lets a reader in while it writes) */
export function openReadonly(dataDir: string): Db {
  return new Database(path.join(dataDir, 'lianqin.sqlite'), { readonly: true }) as unknown as Db;
}
