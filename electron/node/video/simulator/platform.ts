// The embedded simulator as a platform: hands out the console host's own stream URLs for the seeded
// cameras, refuses the ones the seed marks offline or faulty the way a media platform does, and
// keeps each PTZ camera's pan/tilt/zoom and presets so commands visibly land somewhere.
import type { PresetDto, PtzCommand, StreamKind } from '../../../common/video/types';
import { PlatformError, type CameraRef, type PlatformPlay, type Probe, type VideoPlatform } from '../platform';
import type { SimulatorMedia } from './endpoints';

export const SIMULATOR_PLATFORM = 'simulator';
const PLAY_TTL_MS = 10 * 60_000;

export interface PtzState {
  panDeg: number;
  tiltDeg: number;
  zoom: number;
  /** the last command and when (media clock) */
  last: { command: PtzCommand; speed: number } | null;
}

export class SimulatorPlatform implements VideoPlatform {
  readonly id = SIMULATOR_PLATFORM;
  readonly kind = 'simulator' as const;
  readonly simulated = true;
  readonly address = 'console host (simulated streams)';
  private readonly ptzState = new Map<string, PtzState>();

  constructor(private readonly media: SimulatorMedia) {}

  async play(camera: CameraRef, stream: StreamKind): Promise<PlatformPlay> {
    if (camera.status !== 'online')
      throw new PlatformError('offline', `camera ${camera.id} is ${camera.status} (设备离线)`);
    const base = `/media/live/${camera.id}`;
    const urls =
      camera.codec === 'h265'
        ? // what a platform hands out for an H.265 camera; the player refuses it before connecting
          { wsFlv: `${base}/${stream}.live.flv`, hls: `${base}/${stream}/index.m3u8` }
        : {
            wsFlv: `${base}/${stream}.live.flv`,
            flv: `${base}/${stream}.live.flv`,
            hls: `${base}/${stream}/index.m3u8`,
            ...(stream === 'sub' ? { mjpeg: `${base}/sub.mjpeg` } : {}),
          };
    return { urls, codec: camera.codec, ttlMs: PLAY_TTL_MS };
  }

  async stop(): Promise<void> {}

  async ptz(camera: CameraRef, command: PtzCommand, speed: number): Promise<void> {
    const s = this.state(camera.id);
    const step = 5 * Math.max(0.1, speed);
    if (command.includes('left')) s.panDeg = (s.panDeg - step + 360) % 360;
    if (command.includes('right')) s.panDeg = (s.panDeg + step) % 360;
    if (command.startsWith('up')) s.tiltDeg = Math.min(90, s.tiltDeg + step);
    if (command.startsWith('down')) s.tiltDeg = Math.max(-10, s.tiltDeg - step);
    if (command === 'zoomin') s.zoom = Math.min(30, s.zoom + speed);
    if (command === 'zoomout') s.zoom = Math.max(1, s.zoom - speed);
    s.last = { command, speed };
  }

  async presets(camera: CameraRef): Promise<PresetDto[]> {
    void camera;
    return [
      { id: 1, name: '全景' },
      { id: 2, name: '路口' },
      { id: 3, name: '出入口' },
    ];
  }

  async gotoPreset(camera: CameraRef, presetId: number): Promise<void> {
    const presets = await this.presets(camera);
    if (!presets.some((p) => p.id === presetId))
      throw new PlatformError('refused', `camera ${camera.id} has no preset ${presetId}`);
    const s = this.state(camera.id);
    s.panDeg = (presetId - 1) * 120;
    s.tiltDeg = 0;
    s.zoom = 1;
  }

  async probe(): Promise<Probe> {
    return { reachable: true, latencyMs: 0, error: null };
  }

  /** where a simulated PTZ camera points (tests and the status read it) */
  ptzOf(cameraId: string): PtzState | null {
    return this.ptzState.get(cameraId) ?? null;
  }

  viewers(cameraId: string, stream: StreamKind): number {
    return this.media.viewers(cameraId, stream);
  }

  private state(id: string): PtzState {
    let s = this.ptzState.get(id);
    if (!s) {
      s = { panDeg: 0, tiltDeg: 0, zoom: 1, last: null };
      this.ptzState.set(id, s);
    }
    return s;
  }
}
