// What this browser can decode, asked once. Debian's Chromium plays H.264 through MSE but not H.265;
// an H.265 camera is then shown as "cannot play here", never as a black tile.
import type { PlayerCaps } from '../../../electron/common/video/urls';

let caps: PlayerCaps | null = null;

export function playerCaps(): PlayerCaps {
  if (caps) return caps;
  const MS = (window as { MediaSource?: typeof MediaSource }).MediaSource;
  const supported = (type: string) => !!MS && MS.isTypeSupported(type);
  caps = {
    mse: !!MS,
    h264: supported('video/mp4; codecs="avc1.42E01E"') || supported('video/mp4; codecs="avc1.4D401E"'),
    h265: supported('video/mp4; codecs="hvc1.1.6.L93.B0"') || supported('video/mp4; codecs="hev1.1.6.L93.B0"'),
    webrtc: typeof RTCPeerConnection !== 'undefined',
  };
  return caps;
}
