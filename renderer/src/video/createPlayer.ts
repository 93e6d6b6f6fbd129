// The player for a protocol.
import type { Protocol } from '../../../electron/common/video/types';
import { HlsPlayer } from './hlsPlayer';
import { MjpegPlayer } from './mjpegPlayer';
import { FlvPlayer } from './mpegtsPlayer';
import type { Player } from './types';
import { WhepPlayer } from './whepPlayer';

export function createPlayer(p: Protocol): Player {
  switch (p) {
    case 'wsFlv':
    case 'flv':
      return new FlvPlayer(p);
    case 'hls':
      return new HlsPlayer();
    case 'mjpeg':
      return new MjpegPlayer();
    case 'webrtc':
      return new WhepPlayer();
  }
}
export { absoluteUrl } from './absoluteUrl';
