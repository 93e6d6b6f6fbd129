// The video API on a real console: play URLs, refusals that say why, PTZ reaching the simulator,
// status, and call-ups that pick exactly the nearest cameras.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraDto } from '../../../../electron/common/dto';
import { haversineM } from '../../../../electron/common/geo';
import type { CallUpDto } from '../../../../electron/common/video/types';
import { startTestHost, type TestHost } from '../../../helpers/host';
import { ROOT } from '../../../helpers/tmp';

let host: TestHost;
let cams: CameraDto[];
beforeAll(async () => {
  host = await startTestHost();
  cams = await host.console.services.cameras.list();
});
afterAll(async () => {
  await host?.close();
});

const call = async (method: string, p: string, body?: unknown) => {
  const r = await fetch(host.url + p, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
};
const pick = (f: (c: CameraDto) => boolean) => {
  const c = cams.find(f);
  if (!c) throw new Error('the seed has no such camera');
  return c;
};

describe('video API', () => {
  it('play: URLs by protocol from the simulator, the codec, and when they expire', async () => {
    const cam = pick((c) => c.status === 'online' && c.codec === 'h264');
    const before = Date.now();
    const r = await call('GET', `/api/video/cameras/${cam.id}/play`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      cameraId: cam.id,
      stream: 'sub',
      codec: 'h264',
      platform: 'simulator',
      simulated: true,
      urls: {
        wsFlv: `/media/live/${cam.id}/sub.live.flv`,
        flv: `/media/live/${cam.id}/sub.live.flv`,
        hls: `/media/live/${cam.id}/sub/index.m3u8`,
        mjpeg: `/media/live/${cam.id}/sub.mjpeg`,
      },
    });
    expect(r.body.expiresAt).toBeGreaterThan(before);
    const main = await call('GET', `/api/video/cameras/${cam.id}/play?stream=main`);
    expect(main.body.urls.hls).toBe(`/media/live/${cam.id}/main/index.m3u8`);
    expect(main.body.urls.mjpeg).toBeUndefined();
  });

  it('play: 404 for an unknown camera, 400 for a bad stream, 503 naming why for an offline or faulty one', async () => {
    expect((await call('GET', '/api/video/cameras/nope/play')).status).toBe(404);
    const bad = await call('GET', `/api/video/cameras/${cams[0].id}/play?stream=hd`);
    expect(bad).toMatchObject({ status: 400, body: { param: 'stream' } });
    for (const status of ['offline', 'fault'] as const) {
      const cam = pick((c) => c.status === status);
      const r = await call('GET', `/api/video/cameras/${cam.id}/play`);
      expect(r.status).toBe(503);
      expect(r.body.error).toContain(status);
      expect(r.body.details).toMatchObject({ reason: 'camera-offline' });
    }
  });

  it('an H.265 camera is handed out as H.265, so players can say it cannot play here', async () => {
    const cam = pick((c) => c.codec === 'h265' && c.status === 'online');
    const r = await call('GET', `/api/video/cameras/${cam.id}/play`);
    expect(r.body).toMatchObject({ codec: 'h265' });
  });

  it('PTZ: 400 naming a bad command, 409 for a fixed camera, and a good command reaches the platform', async () => {
    const ptz = pick((c) => c.mount === 'ptz' && c.status === 'online');
    const fixed = pick((c) => c.mount === 'fixed' && c.status === 'online');
    const bad = await call('POST', `/api/video/cameras/${ptz.id}/ptz`, { command: 'spin' });
    expect(bad).toMatchObject({ status: 400, body: { param: 'command' } });
    expect((await call('POST', `/api/video/cameras/${ptz.id}/ptz`, { command: 'left', speed: 2 })).body.param).toBe(
      'speed',
    );
    const f = await call('POST', `/api/video/cameras/${fixed.id}/ptz`, { command: 'left' });
    expect(f.status).toBe(409);
    expect(f.body.error).toContain('fixed');
    const sim = host.console.video.simulator!.platform;
    expect(sim.ptzOf(ptz.id)).toBeNull();
    expect((await call('POST', `/api/video/cameras/${ptz.id}/ptz`, { command: 'right', speed: 1 })).status).toBe(204);
    expect((await call('POST', `/api/video/cameras/${ptz.id}/ptz`, { command: 'zoomin', speed: 1 })).status).toBe(204);
    expect(sim.ptzOf(ptz.id)).toMatchObject({ panDeg: 5, zoom: 2, last: { command: 'zoomin', speed: 1 } });
    const presets = await call('GET', `/api/video/cameras/${ptz.id}/presets`);
    expect(presets.body.length).toBeGreaterThan(0);
    expect((await call('POST', `/api/video/cameras/${ptz.id}/presets/2`)).status).toBe(204);
    expect(sim.ptzOf(ptz.id)).toMatchObject({ panDeg: 120, zoom: 1 });
    expect((await call('POST', `/api/video/cameras/${ptz.id}/presets/99`)).status).toBe(422);
  });

  it('status: the simulator is reachable, and plays handed out are listed', async () => {
    const cam = pick((c) => c.status === 'online' && c.codec === 'h264' && c.kind === 'video-network');
    await call('GET', `/api/video/cameras/${cam.id}/play`);
    const r = await call('GET', '/api/video/status');
    expect(r.status).toBe(200);
    expect(r.body.platforms).toEqual([
      expect.objectContaining({ id: 'simulator', kind: 'simulator', reachable: true, simulated: true, cameras: 1_566 }),
    ]);
    expect(r.body.activePlays).toContainEqual(expect.objectContaining({ cameraId: cam.id, stream: 'sub', viewers: 0 }));
  });

  it('call-up picks exactly the nearest cameras within 500 m (or 1 km), tells every listener, and says how far and which way', async () => {
    const seen: CallUpDto[] = [];
    const off = host.console.services.video.onDidCallUp((c) => seen.push(c));
    // a busy spot (a town centre) and an empty one (far from every camera)
    const centre = pick((c) => c.kind === 'video-network');
    for (const [lon, lat] of [
      [centre.lon + 0.0005, centre.lat - 0.0003],
      [centre.lon + 0.05, centre.lat + 0.05],
    ]) {
      const r = await call('POST', '/api/video/call-up', { lon, lat });
      expect(r.status).toBe(200);
      const byDistance = cams
        .map((c) => ({ id: c.id, d: haversineM(lon, lat, c.lon, c.lat) }))
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
      const within = (m: number) => byDistance.filter((x) => x.d <= m);
      const radius = within(500).length >= 4 ? 500 : 1_000;
      expect(r.body.radiusM).toBe(radius);
      expect(r.body.widened).toBe(radius === 1_000);
      expect(r.body.cameras.map((c: { id: string }) => c.id)).toEqual(
        within(radius)
          .slice(0, 16)
          .map((x) => x.id),
      );
      for (const c of r.body.cameras) {
        expect(c.distanceM).toBeLessThanOrEqual(radius);
        expect(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).toContain(c.compass);
      }
    }
    off();
    expect(seen.map((s) => s.seq)).toEqual([seen[0].seq, seen[0].seq + 1]);
  });

  it('call-up refuses a missing coordinate and an unknown incident, naming them', async () => {
    expect(await call('POST', '/api/video/call-up', { lon: 106.45 })).toMatchObject({
      status: 400,
      body: { param: 'lat' },
    });
    expect(await call('POST', '/api/video/call-up', { lon: 106.45, lat: 29.56, radiusM: 1 })).toMatchObject({
      status: 400,
      body: { param: 'radiusM' },
    });
    const r = await call('POST', '/api/video/call-up', { lon: 106.45, lat: 29.56, incidentId: 'NOPE' });
    expect(r).toMatchObject({ status: 404, body: { param: 'incidentId' } });
  });

  it('the 66 video-network points are the flood-season carousel group', async () => {
    const [g] = await host.console.services.video.groups();
    expect(g.id).toBe('flood-season');
    expect(g.cameraIds).toHaveLength(66);
    expect(new Set(g.cameraIds)).toEqual(new Set(cams.filter((c) => c.kind === 'video-network').map((c) => c.id)));
  });

  it('snapshot: the JPEG is kept in the data folder, listed by incident and served back; bad input is refused', async () => {
    const video = host.console.services.video;
    const jpeg = fs.readFileSync(path.join(ROOT, 'seeds/video/clip-1-sub.mjpeg')).subarray(0, 20_000);
    const dispatch = host.console.services.dispatch;
    const incident = (await dispatch.list({ status: 'open', limit: 1 })).items[0];
    const closed = (await dispatch.list({ status: 'closed', limit: 1 })).items[0];
    const cam = pick((c) => c.status === 'online');
    const s = await video.snapshot(cam.id, `data:image/jpeg;base64,${jpeg.toString('base64')}`, incident.id);
    expect(s).toMatchObject({ cameraId: cam.id, incidentId: incident.id, bytes: 20_000 });
    expect(s.file).toMatch(/^snapshots\/\d{4}-\d{2}-\d{2}\/[0-9A-Z]{26}\.jpg$/);
    expect(fs.readFileSync(path.join(host.dataDir, s.file)).equals(jpeg)).toBe(true);
    expect((await video.snapshots(incident.id)).map((x) => x.id)).toContain(s.id);
    // on the incident's timeline as evidence, with the picture's size and digest
    expect(s.attachError).toBeNull();
    const attached = (await dispatch.get(incident.id))!.timeline.find(
      (e) => e.event.type === 'attach' && e.event.evidence.id === s.id,
    );
    expect(attached?.event).toMatchObject({
      type: 'attach',
      evidence: {
        id: s.id,
        kind: 'snapshot',
        mime: 'image/jpeg',
        bytes: 20_000,
        sha256: crypto.createHash('sha256').update(jpeg).digest('hex'),
      },
    });
    // a closed incident takes no more evidence: the picture is kept and the reason given
    const late = await video.snapshot(cam.id, jpeg.toString('base64'), closed.id);
    expect(late.attachError).toMatch(/closed|cancelled/);
    expect(fs.existsSync(path.join(host.dataDir, late.file))).toBe(true);
    const r = await fetch(`${host.url}/api/video/snapshots/${s.id}`);
    expect(r.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await r.arrayBuffer()).equals(jpeg)).toBe(true);
    await expect(video.snapshot(cam.id, Buffer.from('GIF89a....').toString('base64'))).rejects.toThrow(/not a JPEG/);
    await expect(video.snapshot(cam.id, 'not base64!')).rejects.toThrow(/base64/);
    await expect(video.snapshot(cam.id, jpeg.toString('base64'), 'NO-SUCH')).rejects.toThrow(/no incident/);
    await expect(video.snapshot('nope', jpeg.toString('base64'))).rejects.toThrow(/no camera/);
    expect((await fetch(`${host.url}/api/video/snapshots/NOPE`)).status).toBe(404);
  });

  it('Electron windows get absolute stream URLs on the host (ws:// for WS-FLV) and a CSP that allows them', async () => {
    const video = host.console.services.video;
    const cam = pick((c) => c.status === 'online' && c.codec === 'h264');
    expect(video.mediaSources()).toEqual([]);
    video.setMediaBase('http://127.0.0.1:4510');
    try {
      const p = await video.play(cam.id);
      expect(p.urls.wsFlv).toBe(`ws://127.0.0.1:4510/media/live/${cam.id}/sub.live.flv`);
      expect(p.urls.hls).toBe(`http://127.0.0.1:4510/media/live/${cam.id}/sub/index.m3u8`);
      expect(video.mediaSources()).toEqual(['http://127.0.0.1:4510', 'ws://127.0.0.1:4510']);
    } finally {
      video.setMediaBase(null);
    }
    expect((await video.play(cam.id)).urls.wsFlv).toBe(`/media/live/${cam.id}/sub.live.flv`);
  });
});
