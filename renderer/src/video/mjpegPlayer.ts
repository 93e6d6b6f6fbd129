// MJPEG in an <img> (multipart/x-mixed-replace): no MSE, so it plays where an H.265 main stream does
// not. Holds one HTTP/1.1 connection while open.
import { holdStream } from './connections';
import { emptyStats, type Player, type PlayerEvent, type PlayerState } from './types';

export class MjpegPlayer implements Player {
  readonly protocol = 'mjpeg' as const;
  readonly element: HTMLImageElement;
  private readonly listeners: ((e: PlayerEvent) => void)[] = [];
  private releaseConn: (() => void) | null = null;
  private t0 = 0;
  private firstMs: number | null = null;
  private closed = false;

  constructor() {
    this.element = document.createElement('img');
    this.element.decoding = 'async';
    this.element.alt = '';
  }

  onState(l: (e: PlayerEvent) => void): void {
    this.listeners.push(l);
  }
  private emit(state: PlayerState, detail?: string) {
    for (const l of this.listeners) l({ state, detail });
  }

  open(url: string): void {
    this.emit('connecting');
    this.t0 = performance.now();
    this.releaseConn = holdStream(url);
    this.element.onload = () => {
      if (this.firstMs === null) this.firstMs = performance.now() - this.t0;
      this.emit('playing');
    };
    this.element.onerror = () => this.emit('offline', 'the MJPEG stream failed');
    this.element.src = url;
  }

  setMuted(): void {}

  stats() {
    const s = emptyStats('mjpeg');
    s.width = this.element.naturalWidth;
    s.height = this.element.naturalHeight;
    s.firstFrameMs = this.firstMs;
    return s;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.element.onload = null;
    this.element.onerror = null;
    // dropping src aborts the multipart response, which frees the connection
    this.element.removeAttribute('src');
    this.element.remove();
    this.releaseConn?.();
    this.emit('closed');
  }
}
