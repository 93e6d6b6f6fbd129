// What every <video>-based player shares: the element, state listeners, frame watching, and the
// teardown that really frees the decoder (src removed and load() called, so no MediaSource lingers).
import type { Protocol } from '../../../electron/common/video/types';
import { watchFrames, type FrameWatch } from './frames';
import { emptyStats, type Player, type PlayerEvent, type PlayerState, type PlayerStats } from './types';

export abstract class VideoPlayerBase implements Player {
  readonly element: HTMLVideoElement;
  private readonly listeners: ((e: PlayerEvent) => void)[] = [];
  protected frames: FrameWatch | null = null;
  protected closed = false;
  private last: PlayerState | null = null;

  constructor(readonly protocol: Protocol) {
    const v = document.createElement('video');
    v.muted = true;
    v.autoplay = true;
    v.playsInline = true;
    v.disablePictureInPicture = true;
    this.element = v;
  }

  onState(listener: (e: PlayerEvent) => void): void {
    this.listeners.push(listener);
  }

  protected emit(state: PlayerState, detail?: string): void {
    if (this.closed && state !== 'closed') return;
    if (state === this.last && !detail) return;
    this.last = state;
    for (const l of this.listeners) l({ state, detail });
  }

  protected watch(): void {
    this.frames?.stop();
    this.frames = watchFrames(this.element, {
      first: () => this.emit('playing'),
      stalled: () => this.emit('stalled', 'no new frame'),
      resumed: () => this.emit('playing'),
    });
  }

  protected play(): void {
    void this.element.play().catch(() => {
      /* autoplay is allowed for muted video; a refusal shows up as no frames (stalled) */
    });
  }

  setMuted(muted: boolean): void {
    this.element.muted = muted;
  }

  stats(): PlayerStats {
    const s = emptyStats(this.protocol);
    const v = this.element;
    s.width = v.videoWidth;
    s.height = v.videoHeight;
    s.decodedFrames = this.frames?.decoded() ?? 0;
    s.fps = this.frames?.fps() ?? 0;
    s.firstFrameMs = this.frames?.firstFrameMs() ?? null;
    s.droppedFrames = v.getVideoPlaybackQuality?.().droppedVideoFrames ?? 0;
    const b = v.buffered;
    s.latencyS = b.length ? Math.max(0, b.end(b.length - 1) - v.currentTime) : null;
    return s;
  }

  /** subclasses free their library first, then call this */
  protected release(): void {
    this.frames?.stop();
    this.frames = null;
    const v = this.element;
    v.pause();
    v.removeAttribute('src');
    v.srcObject = null;
    v.load();
    v.remove();
  }

  abstract open(url: string): void;
  abstract close(): void;
}
