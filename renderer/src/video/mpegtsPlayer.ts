// WS-FLV and HTTP-FLV through mpegts.js, tuned for live: no stash buffer, latency chasing on (the
// picture stays within about a second of live), old buffer cleaned up so a wall can run for days.
import mpegts from 'mpegts.js';
import type { Protocol } from '../../../electron/common/video/types';
import { holdStream } from './connections';
import { VideoPlayerBase } from './videoBase';

export class FlvPlayer extends VideoPlayerBase {
  private player: mpegts.Player | null = null;
  private release0: (() => void) | null = null;
  private speedKBps: number | null = null;

  constructor(protocol: Extract<Protocol, 'wsFlv' | 'flv'>) {
    super(protocol);
  }

  open(url: string): void {
    this.emit('connecting');
    if (this.protocol === 'flv') this.release0 = holdStream(url);
    const p = mpegts.createPlayer(
      { type: 'flv', isLive: true, url, hasAudio: false },
      {
        enableWorker: false,
        enableStashBuffer: false,
        stashInitialSize: 128 * 1024,
        lazyLoad: false,
        liveBufferLatencyChasing: true,
        liveBufferLatencyMaxLatency: 1.5,
        liveBufferLatencyMinRemain: 0.3,
        autoCleanupSourceBuffer: true,
        autoCleanupMaxBackwardDuration: 12,
        autoCleanupMinBackwardDuration: 6,
      },
    );
    this.player = p;
    p.on(mpegts.Events.ERROR, (type: string, detail: string, info: { msg?: string; code?: number } | undefined) => {
      const why = `${detail}${info?.code ? ` ${info.code}` : ''}${info?.msg ? `: ${info.msg}` : ''}`;
      // a stream the server does not have (404) or a socket that closed is the camera going away
      const gone = type === mpegts.ErrorTypes.NETWORK_ERROR;
      this.emit(gone ? 'offline' : 'error', why);
    });
    p.on(mpegts.Events.LOADING_COMPLETE, () => this.emit('offline', 'the stream ended'));
    p.on(mpegts.Events.STATISTICS_INFO, (s: { speed?: number }) => {
      this.speedKBps = s.speed ?? null;
    });
    p.attachMediaElement(this.element);
    p.load();
    this.watch();
    this.play();
  }

  override stats() {
    const s = super.stats();
    s.bitrateKbps = this.speedKBps === null ? null : Math.round(this.speedKBps * 8);
    return s;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const p = this.player;
    this.player = null;
    if (p) {
      try {
        p.pause();
        p.unload();
        p.detachMediaElement();
      } finally {
        p.destroy();
      }
    }
    this.release0?.();
    this.release();
    this.emit('closed');
  }
}
