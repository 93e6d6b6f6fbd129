// Web sources: a WMTS capabilities document parsed, an intranet WMTS added from it and fetched through
// the cache, Tianditu presets, GCJ-02 flagged or refused with the reason, an XML error answered as a tile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCapabilities, resolveWmts, webMercatorLevels } from '../../../../electron/node/tiles/wmts';
import { parseXml } from '../../../../electron/node/tiles/xml';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { startTileServer, tilePng, type TileServer } from '../../../helpers/tileServer';
import { capabilitiesXml } from '../../../helpers/wmtsCapabilities';

describe('WMTS capabilities', () => {
  const caps = parseCapabilities(capabilitiesXml('http://gis.example/wmts'));

  it('reads the layer, its styles, formats, matrix sets and the KVP endpoint', () => {
    expect(caps.title).toBe('沙坪坝区政务电子地图');
    expect(caps.kvpUrl).toBe('http://gis.example/wmts?');
    expect(caps.layers).toHaveLength(1);
    expect(caps.layers[0]).toMatchObject({
      id: 'spb:vec',
      title: '电子地图 & 注记',
      formats: ['image/jpeg', 'image/png'],
      styles: [{ id: 'default', isDefault: true }],
      matrixSets: ['c', 'GoogleMapsCompatible'],
      bbox: [106.25, 29.47, 106.53, 29.75],
    });
    expect(caps.matrixSets.map((s) => [s.id, s.matrices.length])).toEqual([
      ['c', 4],
      ['GoogleMapsCompatible', 19],
    ]);
  });

  it('maps Web Mercator matrices to zooms and refuses the geographic set with the reason', () => {
    const merc = webMercatorLevels(caps.matrixSets[1]);
    expect('matrixIds' in merc && merc.matrixIds[16]).toBe('EPSG:3857:16');
    const geo = webMercatorLevels(caps.matrixSets[0]);
    expect('refused' in geo && geo.refused).toMatch(/'c' is geographic .*4490/);
  });

  it('skips the unusable set and builds a KVP GetTile template for the Mercator one', () => {
    const r = resolveWmts(caps, {});
    expect(r).toMatchObject({ layer: 'spb:vec', minZoom: 0, maxZoom: 18, format: 'image/png' });
    expect(r.template).toBe(
      'http://gis.example/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=spb%3Avec&STYLE=default' +
        '&TILEMATRIXSET=GoogleMapsCompatible&FORMAT=image%2Fpng&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    );
    expect(() => resolveWmts(caps, { tileMatrixSet: 'c' })).toThrow(/geographic/);
    expect(() => resolveWmts(caps, { layer: 'nope' })).toThrow(/no layer 'nope' \(the service has: spb:vec\)/);
  });

  it('says what is wrong with a document that is not capabilities', () => {
    expect(() =>
      parseCapabilities(
        '<ows:ExceptionReport><ows:Exception><ows:ExceptionText>bad tk</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
      ),
    ).toThrow(/exception: bad tk/);
    expect(() => parseXml('<a><b></a>')).toThrow(/unexpected <\/a>/);
    expect(() => parseXml('<a>')).toThrow(/unclosed <a>/);
  });
});

describe('web sources on a console', () => {
  let host: TestHost;
  let srv: TileServer;
  const add = (body: unknown) =>
    fetch(`${host.url}/api/maps/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    srv = await startTileServer();
    srv.capabilities = capabilitiesXml(`${srv.url}/wmts`);
    host = await startTestHost();
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await srv?.close();
  });

  it('adds an intranet WMTS from its capabilities and serves its tiles through the cache', async () => {
    const r = await add({
      id: 'gov-vec',
      kind: 'wmts',
      url: `${srv.url}/wmts`,
      attribution: '沙坪坝区规划和自然资源局',
    });
    expect(r.status).toBe(201);
    const layer = await r.json();
    expect(layer).toMatchObject({ id: 'gov-vec', kind: 'source', sourceKind: 'wmts', datum: 'wgs84', maxZoom: 18 });
    expect(layer.name).toBe('电子地图 & 注记');
    const first = await fetch(`${host.url}/tiles/gov-vec/15/26073/13565`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-tile-from')).toBe('network');
    expect(Buffer.from(await first.arrayBuffer()).equals(tilePng(15, 26073, 13565))).toBe(true);
    const second = await fetch(`${host.url}/tiles/gov-vec/15/26073/13565`);
    expect(second.headers.get('x-tile-from')).toBe('cache');
    expect(srv.counts.get('15/26073/13565')).toBe(1);
    // removed, the cached area stays as an offline copy
    expect((await fetch(`${host.url}/api/maps/sources/gov-vec`, { method: 'DELETE' })).status).toBe(204);
    const layers = (await (await fetch(`${host.url}/api/maps/layers`)).json()) as { id: string; description: string }[];
    expect(layers.find((l) => l.id === 'gov-vec')?.description).toMatch(/offline copy/);
    expect((await fetch(`${host.url}/tiles/gov-vec/15/26073/13565`)).status).toBe(200);
  });

  it('adds Tianditu presets with the key hidden in the listing', async () => {
    const key = '0123456789abcdef0123456789abcdef';
    const r = await add({ id: 'tdt-img', kind: 'wmts', preset: 'tianditu-img', tk: key });
    expect(r.status).toBe(201);
    const l = await r.json();
    expect(l).toMatchObject({ role: 'base', maxZoom: 18, datum: 'wgs84', provider: expect.stringMatching(/Tianditu/) });
    expect(l.template).toContain('img_w/wmts');
    expect(l.template).not.toContain(key);
    const cia = await (await add({ id: 'tdt-cia', kind: 'wmts', preset: 'tianditu-cia', tk: key })).json();
    expect(cia.role).toBe('overlay');
    const noKey = await add({ id: 'tdt-vec', kind: 'wmts', preset: 'tianditu-vec' });
    expect([noKey.status, (await noKey.json()).param]).toEqual([422, 'tk']);
  });

  it('flags a GCJ-02 source for correction and refuses one it cannot correct, with the reason', async () => {
    const amap = await add({
      id: 'amap',
      kind: 'xyz',
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8',
      subdomains: ['1', '2'],
    });
    expect(amap.status).toBe(201);
    expect(await amap.json()).toMatchObject({ datum: 'gcj02', corrected: true, provider: 'AMap (高德)' });
    const lie = await add({
      id: 'amap2',
      kind: 'xyz',
      url: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}',
      datum: 'wgs84',
    });
    const lieBody = await lie.json();
    expect([lie.status, lieBody.param]).toEqual([422, 'datum']);
    expect(lieBody.error).toMatch(/GCJ02.*shifted ~500 m/);
    const baidu = await add({ id: 'baidu', kind: 'xyz', url: 'https://maponline0.bdimg.com/tile/?x={x}&y={y}&z={z}' });
    expect(baidu.status).toBe(422);
    expect((await baidu.json()).error).toMatch(/BD-09/);
    const dup = await add({ id: 'schematic', kind: 'xyz', url: 'https://a.example/{z}/{x}/{y}.png' });
    expect(dup.status).toBe(409);
  });

  it('names absolute tile URLs once told the host address (Electron windows are not served by the host)', async () => {
    host.console.services.maps.setTileBase('http://127.0.0.1:4510/');
    const layers = await host.console.services.maps.layers();
    expect(layers.every((l) => l.tileUrl.startsWith(`http://127.0.0.1:4510/tiles/${l.id}/`))).toBe(true);
    host.console.services.maps.setTileBase('');
    expect((await host.console.services.maps.layers())[0].tileUrl).toBe('/tiles/schematic/{z}/{x}/{y}');
  });

  it('does not cache an error page answered with status 200', async () => {
    await add({ id: 'flaky', kind: 'xyz', url: `${srv.url}/xyz/{z}/{x}/{y}.png` });
    srv.xmlErrors = true;
    const r = await fetch(`${host.url}/tiles/flaky/14/1/1`);
    expect(r.status).toBe(404);
    expect((await r.json()).error).toMatch(/not a tile: <\?xml/);
    srv.xmlErrors = false;
    const ok = await fetch(`${host.url}/tiles/flaky/14/1/1`);
    expect([ok.status, ok.headers.get('x-tile-from')]).toEqual([200, 'network']);
  });
});
