// The tiles' controllers by index, for snapshots from the toolbar and for diagnostics
// (`?diagnostics` exposes window.__lianqinVideo to benchmarks and support). Not reactive.
import type { TileController } from '../../video/tile';

export const tileControllers = new Map<number, TileController>();

declare global {
  interface Window {
    __lianqinVideo?: {
      tiles: () => {
        index: number;
        state: string;
        cameraId: string | null;
        protocol: string | null;
        fps: number;
        decoded: number;
        firstFrameMs: number | null;
      }[];
    };
  }
}

export function exposeDiagnostics(): void {
  if (!new URLSearchParams(location.search).has('diagnostics')) return;
  window.__lianqinVideo = {
    tiles: () =>
      [...tileControllers.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([index, c]) => {
          const s = c.stats();
          return {
            index,
            state: c.current.state,
            cameraId: c.current.cameraId,
            protocol: c.current.protocol,
            fps: s?.fps ?? 0,
            decoded: s?.decodedFrames ?? 0,
            firstFrameMs: s?.firstFrameMs ?? null,
          };
        }),
  };
}
