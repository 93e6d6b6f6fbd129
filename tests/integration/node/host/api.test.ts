import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHost } from '../../../helpers/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.close();
});

const get = async (p: string) => {
  const r = await fetch(host.url + p);
  return { status: r.status, body: await r.json().catch(() => null), headers: r.headers };
};

describe('host HTTP API', () => {
  it('binds to 127.0.0.1 by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GET /healthz reports ok, version and counts', async () => {
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      ok: true,
      version: '0.0.0-test',
      counts: { towns: 26, departments: 21, riskCategories: 120, riskPoints: 22_000, cameras: 1_566, nests: 2 },
    });
  });

  it('GET /api/cameras lists every camera', async () => {
    const r = await get('/api/cameras');
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(1_566);
  });

  it('GET /api/cameras/nearby returns cameras within the radius, nearest first, with distanceM', async () => {
    const r = await get('/api/cameras/nearby?lon=106.4505&lat=29.583&radius=800');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    for (let i = 0; i < r.body.length; i++) {
      expect(r.body[i].distanceM).toBeLessThanOrEqual(800);
      if (i) expect(r.body[i].distanceM).toBeGreaterThanOrEqual(r.body[i - 1].distanceM);
    }
    const far = await get('/api/cameras/nearby?lon=100&lat=20&radius=1000');
    expect(far.body).toEqual([]);
  });

  it('GET /api/risk-points returns a GeoJSON FeatureCollection filtered by bbox, level and category', async () => {
    const r = await get('/api/risk-points?bbox=106.44,29.55,106.47,29.58');
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features.length).toBeGreaterThan(100);
    for (const f of r.body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(106.44);
      expect(lat).toBeLessThanOrEqual(29.58);
    }
    const major = await get('/api/risk-points?bbox=106.44,29.55,106.47,29.58&level=major');
    expect(major.body.features.length).toBeGreaterThan(0);
    expect(major.body.features.every((f: { properties: { level: string } }) => f.properties.level === 'major')).toBe(
      true,
    );
    const cat = await get('/api/risk-points?bbox=106,29,107,30&category=7');
    expect(cat.body.features.every((f: { properties: { categoryId: number } }) => f.properties.categoryId === 7)).toBe(
      true,
    );
  });

  it.each([
    ['/api/cameras/nearby?lat=29.5&radius=100', 'lon'],
    ['/api/cameras/nearby?lon=abc&lat=29.5&radius=100', 'lon'],
    ['/api/cameras/nearby?lon=106&lat=95&radius=100', 'lat'],
    ['/api/cameras/nearby?lon=106&lat=29&radius=-5', 'radius'],
    ['/api/cameras/nearby?lon=106&lat=29&radius=Infinity', 'radius'],
    ['/api/cameras/nearby?lon=106&lat=29&radius=10&limit=2.5', 'limit'],
    ['/api/risk-points', 'bbox'],
    ['/api/risk-points?bbox=1,2,3', 'bbox'],
    ['/api/risk-points?bbox=107,29,106,30', 'bbox'],
    ['/api/risk-points?bbox=106,29,107,30&level=severe', 'level'],
    ['/api/risk-points?bbox=106,29,107,30&category=x', 'category'],
  ])('GET %s → 400 naming %s', async (p, param) => {
    const r = await get(p);
    expect(r.status).toBe(400);
    expect(r.body.param).toBe(param);
    expect(r.body.error).toContain(param);
  });

  it('unknown endpoints are 404 JSON and wrong methods 405', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
    const post = await fetch(host.url + '/api/cameras', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });

  it('serves the renderer with the CSP header', async () => {
    const r = await fetch(host.url + '/');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('联勤指挥台');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves Cesium assets from its own folder', async () => {
    const r = await fetch(host.url + '/cesium/Cesium.js', { method: 'HEAD' });
    expect(r.status).toBe(200);
  });

  it('static serving cannot escape its folder', async () => {
    // raw socket so neither fetch nor URL normalises the path first
    const raw = (p: string) =>
      new Promise<string>((resolve) => {
        const s = net.connect(host.port, '127.0.0.1', () =>
          s.write(`GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let buf = '';
        s.on('data', (d) => (buf += d));
        s.on('end', () => resolve(buf));
      });
    for (const p of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/cesium/../../secret.txt',
      '/..%5csecret.txt',
      '/%00',
      '//etc/passwd',
    ]) {
      const res = await raw(p);
      expect(res, p).not.toContain('outside the web root');
      expect(res.split('\r\n')[0], p).toMatch(/ 404 /);
    }
  });

  it('refuses WebSocket upgrades from other origins', async () => {
    const ws = new WebSocket(host.url.replace('http', 'ws') + '/ws', { headers: { origin: 'http://evil.example' } });
    const outcome = await new Promise<string>((r) => {
      ws.on('open', () => r('open'));
      ws.on('error', () => r('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
