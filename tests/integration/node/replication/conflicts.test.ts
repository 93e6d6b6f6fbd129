// Three consoles on Debian's mosquitto: the authority and two replicas. A new console learns the board;
// two or three officers acting on the same version from different consoles: exactly one wins on every
// console and the others are told who changed what and when; every projection ends identical.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LianqinConsole } from '../../../../electron/node/console/index';
import type { Actor, Command } from '../../../../electron/common/dispatch/types';
import { ServiceError } from '../../../../electron/common/errors';
import { replicationTopics } from '../../../../electron/common/replication/protocol';
import { eventDigest, officer, projectionDigest, report, startConsole, waitFor } from '../../../helpers/consoles';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { connect } from 'mqtt';

const missing = mosquittoMissing();
if (missing) console.warn(`skipped: ${missing}`);

describe.skipIf(!!missing)('several consoles, one board (mosquitto)', () => {
  let m: Mosquitto;
  let a: LianqinConsole;
  let b: LianqinConsole;
  let c: LianqinConsole;
  const all = () => [a, b, c];
  const converged = () =>
    waitFor(
      'every console to hold the same projections and events',
      () => all().map((x) => [projectionDigest(x.db).digest, eventDigest(x.db).digest].join('/')),
      (d) => d.every((x) => x === d[0]),
    );

  beforeAll(async () => {
    m = await startMosquitto();
    a = await startConsole({ brokerUrl: m.url, mode: 'authority', historyCount: 60 });
    [b, c] = await Promise.all([
      startConsole({ brokerUrl: m.url, mode: 'replica' }),
      startConsole({ brokerUrl: m.url, mode: 'replica' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    for (const x of [c, b, a]) await x?.close();
    await m?.stop();
  });

  it('a new console learns the board: the season, the open incidents retained on the broker', async () => {
    await converged();
    const p = projectionDigest(b.db);
    expect(p.incidents).toBe(60);
    expect(eventDigest(b.db).duplicates).toBe(0);
    expect(eventDigest(b.db).events).toBeGreaterThan(60);
    const status = await b.services.replication.status();
    expect(status).toMatchObject({ mode: 'replica', authorityId: a.id, behind: 0, pending: 0, conflicts: 0 });
    expect(await a.services.replication.status()).toMatchObject({ mode: 'authority', authorityId: a.id });
    // a plain MQTT client subscribing to the states gets every open incident, retained
    const open = (a.db.prepare('SELECT id FROM incidents WHERE open = 1').pluck().all() as string[]).sort();
    const seen = new Set<string>();
    const sub = connect(m.url, { protocolVersion: 4 });
    sub.on('message', (topic, payload, packet) => {
      if (packet.retain && JSON.parse(payload.toString()).id) seen.add(topic.split('/')[3]);
    });
    sub.subscribe(replicationTopics.state('+'));
    await waitFor(
      'retained states',
      () => seen.size,
      (n) => n >= open.length,
      10_000,
    );
    sub.end(true);
    expect(open.every((id) => seen.has(id))).toBe(true);
  }, 60_000);

  it('a report on a replica is decided by the authority and reaches every console once', async () => {
    const i = await b.services.dispatch.report(report(1));
    expect(i.version).toBe(1);
    expect(a.ledger.get(i.id)?.id).toBe(i.id);
    await waitFor(
      'C has it',
      () => c.ledger.get(i.id)?.version ?? 0,
      (v) => v === 1,
    );
    await converged();
    const outbox = await b.services.replication.outbox();
    expect(outbox.find((o) => o.incidentId === i.id)).toMatchObject({ state: 'done', kind: 'report' });
    // recorded by the authority, the audit names the console the officer acted at, on every console
    for (const x of all()) expect((await x.services.dispatch.get(i.id))!.audit[0].consoleId).toBe(b.id);
    const ack = await c.services.dispatch.act(i.id, 1, [{ type: 'acknowledge' }], officer('duty-c', '值班员丙'));
    expect(ack.lastActor).toMatchObject({ id: 'duty-c', consoleId: c.id });
    expect((await a.services.dispatch.get(i.id))!.audit.at(-1)).toMatchObject({ actorId: 'duty-c', consoleId: c.id });
  }, 30_000);

  it('concurrent conflicting commands: exactly one wins everywhere, the others name who, what and when', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) ids.push((await a.services.dispatch.report(report(100 + n))).id);
    await converged();
    const moves: [LianqinConsole, Actor, Command][] = [
      [a, officer('duty-a', '值班员甲'), { type: 'acknowledge' }],
      [b, officer('duty-b', '值班员乙'), { type: 'note', text: '乙：已电话联系报告人' }],
      [c, officer('duty-c', '值班员丙'), { type: 'cancel', reason: 'duplicate', note: '丙：与上一条重复' }],
    ];
    const outcomes = await Promise.all(
      ids.map((id) => Promise.allSettled(moves.map(([x, who, cmd]) => x.services.dispatch.act(id, 1, [cmd], who)))),
    );
    await converged();
    for (const [k, id] of ids.entries()) {
      const won = outcomes[k].filter((o) => o.status === 'fulfilled');
      const lost = outcomes[k].filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won, id).toHaveLength(1);
      expect(lost).toHaveLength(2);
      const winner = a.ledger.get(id)!;
      expect(winner.version).toBe(2);
      for (const l of lost) {
        const e = l.reason as ServiceError;
        expect(e.code).toBe('conflict');
        // who changed it, and when: what the board shows for a local conflict
        const cur = (e.details as { current: { lastActor: Actor; updatedAt: number; version: number } }).current;
        expect(cur.lastActor.id).toBe(winner.lastActor!.id);
        expect(cur.updatedAt).toBe(winner.updatedAt);
        expect(cur.version).toBe(2);
      }
      for (const x of all()) expect(x.ledger.get(id)).toEqual(winner);
    }
  }, 60_000);

  it("the roster is the authority's: an officer added there signs in at a replica, offline too", async () => {
    const admin = { id: 'admin', name: '管理员', role: 'admin' as const };
    const password = 'night shift 2026';
    await a.officers.service.upsertOfficer({ id: 'duty-09', name: '值班员玖', role: 'officer', password }, admin);
    await waitFor(
      'B has the account',
      () => b.officers.repo.get('duty-09')?.hasPassword ?? false,
      (x) => x,
      10_000,
    );
    const s = await b.officers.service.authenticate('duty-09', password, 'test');
    expect(s.officer).toMatchObject({ id: 'duty-09', role: 'officer' });
    await expect(b.officers.service.authenticate('duty-09', 'not the password', 'test')).rejects.toMatchObject({
      code: 'unauthorized',
    });
    // the replica's own one-time administrator credential is spent: the authority's administrator holds
    await waitFor(
      'B spent its credential',
      () => fs.existsSync(path.join(b.dataDir, 'initial-admin.json')),
      (x) => !x,
    );
    await expect(
      c.officers.service.upsertOfficer({ id: 'duty-10', name: '值班员拾', role: 'officer', password }, admin),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(a.id) });
    // deactivated at the centre: the replica ends the account's sessions and refuses it
    await a.officers.service.upsertOfficer({ id: 'duty-09', name: '值班员玖', role: 'officer', active: false }, admin);
    await waitFor(
      'B deactivated it',
      () => b.officers.repo.get('duty-09')?.active,
      (x) => x === false,
      10_000,
    );
    expect(b.officers.repo.session(s.token)).toBeNull();
  }, 30_000);

  it('a request sent twice is answered twice the same way and applied once', async () => {
    const id = (await a.services.dispatch.report(report(200))).id;
    await converged();
    const req = {
      kind: 'act' as const,
      requestId: 'dup-test-0001',
      origin: b.id,
      incidentId: id,
      expectedVersion: 1,
      commands: [{ type: 'acknowledge' as const }],
      actor: officer('duty-b', '值班员乙'),
      at: Date.now(),
    };
    const first = a.replication.authority!.answer(req);
    const second = a.replication.authority!.answer(req);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(a.ledger.get(id)!.version).toBe(2);
    await converged();
  }, 30_000);
});
