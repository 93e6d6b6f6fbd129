// One interface for every player (mpegts.js, hls.js, MJPEG <img>, WHEP): open, close, state events
// and stats. Players are plain objects owned by a tile controller, never put into Vue reactivity.
import type { Protocol } from '../../../electron/common/video/types';

export type PlayerState = 'connecting' | 'playing' | 'stalled' | 'offline' | 'error' | 'closed';

export interface PlayerStats {
  protocol: Protocol;
  width: number;
  height: number;
  /** frames decoded per second over the last measurement window */
  fps: number;
  decodedFrames: number;
  droppedFrames: number;
  bitrateKbps: number | null;
  /** seconds behind the live edge, when the player can tell */
  latencyS: number | null;
  /** ms from open() to the first decoded frame, or null before it */
  firstFrameMs: number | null;
}

export interface PlayerEvent {
  state: PlayerState;
  /** why, in the player's or the server's words (errors, offline) */
  detail?: string;
}

export interface Player {
  readonly protocol: Protocol;
  /** the element that shows the picture (attached by the tile) */
  readonly element: HTMLVideoElement | HTMLImageElement;
  open(url: string): void;
  /** frees everything: network, decoder, MediaSource, element src */
  close(): void;
  stats(): PlayerStats;
  onState(listener: (e: PlayerEvent) => void): void;
  setMuted(muted: boolean): void;
}

export const emptyStats = (protocol: Protocol): PlayerStats => ({
  protocol,
  width: 0,
  height: 0,
  fps: 0,
  decodedFrames: 0,
  droppedFrames: 0,
  bitrateKbps: null,
  latencyS: null,
  firstFrameMs: null,
});
