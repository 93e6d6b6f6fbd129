// Direct URLs: the stream addresses recorded with each camera (main and sub), used as they are. No
// control channel, so no PTZ; a URL whose protocol cannot be told is refused with the URL named.
import { protocolOfUrl } from '../../common/video/urls';
import type { PresetDto, StreamKind } from '../../common/video/types';
import { PlatformError, type CameraRef, type PlatformPlay, type Probe, type VideoPlatform } from './platform';

export const DIRECT_PLATFORM = 'direct';

export class DirectPlatform implements VideoPlatform {
  readonly id = DIRECT_PLATFORM;
  readonly kind = 'direct' as const;
  readonly simulated = false;
  readonly address = 'stream URLs recorded per camera';

  async play(camera: CameraRef, stream: StreamKind): Promise<PlatformPlay> {
    if (camera.status !== 'online') throw new PlatformError('offline', `camera ${camera.id} is ${camera.status}`);
    const url = stream === 'main' ? camera.mainStreamUrl : camera.subStreamUrl;
    const p = protocolOfUrl(url);
    if (!p)
      throw new PlatformError('unsupported', `camera ${camera.id}: cannot tell the protocol of ${url.slice(0, 200)}`);
    return { urls: { [p]: url }, codec: camera.codec, ttlMs: 24 * 3_600_000 };
  }

  async stop(): Promise<void> {}

  async ptz(camera: CameraRef): Promise<void> {
    throw new PlatformError(
      'unsupported',
      `camera ${camera.id} is played from a direct URL, which carries no PTZ control`,
    );
  }

  async presets(): Promise<PresetDto[]> {
    return [];
  }

  async gotoPreset(camera: CameraRef): Promise<void> {
    throw new PlatformError('unsupported', `camera ${camera.id} is played from a direct URL, which has no presets`);
  }

  async probe(): Promise<Probe> {
    return { reachable: true, latencyMs: null, error: null };
  }
}
