// Dispatch ledger: command throughput (each command its own durable transaction, as in production)
// vs raw SQLite inserts of the same payloads with the same pragmas; projection rebuild of 100k+
// events vs merely reading and parsing them.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Actor } from '../../electron/common/dispatch/types';
import { loadHistory } from '../../electron/node/seed/history';
import { seededServices } from '../helpers/ledger';
import { tmpDir } from '../helpers/tmp';
import { line, median } from './stats';

const officer: Actor = { id: 'bench', name: '基准', role: 'officer' };
const liaison = (departmentId: string): Actor => ({
  id: `bench-${departmentId}`,
  name: '联络员',
  role: 'department',
  departmentId,
});

export async function benchLedger(incidents = 400) {
  const { ledger, db } = await seededServices();
  const T = Date.UTC(2026, 9, 1);
  // ledger: report + 7 commands per incident, one transaction each
  const perCmd: number[] = [];
  const raw = new Database(path.join(tmpDir(), 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(
    `CREATE TABLE e (incident_id TEXT, seq INTEGER, at INTEGER, actor_json TEXT, type TEXT, event_json TEXT,
       PRIMARY KEY (incident_id, seq)) WITHOUT ROWID`,
  );
  const ins = raw.prepare('INSERT INTO e VALUES (?,?,?,?,?,?)');
  // the raw insert of the same payload right after each command, so both see the same moment of the disk
  const perRaw: number[] = [];
  const rawInsert = (payload: string) => {
    const t0 = performance.now();
    raw.transaction(() => ins.run(`I${perRaw.length}`, 1, perRaw.length, JSON.stringify(officer), 'x', payload))();
    perRaw.push(performance.now() - t0);
  };
  for (let k = 0; k < incidents; k++) {
    let t0 = performance.now();
    let i = ledger.report(
      {
        source: 'grid',
        title: `积水 ${k}`,
        description: '下穿道路积水约三十厘米，车辆涉水',
        lon: 106.45,
        lat: 29.56,
        reporter: '网格员',
      },
      officer,
      T + k,
    );
    perCmd.push(performance.now() - t0);
    rawInsert(JSON.stringify(i.report));
    for (const c of [
      { type: 'triage', grade: i.suggestedGrade, tier: i.tier },
      { type: 'dispatch', leadDepartmentId: i.leadDepartmentId ?? 'urban', assistDepartmentIds: [] },
      { type: 'accept', departmentId: i.leadDepartmentId ?? 'urban' },
      { type: 'arrive' },
      { type: 'attach', evidence: { id: `ev-${k}`, kind: 'note', name: '现场记录', note: '积水已抽排' } },
      { type: 'resolve', summary: '已抽排积水并设置警示', evidenceIds: [`ev-${k}`] },
      { type: 'verify', passed: true },
    ] as const) {
      // the lead department's liaison accepts, arrives, attaches evidence and resolves; the duty officer does the rest
      const dept = i.leadDepartmentId ?? 'urban';
      const who = ['accept', 'arrive', 'attach', 'resolve'].includes(c.type) ? liaison(dept) : officer;
      t0 = performance.now();
      const r = ledger.command(i.id, i.version, who, c as never, T + k + 1);
      perCmd.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.reason);
      i = r.incident;
      rawInsert(JSON.stringify(c));
    }
  }
  raw.close();
  const cmd = median(perCmd),
    base = median(perRaw);
  line('ledger.command', cmd, base, 'ms', {
    note:
      `median per command over ${perCmd.length} commands (${Math.round(1000 / cmd)}/s) vs raw single-row durable ` +
      `inserts (${Math.round(1000 / base)}/s), each right after a command; WAL, synchronous=FULL`,
  });

  // rebuild: load a season so there are 100k+ events
  await loadHistory(ledger, { count: 13_500, start: T });
  const events = db.prepare('SELECT COUNT(*) FROM incident_events').pluck().get() as number;
  const t1 = performance.now();
  ledger.rebuildProjections();
  const rebuild = performance.now() - t1;
  const t2 = performance.now();
  let n = 0;
  for (const r of db
    .prepare('SELECT actor_json, event_json FROM incident_events ORDER BY incident_id, seq')
    .raw()
    .all() as [string, string][]) {
    JSON.parse(r[0]);
    JSON.parse(r[1]);
    n++;
  }
  const read = performance.now() - t2;
  db.close();
  return line('ledger.rebuild', rebuild, read, 'ms', {
    note: `${events} events (${n} read) → projections; baseline = reading and parsing the same events only`,
  });
}
