// A laptop that drops off: cut from the broker for a simulated 10 minutes, it keeps working on its
// replica (50 reports and commands into its outbox, shown as not yet sent) while another console
// changes some of the same incidents; back online, the outbox goes in order, the stale commands come
// back as conflicts for its officer, and every console ends with the same projections — nothing
// lost, nothing applied twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LianqinConsole } from '../../../../electron/node/console/index';
import { eventDigest, officer, projectionDigest, report, startConsole, waitFor } from '../../../helpers/consoles';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { startNetCut, type NetCut } from '../../../helpers/netCut';

const missing = mosquittoMissing();
if (missing) console.warn(`skipped: ${missing}`);

describe.skipIf(!!missing)('an offline laptop (mosquitto, a cut network)', () => {
  let m: Mosquitto;
  let net: NetCut;
  let a: LianqinConsole;
  let laptop: LianqinConsole;
  let c: LianqinConsole;
  // one clock for the whole centre, moved on by hand: ten minutes pass in seconds
  let skew = 0;
  const now = () => Date.now() + skew;

  beforeAll(async () => {
    m = await startMosquitto();
    net = await startNetCut(m.port);
    a = await startConsole({ brokerUrl: m.url, mode: 'authority', now });
    laptop = await startConsole({ brokerUrl: net.url, mode: 'replica', now });
    c = await startConsole({ brokerUrl: m.url, mode: 'replica', now });
  }, 120_000);
  afterAll(async () => {
    for (const x of [c, laptop, a]) await x?.close();
    await net?.close();
    await m?.stop();
  });

  it('works through 10 minutes offline and converges without loss, duplicates or silent conflicts', async () => {
    const existing: string[] = [];
    for (let n = 0; n < 10; n++) existing.push((await a.services.dispatch.report(report(300 + n))).id);
    await waitFor(
      'the laptop has the board',
      () => laptop.ledger.get(existing[9])?.version ?? 0,
      (v) => v === 1,
    );

    net.cut();
    await waitFor(
      'the laptop to notice',
      () => laptop.replication.client.connected,
      (x) => !x,
      10_000,
    );
    const fieldOfficer = { id: 'field-1', name: '现场指挥员', role: 'field' as const };
    const mine: string[] = [];
    const t0 = Date.now();
    // 20 reports, 20 acknowledgements of them, 10 notes on incidents the centre holds: 50 commands
    for (let n = 0; n < 20; n++) {
      skew += 12_000;
      const i = await laptop.services.dispatch.report(report(400 + n, '磁器口'));
      mine.push(i.id);
    }
    for (const id of mine) {
      skew += 12_000;
      const shown = await laptop.services.dispatch.get(id);
      expect(shown?.pending).toBe(true);
      await laptop.services.dispatch.act(id, shown!.version, [{ type: 'acknowledge' }], officer('duty-l', '值班员丁'));
    }
    for (const id of existing) {
      skew += 12_000;
      await laptop.services.dispatch.act(id, 1, [{ type: 'note', text: '现场：已到达外围' }], fieldOfficer);
    }
    expect(Date.now() - t0).toBeLessThan(60_000); // nobody waited for an absent authority
    expect(skew).toBe(600_000);
    // meanwhile the centre changes five of the same incidents
    for (const id of existing.slice(0, 5)) {
      await c.services.dispatch.act(id, 1, [{ type: 'acknowledge' }], officer('duty-c', '值班员丙'));
    }

    // the laptop's board: its own reports, acknowledged, marked as not yet sent
    const board = await laptop.services.dispatch.board({});
    const pendingRows = board.items.filter((r) => r.pending);
    expect(pendingRows.map((r) => r.id).sort()).toEqual([...mine, ...existing].sort());
    expect(pendingRows.find((r) => r.id === mine[0])?.version).toBe(2);
    expect(pendingRows.find((r) => r.id === mine[0])?.acknowledgedAt).not.toBeNull();
    const offline = await laptop.services.replication.status();
    expect(offline).toMatchObject({ connected: false, pending: 50, conflicts: 0 });
    expect(offline.oldestPendingAt).not.toBeNull();
    expect(a.ledger.get(mine[0])).toBeNull(); // nothing reached the centre

    net.restore();
    const after = await waitFor(
      'the outbox to be sent',
      () => laptop.services.replication.status(),
      (s) => s.connected && s.pending === 0,
      60_000,
    );
    expect(after.conflicts).toBe(5);
    const outbox = await laptop.services.replication.outbox();
    const refused = outbox.filter((o) => o.state === 'conflict');
    expect(refused.map((o) => o.incidentId).sort()).toEqual(existing.slice(0, 5).sort());
    for (const o of refused) {
      expect(o.error?.code).toBe('conflict');
      const cur = (o.error?.details as { current: { lastActor: { id: string } } }).current;
      expect(cur.lastActor.id).toBe('duty-c'); // who changed it meanwhile
    }
    expect(outbox.filter((o) => o.state === 'done')).toHaveLength(45);

    await waitFor(
      'every console to agree',
      () => [a, laptop, c].map((x) => `${projectionDigest(x.db).digest}/${eventDigest(x.db).digest}`),
      (d) => d.every((x) => x === d[0]),
    );
    for (const x of [a, laptop, c]) {
      expect(projectionDigest(x.db).incidents).toBe(30);
      expect(eventDigest(x.db).duplicates).toBe(0);
    }
    // the laptop's reports exist once, acknowledged, under the ids it gave them offline
    for (const id of mine) expect(a.ledger.get(id)).toMatchObject({ id, version: 2 });
    // the five untouched incidents carry the field note; the five changed ones only the centre's acknowledgement
    for (const id of existing.slice(5))
      expect(a.ledger.timeline(id).map((e) => e.event.type)).toEqual(['reported', 'note']);
    for (const id of existing.slice(0, 5)) expect(a.ledger.get(id)!.lastActor?.id).toBe('duty-c');
    // the officer has seen the refusals
    for (const o of refused) await laptop.services.replication.dismiss(o.requestId);
    expect((await laptop.services.replication.status()).conflicts).toBe(0);
    await expect(laptop.services.replication.dismiss('no-such-request')).rejects.toMatchObject({ code: 'not-found' });
  }, 180_000);
});
