// Outages on a real broker: Debian's mosquitto stopped for 60 s while reports keep arriving at all
// three consoles, and consoles killed (SIGKILL) and restarted — a replica mid-stream, then the
// authority while a replica waits for answers. Afterwards every console holds the same projections
// and the same event log, with no event lost or applied twice.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { LianqinConsole } from '../../../../electron/node/console/index';
import {
  eventDigest,
  openReadonly,
  projectionDigest,
  report,
  spawnConsole,
  startConsole,
  waitFor,
  type ChildConsole,
} from '../../../helpers/consoles';
import { mosquittoMissing, startMosquitto } from '../../../helpers/mosquitto';
import { tmpDir } from '../../../helpers/tmp';

const missing = mosquittoMissing();
if (missing) console.warn(`skipped: ${missing}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** projections and events of a console in another process, read from its store */
function digestOf(dataDir: string) {
  const db = openReadonly(dataDir);
  try {
    return { ...projectionDigest(db), events: eventDigest(db) };
  } finally {
    db.close();
  }
}
const digestIn = (db: LianqinConsole['db']) => ({ ...projectionDigest(db), events: eventDigest(db) });
const key = (d: ReturnType<typeof digestIn>) => `${d.digest}/${d.events.digest}`;

describe.skipIf(!!missing)('outages (mosquitto)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const f of closers.reverse()) await f().catch(() => {});
  });

  it('a broker stopped for 60 s while reports keep arriving: nothing lost, nothing twice', async () => {
    const m = await startMosquitto();
    closers.push(() => m.stop());
    const a = await startConsole({ brokerUrl: m.url, mode: 'authority', historyCount: 20 });
    const b = await startConsole({ brokerUrl: m.url, mode: 'replica' });
    const c = await startConsole({ brokerUrl: m.url, mode: 'replica' });
    closers.push(
      () => a.close(),
      () => b.close(),
      () => c.close(),
    );
    await waitFor(
      'replicas caught up',
      () => [b, c].map((x) => projectionDigest(x.db).incidents),
      (n) => n.every((x) => x === 20),
    );

    await m.stop();
    const taken: string[] = [];
    const started = Date.now();
    for (let n = 0; Date.now() - started < 60_000; n++) {
      const got = await Promise.all([a, b, c].map((x, k) => x.services.dispatch.report(report(500 + n * 3 + k))));
      taken.push(...got.map((i) => i.id));
      await sleep(5_000);
    }
    expect(taken.length).toBeGreaterThanOrEqual(33);
    const cut = await b.services.replication.status();
    expect(cut.connected).toBe(false);
    expect(cut.pending).toBe(taken.length / 3);

    await m.start(); // a fresh broker on the same port: no sessions, no retained messages
    await waitFor(
      'every console to agree after the outage, outboxes sent',
      async () => [
        ...[a, b, c].map((x) => key(digestIn(x.db))),
        ...(await Promise.all([b, c].map((x) => x.services.replication.status()))).map((s) => s.pending),
      ],
      (d) => d.slice(0, 3).every((x) => x === d[0]) && d[3] === 0 && d[4] === 0,
      90_000,
    );
    for (const x of [a, b, c]) {
      expect(projectionDigest(x.db).incidents).toBe(20 + taken.length);
      expect(eventDigest(x.db).duplicates).toBe(0);
    }
    for (const id of taken) expect(a.ledger.get(id)?.version).toBe(1);
    for (const x of [b, c])
      expect(await x.services.replication.status()).toMatchObject({ pending: 0, conflicts: 0, behind: 0 });
  }, 240_000);

  it('a replica and then the authority killed and restarted: the board converges', async () => {
    const m = await startMosquitto();
    closers.push(() => m.stop());
    const spec = { brokerUrl: m.url, answerTimeoutMs: 2_000, retryMs: 500 };
    const aDir = tmpDir('lianqin-auth-');
    const cDir = tmpDir('lianqin-repc-');
    closers.push(async () => [aDir, cDir].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    let a: ChildConsole = await spawnConsole({ ...spec, mode: 'authority', dataDir: aDir, historyCount: 30 });
    closers.push(() => a.kill('SIGTERM'));
    let c: ChildConsole = await spawnConsole({ ...spec, mode: 'replica', dataDir: cDir });
    closers.push(() => c.kill('SIGTERM'));
    const b = await startConsole({ ...spec, mode: 'replica' });
    closers.push(() => b.close());
    await waitFor(
      'B and C caught up',
      () => [key(digestIn(b.db)), key(digestOf(cDir))],
      (d) => d[0] === key(digestOf(aDir)) && d[1] === d[0],
    );

    // the replica C dies mid-stream and comes back
    const sent: string[] = [];
    const stream = (async () => {
      for (let n = 0; n < 10; n++) {
        sent.push((await b.services.dispatch.report(report(700 + n))).id);
        await sleep(150);
      }
    })();
    await sleep(400);
    await c.kill('SIGKILL');
    await stream;
    c = await spawnConsole({ ...spec, mode: 'replica', dataDir: cDir });
    await waitFor(
      'C caught up after its restart',
      () => key(digestOf(cDir)),
      (d) => d === key(digestOf(aDir)),
      60_000,
    );
    expect(digestOf(cDir).incidents).toBe(40);

    // the authority dies while B's officers keep reporting: B keeps them and sends them when it is back
    await a.kill('SIGKILL');
    const late = await Promise.all([0, 1, 2, 3, 4].map((n) => b.services.dispatch.report(report(800 + n))));
    expect((await b.services.replication.status()).pending).toBe(5);
    a = await spawnConsole({ ...spec, mode: 'authority', dataDir: aDir });
    await waitFor(
      'every console to agree after the authority came back, the outbox of B sent',
      async () => [
        key(digestOf(aDir)),
        key(digestIn(b.db)),
        key(digestOf(cDir)),
        (await b.services.replication.status()).pending,
      ],
      (d) => d[0] === d[1] && d[1] === d[2] && d[3] === 0,
      60_000,
    );
    const final = digestOf(aDir);
    expect(final.incidents).toBe(45);
    expect(final.events.duplicates).toBe(0);
    for (const i of [...sent, ...late.map((x) => x.id)]) expect(b.ledger.get(i)?.version).toBe(1);
    expect(await b.services.replication.status()).toMatchObject({ pending: 0, conflicts: 0, behind: 0 });
  }, 240_000);
});
