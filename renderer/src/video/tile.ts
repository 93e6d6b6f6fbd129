// One wall tile's playback, outside Vue: asks the service for URLs, picks the protocol (codec,
// browser, six-connection limit), falls back to the next protocol when one cannot start, and when a
// camera goes away says so and tries again with back-off. The Vue tile only renders `TileView`.
import type { PlayDto, Protocol, StreamKind } from '../../../electron/common/video/types';
import { backoffMs, type TileState } from '../../../electron/common/video/reconnect';
import { pickProtocol, protocolOrder, type PlayerCaps } from '../../../electron/common/video/urls';
import { openStreams } from './connections';
import { absoluteUrl } from './absoluteUrl';
import { createPlayer } from './createPlayer';
import type { Player, PlayerStats } from './types';

export interface TileView {
  state: TileState;
  /** the reason shown with offline / unsupported / error */
  detail: string;
  cameraId: string | null;
  stream: StreamKind;
  protocol: Protocol | null;
  simulated: boolean;
  /** when the next attempt is due (ms since the epoch), while waiting to reconnect */
  retryAt: number | null;
}

export interface TileDeps {
  play(cameraId: string, stream: StreamKind): Promise<PlayDto>;
  caps: PlayerCaps;
  /** protocols to try, best first (default: WS-FLV, HTTP-FLV, HLS, WebRTC, MJPEG) */
  preference?: readonly Protocol[];
  random: () => number;
  onChange(view: TileView): void;
  /** ms to wait for a first frame before trying the next protocol */
  firstFrameTimeoutMs?: number;
}

const FIRST_FRAME_TIMEOUT_MS = 10_000;

export class TileController {
  private player: Player | null = null;
  private view: TileView = {
    state: 'idle',
    detail: '',
    cameraId: null,
    stream: 'sub',
    protocol: null,
    simulated: false,
    retryAt: null,
  };
  private attempt = 0;
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private firstFrameTimer: ReturnType<typeof setTimeout> | null = null;
  private muted = true;

  constructor(
    private readonly host: HTMLElement,
    private readonly deps: TileDeps,
  ) {}

  private set(patch: Partial<TileView>): void {
    this.view = { ...this.view, ...patch };
    this.deps.onChange(this.view);
  }

  get current(): TileView {
    return this.view;
  }

  /** Show a camera (or nothing). The same camera and stream again is a no-op. */
  show(cameraId: string | null, stream: StreamKind = 'sub'): void {
    if (cameraId === this.view.cameraId && stream === this.view.stream && this.view.state !== 'idle') return;
    this.stopPlayback();
    this.attempt = 0;
    this.set({ cameraId, stream, protocol: null, detail: '', retryAt: null, state: cameraId ? 'connecting' : 'idle' });
    if (cameraId) void this.start(++this.generation);
  }

  private stopPlayback(): void {
    this.generation++;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.firstFrameTimer) clearTimeout(this.firstFrameTimer);
    this.retryTimer = this.firstFrameTimer = null;
    this.player?.close();
    this.player = null;
  }

  private async start(gen: number): Promise<void> {
    const { cameraId, stream } = this.view;
    if (!cameraId) return;
    this.set({ state: 'connecting', detail: '', retryAt: null });
    let play: PlayDto;
    try {
      play = await this.deps.play(cameraId, stream);
    } catch (e) {
      if (gen !== this.generation) return;
      const err = e as { code?: string; message: string };
      const detail = err.message.replace(/^video\.play: /, '');
      return this.fail(err.code === 'not-found' ? 'error' : 'offline', detail, gen);
    }
    if (gen !== this.generation) return;
    this.set({ simulated: play.simulated });
    const choice = protocolOrder(play.urls, play.codec, this.deps.caps, this.deps.preference);
    if (!choice.ok) {
      // an undecodable codec never plays however often one asks: no retries
      if (choice.reason === 'codec-unsupported') return this.set({ state: 'unsupported', detail: choice.detail });
      return this.fail('error', choice.detail, gen);
    }
    this.tryProtocols(choice.order, play, gen);
  }

  private tryProtocols(order: Protocol[], play: PlayDto, gen: number): void {
    const p = pickProtocol(order, play.urls, openStreams(), location.href);
    if (!p) return this.fail('error', 'every protocol on offer failed or is at the six-connection limit', gen);
    const rest = order.slice(order.indexOf(p) + 1);
    const player = createPlayer(p);
    this.player = player;
    player.setMuted(this.muted);
    this.host.replaceChildren(player.element);
    let started = false;
    const fallBack = (why: string) => {
      if (gen !== this.generation || started) return;
      if (this.firstFrameTimer) clearTimeout(this.firstFrameTimer);
      player.close();
      if (rest.length) this.tryProtocols(rest, play, gen);
      else this.fail('offline', why, gen);
    };
    player.onState((e) => {
      if (gen !== this.generation || e.state === 'closed') return;
      if (e.state === 'playing') {
        started = true;
        this.attempt = 0;
        if (this.firstFrameTimer) clearTimeout(this.firstFrameTimer);
        this.set({ state: 'playing', detail: '', protocol: p });
      } else if (e.state === 'connecting') this.set({ state: 'connecting', protocol: p });
      else if (!started) fallBack(e.detail ?? e.state);
      else if (e.state === 'stalled') {
        this.set({ state: 'stalled', detail: e.detail ?? '' });
        // a stall that does not clear by itself is treated like a lost stream
        this.firstFrameTimer = setTimeout(() => this.fail('stalled', e.detail ?? '', gen), 6_000);
      } else this.fail(e.state === 'offline' ? 'offline' : 'error', e.detail ?? '', gen);
    });
    this.firstFrameTimer = setTimeout(
      () => fallBack(`no picture within ${(this.deps.firstFrameTimeoutMs ?? FIRST_FRAME_TIMEOUT_MS) / 1000} s`),
      this.deps.firstFrameTimeoutMs ?? FIRST_FRAME_TIMEOUT_MS,
    );
    player.open(absoluteUrl(play.urls[p]!, p));
  }

  private fail(state: TileState, detail: string, gen: number): void {
    if (gen !== this.generation) return;
    this.player?.close();
    this.player = null;
    const wait = backoffMs(this.attempt++, this.deps.random);
    const retryAt = Date.now() + wait;
    this.set({ state, detail, retryAt });
    this.retryTimer = setTimeout(() => {
      if (gen === this.generation) void this.start(gen);
    }, wait);
  }

  /** try again now (the officer pressed retry) */
  retry(): void {
    if (!this.view.cameraId) return;
    const { cameraId, stream } = this.view;
    this.set({ state: 'idle' });
    this.show(cameraId, stream);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.player?.setMuted(muted);
  }

  stats(): PlayerStats | null {
    return this.player?.stats() ?? null;
  }

  /** the picture now as a JPEG data URL, or null when nothing is showing */
  snapshot(): string | null {
    const el = this.player?.element;
    if (!el || this.view.state !== 'playing') return null;
    const w = el instanceof HTMLVideoElement ? el.videoWidth : el.naturalWidth;
    const h = el instanceof HTMLVideoElement ? el.videoHeight : el.naturalHeight;
    if (!w || !h) return null;
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.getContext('2d')?.drawImage(el, 0, 0, w, h);
    return c.toDataURL('image/jpeg', 0.85);
  }

  destroy(): void {
    this.stopPlayback();
    this.host.replaceChildren();
    this.set({ state: 'idle', cameraId: null, protocol: null, retryAt: null });
  }
}
