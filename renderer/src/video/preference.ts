// The protocol preference of this wall: the default (WS-FLV → HTTP-FLV → HLS → WebRTC → MJPEG), or the
// one given as ?protocols=hls,mjpeg — for a site whose media server or network favours one protocol.
import { DEFAULT_PREFERENCE } from '../../../electron/common/video/urls';
import { PROTOCOLS, type Protocol } from '../../../electron/common/video/types';

export function preferenceFromUrl(search = location.search): readonly Protocol[] {
  const raw = new URLSearchParams(search).get('protocols');
  if (!raw) return DEFAULT_PREFERENCE;
  const chosen = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Protocol => (PROTOCOLS as readonly string[]).includes(s));
  return chosen.length ? chosen : DEFAULT_PREFERENCE;
}
