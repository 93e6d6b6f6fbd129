import { describe, expect, it } from 'vitest';
import {
  maskedTemplate,
  sourceInputSchema,
  tiandituSource,
  tileUrl,
  wmtsKvpTemplate,
  wmtsRestTemplate,
} from '../../../../electron/common/tiles/sources';
import { downloadRequestSchema, RateMeter } from '../../../../electron/common/tiles/download';
import { sniffTile } from '../../../../electron/common/tiles/format';

describe('map sources', () => {
  it('builds Tianditu GetTile URLs with the key, subdomains t0–t7 and the Web Mercator matrix set', () => {
    const s = tiandituSource('tdt-vec', 'vec', '0123456789abcdef0123456789abcdef');
    const u = tileUrl(s, 14, 13034, 6791);
    expect(u).toBe(
      'https://t1.tianditu.gov.cn/vec_w/wmts?service=WMTS&request=GetTile&version=1.0.0&LAYER=vec&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=14&TILEROW=6791&TILECOL=13034&tk=0123456789abcdef0123456789abcdef',
    );
    expect(new Set(Array.from({ length: 8 }, (_, k) => new URL(tileUrl(s, 3, k, 0)).host)).size).toBe(8);
    expect(tiandituSource('tdt-cva', 'cva', 'ab'.repeat(16)).role).toBe('overlay');
    expect(maskedTemplate(s.template)).toMatch(/tk=\*\*\*$/);
  });

  it('fills XYZ templates, the TMS row ({-y}) and named WMTS matrices', () => {
    const base = { subdomains: ['a', 'b'], matrixIds: null };
    expect(tileUrl({ ...base, template: 'https://{s}.x/{z}/{x}/{y}.png' }, 2, 1, 0)).toBe('https://b.x/2/1/0.png');
    expect(tileUrl({ ...base, template: 'https://x/{z}/{x}/{-y}.png' }, 2, 1, 0)).toBe('https://x/2/1/3.png');
    const named = { subdomains: [], matrixIds: ['EPSG:3857:0', 'EPSG:3857:1'], template: 'http://w?TILEMATRIX={z}' };
    expect(tileUrl(named, 1, 0, 0)).toBe('http://w?TILEMATRIX=EPSG%3A3857%3A1');
  });

  it('turns a WMTS KVP base or RESTful ResourceURL into one template, keeping extra parameters', () => {
    const kvp = wmtsKvpTemplate('http://gis.local/wmts?service=WMTS&token=abc', {
      layer: 'sp:base',
      style: 'default',
      tileMatrixSet: 'GoogleMapsCompatible',
      format: 'image/png',
    });
    expect(kvp).toContain('LAYER=sp%3Abase');
    expect(kvp).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&token=abc');
    expect(kvp.match(/service=/gi)?.length).toBe(1);
    expect(
      wmtsRestTemplate('http://gis.local/wmts/base/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png', {
        style: 'default',
        tileMatrixSet: 'w',
      }),
    ).toBe('http://gis.local/wmts/base/default/w/{z}/{y}/{x}.png');
  });

  it('refuses bad inputs naming the field', () => {
    const bad = (v: unknown) => {
      const r = sourceInputSchema.safeParse(v);
      return r.success ? null : r.error.issues[0].path.join('.');
    };
    expect(bad({ id: 'x', kind: 'xyz', url: 'https://a/{z}/{x}.png' })).toBe('url');
    expect(bad({ id: 'Bad Id', kind: 'xyz', url: 'https://a/{z}/{x}/{y}.png' })).toBe('id');
    expect(bad({ id: 'x', kind: 'wmts', preset: 'tianditu-vec', tk: 'not a key' })).toBe('tk');
    expect(bad({ id: 'x', kind: 'tms', url: 'https://a' })).toBe('kind');
    expect(bad({ id: 'x', kind: 'xyz', url: 'https://a/{z}/{x}/{-y}.png', maxZoom: 30 })).toBe('maxZoom');
  });
});

describe('downloads as data', () => {
  it('takes exactly one area and names the field when not', () => {
    const issue = (v: unknown) => {
      const r = downloadRequestSchema.safeParse(v);
      return r.success ? null : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
    };
    expect(issue({ source: 's', bbox: [106.4, 29.5, 106.5, 29.6], minZoom: 10, maxZoom: 12 })).toBeNull();
    expect(issue({ source: 's', townCode: '500106001', minZoom: 10, maxZoom: 12 })).toBeNull();
    expect(issue({ source: 's', minZoom: 10, maxZoom: 12 })).toMatch(/^bbox: give exactly one area/);
    expect(
      issue({ source: 's', bbox: [106.4, 29.5, 106.5, 29.6], townCode: '500106001', minZoom: 1, maxZoom: 2 }),
    ).toMatch(/^townCode/);
    expect(issue({ source: 's', bbox: [106.5, 29.5, 106.4, 29.6], minZoom: 1, maxZoom: 2 })).toMatch(/^bbox: bbox is/);
    expect(issue({ source: 's', incidentId: 'I', minZoom: 1, maxZoom: 2 })).toMatch(/^radiusM/);
    expect(issue({ source: 's', bbox: [106.4, 29.5, 106.5, 29.6], minZoom: 13, maxZoom: 12 })).toMatch(/^minZoom/);
  });

  it('rate over a sliding window and time left at that rate', () => {
    const m = new RateMeter(10_000);
    expect(m.rate()).toBe(0);
    expect(m.etaS(10)).toBeNull();
    for (let t = 0; t <= 20_000; t += 1_000) m.add(t, t / 100); // 10 tiles/s
    expect(m.rate()).toBeCloseTo(10, 5);
    expect(m.etaS(95)).toBe(10);
    expect(m.etaS(0)).toBe(0);
  });

  it('knows a tile by its first bytes', () => {
    expect(sniffTile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffTile(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(sniffTile(new TextEncoder().encode('<?xml version="1.0"?><ExceptionReport/>'))).toBeNull();
  });
});
