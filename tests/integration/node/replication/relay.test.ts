// Events that reach the authority other than by its own decision — a field package made by another
// console and taken in at the centre — reach every replica too: the one already connected (live) and
// one that joins afterwards (catch-up from the authority's log), each exactly once.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsole, type LianqinConsole } from '../../../../electron/node/console/index';
import { eventDigest, projectionDigest, startConsole, waitFor } from '../../../helpers/consoles';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { tmpDir } from '../../../helpers/tmp';

const missing = mosquittoMissing();
if (missing) console.warn(`skipped: ${missing}`);

describe.skipIf(!!missing)('a field package taken in at the authority reaches the replicas', () => {
  let m: Mosquitto;
  let a: LianqinConsole;
  let b: LianqinConsole;
  let late: LianqinConsole | null = null;
  let field: LianqinConsole;
  const fieldDir = tmpDir('lianqin-relay-field-');

  const converged = (xs: LianqinConsole[]) =>
    waitFor(
      'the consoles to hold the same projections and events',
      () => xs.map((x) => [projectionDigest(x.db).digest, eventDigest(x.db).digest].join('/')),
      (d) => d.every((x) => x === d[0]),
    );

  beforeAll(async () => {
    m = await startMosquitto();
    a = await startConsole({ brokerUrl: m.url, mode: 'authority', historyCount: 20 });
    b = await startConsole({ brokerUrl: m.url, mode: 'replica' });
    // another centre (its own board, its own broker) makes a package around its incident
    field = createConsole({
      dataDir: fieldDir,
      version: '0.0.0-test',
      log: () => {},
      simulateDocks: false,
      seed: { historyCount: 0 },
      watch: { simulateSensors: false },
    });
    await field.ready;
  }, 120_000);
  afterAll(async () => {
    for (const x of [late, b, a, field]) await x?.close();
    await m?.stop();
    fs.rmSync(fieldDir, { recursive: true, force: true });
  });

  it('live to a connected replica, by catch-up to one that joins later; none twice', async () => {
    await converged([a, b]);
    const i = await field.services.dispatch.report({
      source: 'grid',
      title: '磁器口古镇游客拥挤',
      description: '磁器口古镇正街人流过密，出现推挤，请求疏导',
      lon: 106.4505,
      lat: 29.583,
      reporter: '网格员周敏',
    });
    await field.services.dispatch.command(i.id, i.version, { type: 'acknowledge' });
    const p = await field.services.fieldPackages.exportPackage({
      incidentId: i.id,
      radiusM: 1_000,
      minZoom: 12,
      maxZoom: 12,
    });
    const zip = fs.readFileSync(field.fieldPackages.service.file(p.id)!.path);

    const before = a.ledger.log.position;
    const r = await a.services.fieldPackages.importPackage(new Uint8Array(zip));
    expect(r.eventsApplied).toBeGreaterThanOrEqual(2);
    expect(a.ledger.log.position).toBe(before + r.eventsApplied);

    // the connected replica: live
    await converged([a, b]);
    expect(b.ledger.get(i.id)?.version).toBe(2);
    // the events keep their origin (the field console and its sequence), so a second copy is recognised
    const origin = b.db
      .prepare('SELECT DISTINCT console_id FROM incident_events WHERE incident_id = ?')
      .pluck()
      .all(i.id) as string[];
    expect(origin).toEqual([field.id]);

    // a replica that joins afterwards: from the authority's log
    late = await startConsole({ brokerUrl: m.url, mode: 'replica' });
    await converged([a, b, late]);
    expect(late.ledger.get(i.id)?.version).toBe(2);
    for (const x of [a, b, late]) expect(eventDigest(x.db).duplicates).toBe(0);
    expect(await late.services.replication.status()).toMatchObject({ behind: 0, appliedSeq: a.ledger.log.position });

    // the same package again at the authority changes nothing anywhere
    const again = await a.services.fieldPackages.importPackage(new Uint8Array(zip));
    expect(again.eventsApplied).toBe(0);
    expect(a.ledger.log.position).toBe(before + r.eventsApplied);
  }, 120_000);
});
