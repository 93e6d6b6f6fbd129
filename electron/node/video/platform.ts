// One interface for every video platform the console can play from: the embedded simulator, the
// seeded direct URLs, and WVP-GB28181-pro. The video service picks a camera's platform by the
// camera's `platform` field and turns PlatformErrors into service errors.
import type { CameraDto } from '../../common/dto';
import type { PlatformKind, PlayUrls, PresetDto, PtzCommand, StreamKind, VideoCodec } from '../../common/video/types';

/** What a platform needs to know about a camera to play it. */
export type CameraRef = Pick<
  CameraDto,
  'id' | 'mount' | 'status' | 'codec' | 'platform' | 'mainStreamUrl' | 'subStreamUrl'
> & { deviceId: string | null };

export interface PlatformPlay {
  urls: PlayUrls;
  codec: VideoCodec;
  /** how long the URLs stay good */
  ttlMs: number;
}

/** A channel a platform lists: it joins the console's camera list (searchable, on the map, nearby). */
export interface PlatformChannel {
  id: string;
  deviceId: string;
  name: string;
  lon: number;
  lat: number;
  status: 'online' | 'offline';
  mount: 'fixed' | 'ptz';
  headingDeg: number | null;
}

export interface Probe {
  reachable: boolean;
  latencyMs: number | null;
  error: string | null;
}

/**
 * Why a platform could not do something:
 * - offline: the camera is not there (404-like at the platform, or marked offline)
 * - unreachable: the platform itself did not answer
 * - refused: the platform answered no (bad credentials, bad command, its own error code)
 * - unsupported: the platform or camera cannot do that at all (PTZ on a fixed camera, direct URLs)
 */
export class PlatformError extends Error {
  constructor(
    readonly kind: 'offline' | 'unreachable' | 'refused' | 'unsupported',
    message: string,
    /** the platform's own error code, when it gave one */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface VideoPlatform {
  /** 'simulator', 'direct' or 'wvp:<host>' — the value cameras carry in `platform` */
  readonly id: string;
  readonly kind: PlatformKind;
  readonly simulated: boolean;
  /** where it is, without credentials */
  readonly address: string;
  play(camera: CameraRef, stream: StreamKind): Promise<PlatformPlay>;
  stop(camera: CameraRef, stream: StreamKind): Promise<void>;
  /** speed 0..1 of the platform's range */
  ptz(camera: CameraRef, command: PtzCommand, speed: number): Promise<void>;
  presets(camera: CameraRef): Promise<PresetDto[]>;
  gotoPreset(camera: CameraRef, presetId: number): Promise<void>;
  probe(): Promise<Probe>;
  /** channels to join the camera list (platforms that list their own) */
  channels?(): Promise<PlatformChannel[]>;
}
