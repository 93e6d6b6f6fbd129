// Seed load time: the full first-start seed (generate + insert + R*Trees + FTS) vs raw inserts of the
// same rows into bare tables, in the same run.
import Database from 'better-sqlite3';
import path from 'node:path';
import { ensureSeeded } from '../../electron/node/seed/loader';
import { openStore } from '../../native/sqlite/open';
import { buildSeed } from '../../seeds/generate/index';
import { tmpDir } from '../helpers/tmp';
import { line, median } from './stats';

export async function benchSeed(runs = 3) {
  const seeded: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < runs; r++) {
    const db = openStore(path.join(tmpDir(), 'seed.sqlite'));
    const t0 = performance.now();
    await ensureSeeded(db, { pause: async () => {} });
    seeded.push(performance.now() - t0);
    db.close();

    const t1 = performance.now();
    const b = buildSeed();
    const bare = new Database(path.join(tmpDir(), 'raw.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.exec(
      `CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT, c INTEGER, level TEXT, town TEXT, address TEXT, lon REAL,
         lat REAL, s TEXT, plan TEXT);
       CREATE TABLE c (id TEXT, name TEXT, kind TEXT, mount TEXT, status TEXT, town TEXT, lon REAL, lat REAL, m TEXT,
         sub TEXT)`,
    );
    const ip = bare.prepare('INSERT INTO p VALUES (?,?,?,?,?,?,?,?,?,?)');
    const ic = bare.prepare('INSERT INTO c VALUES (?,?,?,?,?,?,?,?,?,?)');
    bare.transaction(() => {
      for (const p of b.riskPoints)
        ip.run(
          p.id,
          p.name,
          p.categoryId,
          p.level,
          p.townCode,
          p.address,
          p.lon,
          p.lat,
          JSON.stringify(p.sensorIds),
          p.planId,
        );
      for (const c of b.cameras)
        ic.run(c.id, c.name, c.kind, c.mount, c.status, c.townCode, c.lon, c.lat, c.mainStreamUrl, c.subStreamUrl);
    })();
    raw.push(performance.now() - t1);
    bare.close();
  }
  return line('seed.load', median(seeded), median(raw), 'ms', {
    note: `median of ${runs}; baseline = generate + bare inserts of the same 23,566 rows without indexes, R*Tree or FTS`,
  });
}
