// Long-lived HTTP/1.1 streams per origin in this window: a browser keeps six connections per host and
// stalls the seventh, so a tile that would be the seventh HTTP-FLV or MJPEG stream picks another
// protocol (WS-FLV, HLS) instead.
import { originOf } from '../../../electron/common/video/urls';

const open = new Map<string, number>();

export function openStreams(): ReadonlyMap<string, number> {
  return open;
}

/** Counts a stream to the URL's origin; returns the release function (idempotent). */
export function holdStream(url: string): () => void {
  const o = originOf(url, location.href);
  open.set(o, (open.get(o) ?? 0) + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const n = (open.get(o) ?? 1) - 1;
    if (n <= 0) open.delete(o);
    else open.set(o, n);
  };
}
