// Field packages between two real consoles: export an area at the centre, import it on the laptop (a
// second host), work offline there, return the journal, and the centre ends with identical incidents;
// importing twice changes nothing; a conflict is reported by name; a package with one byte changed is
// refused, naming the entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../electron/common/dispatch/types';
import type { ImportReport } from '../../../../electron/common/tiles/manifest';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { startTileServer, type TileServer } from '../../../helpers/tileServer';
import { readZipEntryOffset } from '../../../helpers/zipBytes';

let centre: TestHost;
let laptop: TestHost;
let tiles: TileServer;
let incidentId = '';
let areaZip: Uint8Array;

const officer: Actor = { id: 'field-1', name: '现场指挥 王伟', role: 'field' };
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const importZip = async (h: TestHost, zip: Uint8Array) => {
  const r = await fetch(`${h.url}/api/field-packages/import`, { method: 'POST', body: Buffer.from(zip) });
  return { status: r.status, body: (await r.json()) as ImportReport & { error?: string; param?: string } };
};
const incident = (h: TestHost, id: string) => h.console.ledger.get(id);
const timelineIds = (h: TestHost, id: string) => h.console.ledger.timeline(id).map((e) => e.eventId);

beforeAll(async () => {
  tiles = await startTileServer();
  [centre, laptop] = await Promise.all([startTestHost(), startTestHost()]);
  // at the centre: a report at Three Gorges Square, triaged, and the area's map downloaded once
  const i = await centre.console.services.dispatch.report({
    source: 'grid',
    title: '三峡广场人群聚集',
    description: '三峡广场步行街人流密集，出现拥挤推搡，请求疏导',
    lon: 106.4565,
    lat: 29.5585,
    reporter: '网格员李娜',
  });
  incidentId = i.id;
  await centre.console.services.dispatch.command(i.id, i.version, { type: 'acknowledge' });
  await fetch(
    `${centre.url}/api/maps/sources`,
    json({ id: 'street', kind: 'xyz', url: `${tiles.url}/xyz/{z}/{x}/{y}.png` }),
  );
  const dl = await (
    await fetch(
      `${centre.url}/api/maps/downloads`,
      json({ source: 'street', incidentId: i.id, radiusM: 2_000, minZoom: 12, maxZoom: 15 }),
    )
  ).json();
  for (let k = 0; k < 400; k++) {
    const s = await (await fetch(`${centre.url}/api/maps/downloads/${dl.id}`)).json();
    if (s.state === 'done') break;
    await new Promise((r) => setTimeout(r, 50));
  }
}, 180_000);

afterAll(async () => {
  await Promise.all([centre?.close(), laptop?.close()]);
  await tiles?.close();
});

describe('field packages between the centre and the laptop', () => {
  it('exports an area around an incident: 201 with id and size, then the zip itself', async () => {
    const r = await fetch(
      `${centre.url}/api/field-packages`,
      json({ incidentId, radiusM: 2_000, minZoom: 12, maxZoom: 15 }),
    );
    expect(r.status).toBe(201);
    const { id, bytes } = await r.json();
    const f = await fetch(`${centre.url}/api/field-packages/${id}/file`);
    expect(f.status).toBe(200);
    expect(f.headers.get('content-type')).toBe('application/zip');
    areaZip = new Uint8Array(await f.arrayBuffer());
    expect(areaZip.byteLength).toBe(bytes);
    const list = await (await fetch(`${centre.url}/api/field-packages`)).json();
    expect(list[0]).toMatchObject({ id, direction: 'exported', kind: 'area' });
    expect(list[0].counts.tiles).toBeGreaterThan(20);
    expect(list[0].counts.incidents).toBeGreaterThanOrEqual(1);
    expect(list[0].counts.riskPoints).toBeGreaterThan(100);
    expect(list[0].counts.cameras).toBeGreaterThan(5);
  });

  it('imports on the laptop: checksums verified, incidents identical, tiles offline, the area opens', async () => {
    const { status, body } = await importZip(laptop, areaZip);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'area', from: centre.console.id, again: false, conflicts: [] });
    expect(body.eventsApplied).toBeGreaterThanOrEqual(2);
    expect(body.tiles).toBeGreaterThan(20);
    expect(incident(laptop, incidentId)).toEqual(incident(centre, incidentId));
    expect(timelineIds(laptop, incidentId)).toEqual(timelineIds(centre, incidentId));
    // the map of the area is on the laptop, with no network to the source
    await tiles.close();
    const layers = (await (await fetch(`${laptop.url}/api/maps/layers`)).json()) as { id: string; tilesHeld: number }[];
    expect(layers.find((l) => l.id === 'street')?.tilesHeld).toBe(body.tiles);
    const ws = await laptop.console.services.workspace.get();
    expect(ws.focus).toMatchObject({ lon: 106.4565, lat: 29.5585 });
    const area = await laptop.console.services.fieldPackages.current();
    expect(area?.incidentIds).toContain(incidentId);
    expect(area?.cameras.length).toBeGreaterThan(5);
  });

  it('imports the same package twice: nothing changes', async () => {
    const before = laptop.console.db.prepare('SELECT COUNT(*) FROM incident_events').pluck().get();
    const { status, body } = await importZip(laptop, areaZip);
    expect(status).toBe(200);
    expect(body).toMatchObject({ again: true, eventsApplied: 0, incidentsNew: 0 });
    expect(laptop.console.db.prepare('SELECT COUNT(*) FROM incident_events').pluck().get()).toBe(before);
  });

  it('returns the offline work: the centre ends with the same incidents, applied once', async () => {
    const dispatch = laptop.console.services.dispatch;
    const i = incident(laptop, incidentId)!;
    const noted = await dispatch.command(
      i.id,
      i.version,
      { type: 'note', text: '现场已拉警戒线，人流开始疏散' },
      officer,
    );
    expect(noted.version).toBe(i.version + 1);
    const fresh = await dispatch.report({
      source: 'grid',
      title: '沙坪坝站出口护栏倒伏',
      description: '沙坪坝站 A 出口护栏被人群挤倒，有绊倒风险',
      lon: 106.4535,
      lat: 29.5566,
      reporter: '现场指挥王伟',
    });
    const back = await fetch(`${laptop.url}/api/field-packages/return`);
    expect(back.status).toBe(200);
    const zip = new Uint8Array(await back.arrayBuffer());
    const r1 = await importZip(centre, zip);
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ kind: 'return', eventsApplied: 2, incidentsNew: 1, conflicts: [] });
    for (const id of [incidentId, fresh.id]) {
      expect(incident(centre, id)).toEqual(incident(laptop, id));
      expect(timelineIds(centre, id)).toEqual(timelineIds(laptop, id));
    }
    const r2 = await importZip(centre, zip);
    expect(r2.body).toMatchObject({ again: true, eventsApplied: 0, eventsAlreadyHere: 2 });
    expect(centre.console.ledger.timeline(incidentId)).toHaveLength(noted.version);
  });

  it('reports work on an incident the centre changed meanwhile as a conflict, by incident, command and officer', async () => {
    const c = incident(centre, incidentId)!;
    const moved = await centre.console.services.dispatch.command(c.id, c.version, {
      type: 'note',
      text: '指挥中心：已调派巡警',
    });
    const l = incident(laptop, incidentId)!;
    await laptop.console.services.dispatch.command(
      l.id,
      l.version,
      { type: 'note', text: '现场：请求增派志愿者' },
      officer,
    );
    const zip = new Uint8Array(await (await fetch(`${laptop.url}/api/field-packages/return`)).arrayBuffer());
    const { body } = await importZip(centre, zip);
    expect(body.eventsApplied).toBe(0);
    expect(body.conflicts).toEqual([
      {
        incidentId,
        ref: c.ref,
        title: '三峡广场人群聚集',
        command: 'note',
        officer: '现场指挥 王伟',
        reason: expect.stringMatching(/changed after the package was made/),
      },
    ]);
    expect(incident(centre, incidentId)).toEqual(moved);
  });

  it('refuses a package with one byte changed, naming the entry, and applies nothing of it', async () => {
    const { offset, length } = readZipEntryOffset(areaZip, 'data/incidents.json');
    const bad = areaZip.slice();
    bad[offset + Math.floor(length / 2)] ^= 0x01;
    const { status, body } = await importZip(laptop, bad);
    expect(status).toBe(422);
    expect(body.error).toMatch(/entry data\/incidents\.json/);
    // anywhere in the file: still refused
    for (const at of [100, Math.floor(areaZip.length / 2), areaZip.length - 30]) {
      const b = areaZip.slice();
      b[at] ^= 0xff;
      expect((await importZip(laptop, b)).status).toBe(422);
    }
    const junk = await importZip(laptop, new TextEncoder().encode('not a zip'));
    expect(junk.status).toBe(422);
    expect((await importZip(centre, areaZip)).status).toBe(409); // made here
  });
});
