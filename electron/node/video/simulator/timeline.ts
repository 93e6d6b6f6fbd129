// Live time for looped clips. Every camera's stream runs on one clock from the simulator's start: the
// frame on air is a function of (camera, time), so viewers of one camera see the same frame, a
// reconnecting player lands where live is, and timestamps only ever grow across loops.
import { fnv1a } from '../../../common/prng';
import type { ClipLibrary, ClipStream } from './clips';

export interface LiveStream {
  stream: ClipStream;
  /** frames per clip, GOP length, frame duration */
  frames: number;
  gop: number;
  fps: number;
  /** where in its clip this camera's loop starts (a whole number of GOPs), so cameras differ */
  phase: number;
}

/** Which clip a camera shows: fixed by its id, so it is the same on every start and every console. */
export function clipIndexOf(cameraId: string, clipCount: number): number {
  return fnv1a(cameraId) % clipCount;
}

export function liveStream(lib: ClipLibrary, cameraId: string, kind: 'sub' | 'main'): LiveStream {
  const clip = lib.clips[clipIndexOf(cameraId, lib.clips.length)];
  const gops = lib.frames / lib.gop;
  const phase = (fnv1a(`${cameraId}:phase`) % gops) * lib.gop;
  return { stream: clip[kind], frames: lib.frames, gop: lib.gop, fps: lib.fps, phase };
}

export const clipFrame = (s: LiveStream, index: number) => s.stream.frames[(index + s.phase) % s.frames];
export const isKey = (s: LiveStream, index: number) => (index + s.phase) % s.gop === 0;
/** The latest key frame at or before `index`. */
export const keyAtOrBefore = (s: LiveStream, index: number) => index - ((index + s.phase) % s.gop);

export class LiveClock {
  private readonly epoch: number;
  constructor(
    private readonly fps: number,
    private readonly clock: () => number,
  ) {
    this.epoch = clock();
  }
  /** The frame on air now (0 at the simulator's start). */
  index(): number {
    return Math.floor(((this.clock() - this.epoch) * this.fps) / 1000);
  }
}
