// The simulator's stream endpoints on the console host, shaped like ZLMediaKit's:
//   WS-FLV and HTTP-FLV  /media/live/{cameraId}/{sub|main}.live.flv
//   HLS                  /media/live/{cameraId}/{sub|main}/index.m3u8 and …/{seq}.ts
//   MJPEG                /media/live/{cameraId}/sub.mjpeg
// One ticker feeds every live viewer; a camera that is offline (or H.265, which is not simulated)
// answers 404 "stream not found", as a media server does for a stream nobody pushes.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { UpgradeHandler } from '../../host/host';
import { route, type RouteDef } from '../../host/router';
import type { ClipLibrary } from './clips';
import { FlvLive } from './flvLive';
import { playlist, segment, segmentAvailable } from './hls';
import { LiveClock, liveStream, clipIndexOf, type LiveStream } from './timeline';

export interface SimCamera {
  status: 'online' | 'offline' | 'fault';
  codec: 'h264' | 'h265' | 'unknown';
}

export interface SimulatorMediaDeps {
  lib: ClipLibrary;
  /** milliseconds, monotonic (performance.now): streams run on real time whatever the domain clock says */
  clock: () => number;
  lookup: (cameraId: string) => SimCamera | null;
}

type Kind = 'sub' | 'main';
interface Viewer {
  cameraId: string;
  kind: Kind;
  flv?: FlvLive;
  mjpegAt?: number;
  /** bytes queued but not yet sent */
  backlog(): number;
  send(chunk: Uint8Array): void;
  close(): void;
}

const CONGESTED_BYTES = 1 << 20;
const HOPELESS_BYTES = 8 << 20;
const WS_PATH = /^\/media\/live\/([\w-]{1,64})\/(sub|main)\.live\.flv$/;
const BOUNDARY = 'lianqinframe';
const cameraIdSchema = z.string().regex(/^[\w-]{1,64}$/, 'camera id: letters, digits, _ or -');

export class SimulatorMedia {
  private readonly live: LiveClock;
  private readonly viewersSet = new Set<Viewer>();
  private readonly streams = new Map<string, LiveStream>();
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: SimulatorMediaDeps) {
    this.live = new LiveClock(deps.lib.fps, deps.clock);
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), Math.max(5, Math.floor(500 / this.deps.lib.fps)));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const v of [...this.viewersSet]) v.close();
    this.viewersSet.clear();
    this.wss.close();
  }

  viewers(cameraId?: string, kind?: Kind): number {
    let n = 0;
    for (const v of this.viewersSet) if ((!cameraId || v.cameraId === cameraId) && (!kind || v.kind === kind)) n++;
    return n;
  }

  /** Drops every viewer of a camera (a camera that just went offline). */
  cut(cameraId: string): void {
    for (const v of [...this.viewersSet]) if (v.cameraId === cameraId) v.close();
  }

  clipNumberOf(cameraId: string): number {
    return this.deps.lib.clips[clipIndexOf(cameraId, this.deps.lib.clips.length)].number;
  }

  /** Why a camera has no stream here, or null when it has one. */
  refusal(cameraId: string): string | null {
    const cam = this.deps.lookup(cameraId);
    if (!cam) return `stream not found: no camera ${cameraId}`;
    if (cam.status !== 'online') return `stream not found: camera ${cameraId} is ${cam.status}`;
    if (cam.codec === 'h265')
      return `stream not found: camera ${cameraId} sends H.265, which the simulator does not make`;
    return null;
  }

  private stream(cameraId: string, kind: Kind): LiveStream {
    const key = `${cameraId}/${kind}`;
    let s = this.streams.get(key);
    if (!s) {
      s = liveStream(this.deps.lib, cameraId, kind);
      this.streams.set(key, s);
    }
    return s;
  }

  private tick(): void {
    const now = this.live.index();
    const ms = this.deps.clock();
    for (const v of this.viewersSet) {
      const backlog = v.backlog();
      if (backlog > HOPELESS_BYTES) {
        v.close();
        continue;
      }
      if (v.flv) {
        const chunks = v.flv.advance(now, backlog > CONGESTED_BYTES);
        if (chunks.length) v.send(Buffer.concat(chunks));
      } else if (v.mjpegAt !== undefined && ms >= v.mjpegAt && backlog < CONGESTED_BYTES) {
        this.sendJpeg(v, ms);
      }
    }
  }

  private sendJpeg(v: Viewer, ms: number): void {
    const clip = this.deps.lib.clips[clipIndexOf(v.cameraId, this.deps.lib.clips.length)];
    const period = 1000 / clip.mjpeg.fps;
    const i = Math.floor(ms / period) % clip.mjpeg.frames.length;
    const jpeg = clip.mjpeg.frames[i];
    const head = `--${BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`;
    v.send(Buffer.concat([Buffer.from(head), jpeg, Buffer.from('\r\n')]));
    v.mjpegAt = (Math.floor(ms / period) + 1) * period;
  }

  private add(v: Viewer, onClose: (fn: () => void) => void): void {
    this.viewersSet.add(v);
    onClose(() => this.viewersSet.delete(v));
  }

  readonly upgrade: UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL) => {
    const m = WS_PATH.exec(url.pathname);
    if (!m) return false;
    const [, cameraId, kind] = m as unknown as [string, string, Kind];
    const refused = this.refusal(cameraId);
    if (refused) {
      socket.end(`HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refused}`);
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const flv = new FlvLive(this.stream(cameraId, kind));
      const v: Viewer = {
        cameraId,
        kind,
        flv,
        backlog: () => ws.bufferedAmount,
        send: (c) => ws.send(c),
        close: () => ws.terminate(),
      };
      this.add(v, (fn) => ws.on('close', fn));
      ws.on('error', () => ws.terminate());
      ws.on('message', () => {}); // viewers have nothing to say
      ws.send(Buffer.concat(flv.open(this.live.index())));
    });
    return true;
  };

  private httpViewer(res: http.ServerResponse, cameraId: string, kind: Kind): Viewer {
    return {
      cameraId,
      kind,
      backlog: () => res.writableLength,
      send: (c) => void res.write(c),
      close: () => res.destroy(),
    };
  }

  routes(): RouteDef[] {
    const notFound = (res: http.ServerResponse, why: string) => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(why);
      return { handled: true } as const;
    };
    const liveHeaders = (type: string) => ({
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    return [
      route({
        method: 'GET',
        path: '/media/live/{cameraId}/{file}',
        tag: 'video streams (simulator)',
        summary:
          'A simulated camera live: HTTP-FLV ({sub|main}.live.flv; the same path over WebSocket is WS-FLV) or MJPEG',
        params: z.object({ cameraId: cameraIdSchema, file: z.enum(['sub.live.flv', 'main.live.flv', 'sub.mjpeg']) }),
        responses: {
          200: { description: 'an endless live stream', contentType: 'video/x-flv' },
          404: { description: 'no such stream (unknown, offline or H.265 camera)', contentType: 'text/plain' },
        },
        handle: async ({ params, req, res }) => {
          const refused = this.refusal(params.cameraId);
          if (refused) return notFound(res, refused);
          const kind: Kind = params.file.startsWith('main') ? 'main' : 'sub';
          const v = this.httpViewer(res, params.cameraId, kind);
          if (params.file.endsWith('.mjpeg')) {
            res.writeHead(200, liveHeaders(`multipart/x-mixed-replace; boundary=${BOUNDARY}`));
            v.mjpegAt = 0;
          } else {
            res.writeHead(200, liveHeaders('video/x-flv'));
            v.flv = new FlvLive(this.stream(params.cameraId, kind));
          }
          if (req.method === 'HEAD') {
            res.end();
            return { handled: true };
          }
          this.add(v, (fn) => res.on('close', fn));
          if (v.flv) v.send(Buffer.concat(v.flv.open(this.live.index())));
          else this.sendJpeg(v, this.deps.clock());
          return { handled: true };
        },
      }),
      route({
        method: 'GET',
        path: '/media/live/{cameraId}/{stream}/{file}',
        tag: 'video streams (simulator)',
        summary:
          'A simulated camera as live HLS: a sliding playlist (index.m3u8) of 2-second MPEG-TS segments ({seq}.ts)',
        params: z.object({
          cameraId: cameraIdSchema,
          stream: z.enum(['sub', 'main']),
          file: z.string().regex(/^(index\.m3u8|\d{1,12}\.ts)$/, 'index.m3u8 or <sequence>.ts'),
        }),
        responses: {
          200: { description: 'the playlist or a segment', contentType: 'application/vnd.apple.mpegurl' },
          404: {
            description: 'no such stream, or a segment that is not (or no longer) live',
            contentType: 'text/plain',
          },
        },
        handle: async ({ params, res }) => {
          const refused = this.refusal(params.cameraId);
          if (refused) return notFound(res, refused);
          const live = this.stream(params.cameraId, params.stream);
          const now = this.live.index();
          if (params.file === 'index.m3u8') {
            const text = playlist(live, now, (seq) => `${seq}.ts`);
            if (!text) return notFound(res, 'stream not ready: the first segment is still being made');
            res.writeHead(200, liveHeaders('application/vnd.apple.mpegurl'));
            res.end(text);
            return { handled: true };
          }
          const seq = Number(params.file.slice(0, -3));
          if (!segmentAvailable(live, now, seq)) return notFound(res, `segment ${seq} is not live`);
          const bytes = segment(live, seq);
          res.writeHead(200, { ...liveHeaders('video/mp2t'), 'content-length': String(bytes.length) });
          res.end(bytes);
          return { handled: true };
        },
      }),
    ];
  }
}
