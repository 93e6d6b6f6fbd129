// Decoded-frame watch for a <video>: counts frames with requestVideoFrameCallback (falling back to
// getVideoPlaybackQuality), reports the first frame, a stall (no new frame for a while) and recovery.
import { STALL_AFTER_MS } from '../../../electron/common/video/reconnect';

export interface FrameWatch {
  decoded(): number;
  fps(): number;
  firstFrameMs(): number | null;
  stop(): void;
}

export function watchFrames(
  video: HTMLVideoElement,
  on: { first: () => void; stalled: () => void; resumed: () => void },
  stallAfterMs = STALL_AFTER_MS,
): FrameWatch {
  const t0 = performance.now();
  let count = 0;
  let first: number | null = null;
  let lastFrameAt = t0;
  let stalled = false;
  let stopped = false;
  let rvfc = 0;
  const window: number[] = [];

  const frame = () => {
    const now = performance.now();
    count++;
    window.push(now);
    while (window.length && now - window[0] > 2_000) window.shift();
    lastFrameAt = now;
    if (first === null) {
      first = now - t0;
      on.first();
    }
    if (stalled) {
      stalled = false;
      on.resumed();
    }
  };
  const hasRvfc = 'requestVideoFrameCallback' in HTMLVideoElement.prototype;
  const loop = () => {
    if (stopped) return;
    frame();
    rvfc = video.requestVideoFrameCallback(loop);
  };
  if (hasRvfc) rvfc = video.requestVideoFrameCallback(loop);
  let lastQuality = 0;
  const timer = setInterval(() => {
    if (!hasRvfc) {
      const q = video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
      for (let i = lastQuality; i < q; i++) frame();
      lastQuality = q;
    }
    if (first !== null && !stalled && performance.now() - lastFrameAt > stallAfterMs) {
      stalled = true;
      on.stalled();
    }
  }, 500);

  return {
    decoded: () => count,
    fps: () => {
      const now = performance.now();
      const recent = window.filter((t) => now - t <= 2_000);
      return recent.length / 2;
    },
    firstFrameMs: () => first,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      if (hasRvfc && rvfc) video.cancelVideoFrameCallback(rvfc);
    },
  };
}
