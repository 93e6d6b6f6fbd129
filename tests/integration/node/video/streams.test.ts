// The simulator's live streams read back by a real demuxer (ffprobe/ffmpeg): HTTP-FLV and WS-FLV with
// timestamps that keep growing by one frame across the clip's loop, live HLS with a sliding playlist,
// MJPEG, and offline cameras answering like a media server with no such stream.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CameraDto } from '../../../../electron/common/dto';
import { startTestHost, type TestHost } from '../../../helpers/host';

const run = promisify(execFile);
let host: TestHost;
let online: CameraDto;
let offline: CameraDto;
beforeAll(async () => {
  host = await startTestHost();
  const cams = await host.console.services.cameras.list();
  online = cams.find((c) => c.status === 'online' && c.codec === 'h264')!;
  offline = cams.find((c) => c.status === 'offline')!;
});
afterAll(async () => {
  await host?.close();
});

interface Probe {
  streams: { codec_name: string; width: number; height: number }[];
  packets: { dts: number; flags: string }[];
}
async function ffprobe(input: string, extra: string[] = []): Promise<Probe> {
  const { stdout } = await run(
    'ffprobe',
    ['-v', 'error', ...extra, '-show_streams', '-show_packets', '-of', 'json', input],
    { maxBuffer: 64 << 20, timeout: 60_000 },
  );
  const j = JSON.parse(stdout);
  return {
    streams: j.streams ?? [],
    packets: (j.packets ?? []).map((p: { dts: string; flags: string }) => ({ dts: Number(p.dts), flags: p.flags })),
  };
}
const steps = (p: Probe) => p.packets.slice(1).map((x, i) => x.dts - p.packets[i].dts);

describe('simulator streams, read back by ffprobe', () => {
  it('HTTP-FLV: H.264 640×360 sub stream, starts on a key frame, 40 ms per frame across the 6 s loop', async () => {
    const p = await ffprobe(`${host.url}/media/live/${online.id}/sub.live.flv`, ['-read_intervals', '%+8']);
    expect(p.streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(p.packets.length).toBeGreaterThan(150); // more than one loop of the clip
    expect(p.packets[0].flags).toMatch(/^K/);
    expect(new Set(steps(p))).toEqual(new Set([40]));
    // a key frame every second
    const keys = p.packets.map((x, i) => (x.flags.startsWith('K') ? i : -1)).filter((i) => i >= 0);
    expect(new Set(keys.slice(1).map((k, i) => k - keys[i]))).toEqual(new Set([25]));
  }, 60_000);

  it('WS-FLV: what a WebSocket viewer receives decodes without an error; the main stream is 960×540', async () => {
    for (const [kind, w, h] of [
      ['sub', 640, 360],
      ['main', 960, 540],
    ] as const) {
      const chunks: Buffer[] = [];
      const ws = new WebSocket(`${host.url.replace('http', 'ws')}/media/live/${online.id}/${kind}.live.flv`);
      ws.on('message', (d: Buffer) => chunks.push(d));
      await new Promise((r) => ws.once('open', r));
      expect(host.console.video.simulator!.media.viewers(online.id, kind)).toBe(1);
      await new Promise((r) => setTimeout(r, 2_500));
      ws.close();
      const file = path.join(host.dataDir, `ws-${kind}.flv`);
      fs.writeFileSync(file, Buffer.concat(chunks));
      const p = await ffprobe(file);
      expect(p.streams[0]).toMatchObject({ codec_name: 'h264', width: w, height: h });
      expect(p.packets.length).toBeGreaterThanOrEqual(50);
      expect(new Set(steps(p))).toEqual(new Set([40]));
      const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']);
      expect(stderr).toBe('');
    }
  }, 60_000);

  it('HLS: a sliding playlist of 2 s segments; consecutive segments play on without a gap', async () => {
    const base = `${host.url}/media/live/${online.id}/sub`;
    const seqOf = (t: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(t)![1]);
    let list = '';
    for (let i = 0; i < 40 && !list.includes('.ts'); i++) {
      const r = await fetch(`${base}/index.m3u8`);
      list = r.ok ? await r.text() : '';
      if (!list.includes('.ts')) await new Promise((r2) => setTimeout(r2, 250));
    }
    expect(list).toMatch(/#EXT-X-TARGETDURATION:2/);
    const segs = [...list.matchAll(/^(\d+)\.ts$/gm)].map((m) => Number(m[1]));
    // wait for the window to slide by two segments
    await new Promise((r) => setTimeout(r, 4_200));
    const later = await (await fetch(`${base}/index.m3u8`)).text();
    expect(seqOf(later)).toBeGreaterThanOrEqual(Math.min(segs[segs.length - 1] + 2 - 4, segs[0] + 2));
    const last = Math.max(...[...later.matchAll(/^(\d+)\.ts$/gm)].map((m) => Number(m[1])));
    expect(last).toBeGreaterThanOrEqual(segs[segs.length - 1] + 2);
    const files: string[] = [];
    for (const s of [last - 1, last]) {
      const r = await fetch(`${base}/${s}.ts`);
      expect(r.headers.get('content-type')).toBe('video/mp2t');
      files.push(path.join(host.dataDir, `${s}.ts`));
      fs.writeFileSync(files[files.length - 1], Buffer.from(await r.arrayBuffer()));
    }
    const both = path.join(host.dataDir, 'both.ts');
    fs.writeFileSync(both, Buffer.concat(files.map((f) => fs.readFileSync(f))));
    const p = await ffprobe(both);
    expect(p.streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(p.packets).toHaveLength(100);
    expect(new Set(steps(p))).toEqual(new Set([3_600]));
    const { stderr } = await run('ffmpeg', ['-v', 'warning', '-i', both, '-f', 'null', '-']);
    expect(stderr).toBe('');
    // a segment from the future, or long gone, is not live
    expect((await fetch(`${base}/${last + 50}.ts`)).status).toBe(404);
    expect((await fetch(`${base}/999999999.ts`)).status).toBe(404);
  }, 60_000);

  it('MJPEG: multipart JPEG frames an <img> can show', async () => {
    const ac = new AbortController();
    const r = await fetch(`${host.url}/media/live/${online.id}/sub.mjpeg`, { signal: ac.signal });
    expect(r.headers.get('content-type')).toBe('multipart/x-mixed-replace; boundary=lianqinframe');
    const reader = r.body!.getReader();
    let buf = Buffer.alloc(0);
    while (buf.indexOf('--lianqinframe', 20) < 0) buf = Buffer.concat([buf, Buffer.from((await reader.read()).value!)]);
    ac.abort();
    const start = buf.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
    const len = Number(/Content-Length: (\d+)/.exec(buf.toString('latin1'))![1]);
    const file = path.join(host.dataDir, 'frame.jpg');
    fs.writeFileSync(file, buf.subarray(start, start + len));
    const p = await ffprobe(file);
    expect(p.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 320, height: 180 });
  });

  it('an offline camera has no stream: HTTP-FLV, HLS and the WebSocket all answer 404', async () => {
    const flv = await fetch(`${host.url}/media/live/${offline.id}/sub.live.flv`);
    expect(flv.status).toBe(404);
    expect(await flv.text()).toContain('offline');
    expect((await fetch(`${host.url}/media/live/${offline.id}/sub/index.m3u8`)).status).toBe(404);
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}/media/live/${offline.id}/sub.live.flv`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(404);
    const unknown = await fetch(`${host.url}/media/live/nope/sub.live.flv`);
    expect([unknown.status, await unknown.text()]).toEqual([404, 'stream not found: no camera nope']);
    expect((await fetch(`${host.url}/media/live/bad.id/sub.live.flv`)).status).toBe(400);
  });
});
