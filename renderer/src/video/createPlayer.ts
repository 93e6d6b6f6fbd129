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

/** Relative URLs from the console host become absolute; WS-FLV gets the ws:// scheme of the page's host. */
export function absoluteUrl(url: string, p: Protocol, base = location.href): string {
  const u = new URL(url, base);
  if (p === 'wsFlv' && (u.protocol === 'http:' || u.protocol === 'https:'))
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}
