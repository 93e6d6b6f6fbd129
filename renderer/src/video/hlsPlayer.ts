// HLS through hls.js (or the browser itself where it plays HLS natively), held near the live edge.
import Hls from 'hls.js';
import { VideoPlayerBase } from './videoBase';

export class HlsPlayer extends VideoPlayerBase {
  private hls: Hls | null = null;

  constructor() {
    super('hls');
  }

  open(url: string): void {
    this.emit('connecting');
    if (!Hls.isSupported()) {
      this.element.src = url;
    } else {
      const h = new Hls({
        enableWorker: false,
        lowLatencyMode: false,
        liveSyncDurationCount: 2,
        liveMaxLatencyDurationCount: 5,
        maxBufferLength: 10,
        backBufferLength: 10,
        manifestLoadingMaxRetry: 2,
        levelLoadingMaxRetry: 2,
      });
      this.hls = h;
      h.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        const why = `${data.details}${data.response?.code ? ` ${data.response.code}` : ''}`;
        this.emit(data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'offline' : 'error', why);
      });
      h.loadSource(url);
      h.attachMedia(this.element);
    }
    this.watch();
    this.play();
  }

  override stats() {
    const s = super.stats();
    const h = this.hls;
    if (h) {
      s.latencyS = h.latency ?? s.latencyS;
      s.bitrateKbps = h.bandwidthEstimate ? Math.round(h.bandwidthEstimate / 1000) : null;
    }
    return s;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const h = this.hls;
    this.hls = null;
    if (h) {
      h.detachMedia();
      h.destroy();
    }
    this.release();
    this.emit('closed');
  }
}
