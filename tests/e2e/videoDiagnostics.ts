// What the video wall exposes with ?diagnostics (renderer/src/features/video-wall/tileRegistry.ts).
export interface VideoTileDiagnostics {
  index: number;
  state: string;
  cameraId: string | null;
  protocol: string | null;
  fps: number;
  decoded: number;
  firstFrameMs: number | null;
}
declare global {
  interface Window {
    __lianqinVideo?: { tiles(): VideoTileDiagnostics[] };
  }
}
