// Which protocol a tile plays, and URL hygiene for what platforms hand out. Pure: the browser's
// capabilities and the open connections are passed in.
import type { PlayUrls, Protocol, VideoCodec } from './types';

/**
 * Lowest latency first, within what a 16-way wall can hold: WS-FLV (no HTTP/1.1 connection limit),
 * HTTP-FLV (only while the origin has a free connection), HLS (seconds behind, but everywhere),
 * WebRTC by WHEP, then MJPEG (no MSE needed, so it still plays where H.265 does not).
 */
export const DEFAULT_PREFERENCE: readonly Protocol[] = ['wsFlv', 'flv', 'hls', 'webrtc', 'mjpeg'];

/** Browsers keep at most six HTTP/1.1 connections per origin; a seventh long-lived stream stalls. */
export const HTTP_CONNECTIONS_PER_ORIGIN = 6;
/**
 * Long-lived streams (HTTP-FLV, MJPEG) get four of the six: HLS playlists and segments, API calls and
 * snapshots to the same host need connections too, and wait forever behind six endless streams.
 */
export const HTTP_STREAMS_PER_ORIGIN = HTTP_CONNECTIONS_PER_ORIGIN - 2;

/** Protocols that hold one HTTP/1.1 connection open for as long as they play. */
export function holdsHttpConnection(p: Protocol): boolean {
  return p === 'flv' || p === 'mjpeg';
}

/** Protocols decoded through Media Source Extensions (so the codec must be MSE-playable). */
export function usesMse(p: Protocol): boolean {
  return p === 'wsFlv' || p === 'flv' || p === 'hls';
}

export interface PlayerCaps {
  /** MediaSource exists */
  mse: boolean;
  /** MediaSource.isTypeSupported for H.264 / H.265 */
  h264: boolean;
  h265: boolean;
  /** RTCPeerConnection exists */
  webrtc: boolean;
}

export type Choice =
  { ok: true; order: Protocol[] } | { ok: false; reason: 'codec-unsupported' | 'no-url'; detail: string };

/** The protocols to try, best first, for what the platform offered and what this browser can decode. */
export function protocolOrder(
  urls: PlayUrls,
  codec: VideoCodec,
  caps: PlayerCaps,
  preference: readonly Protocol[] = DEFAULT_PREFERENCE,
): Choice {
  const offered = preference.filter((p) => typeof urls[p] === 'string' && urls[p] !== '');
  if (!offered.length) return { ok: false, reason: 'no-url', detail: 'the platform offered no playable URL' };
  const decodable = (p: Protocol): boolean => {
    if (p === 'mjpeg') return true;
    if (p === 'webrtc') return caps.webrtc && codec !== 'h265';
    if (!caps.mse) return false;
    return codec === 'h265' ? caps.h265 : caps.h264;
  };
  const order = offered.filter(decodable);
  if (!order.length) {
    return {
      ok: false,
      reason: 'codec-unsupported',
      detail: `${codec.toUpperCase()} cannot be decoded here (offered: ${offered.join(', ')})`,
    };
  }
  return { ok: true, order };
}

/** The origin a URL's connection goes to (ws:// and http:// to the same host are different origins). */
export function originOf(url: string, base?: string): string {
  return new URL(url, base).origin;
}

/**
 * The first protocol in `order` that does not need a seventh long-lived connection to its origin.
 * `open` counts the long-lived HTTP streams already held per origin.
 */
export function pickProtocol(
  order: readonly Protocol[],
  urls: PlayUrls,
  open: ReadonlyMap<string, number>,
  base?: string,
  limit = HTTP_STREAMS_PER_ORIGIN,
): Protocol | null {
  for (const p of order) {
    const url = urls[p];
    if (!url) continue;
    if (holdsHttpConnection(p) && (open.get(originOf(url, base)) ?? 0) >= limit) continue;
    return p;
  }
  return null;
}

/** The protocol a bare stream URL speaks, from its scheme and shape (for seeded direct URLs). */
export function protocolOfUrl(url: string): Protocol | null {
  const u = url.trim().toLowerCase();
  const path = u.split(/[?#]/)[0];
  if (/\/whep$|[?&]type=whep|\/index\/api\/whep/.test(u) || u.startsWith('webrtc://')) return 'webrtc';
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.flv')) return u.startsWith('ws://') || u.startsWith('wss://') ? 'wsFlv' : 'flv';
  if (/\.(mjpe?g|mjpg)$/.test(path) || /mjpeg|mjpg/.test(path)) return 'mjpeg';
  return null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1?\]?|\[::\])$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The URL with its host name replaced (port, path and query kept). Unparseable URLs come back as they were. */
export function withHost(url: string, hostname: string): string {
  try {
    const u = new URL(url);
    u.hostname = hostname;
    return u.toString();
  } catch {
    return url;
  }
}
