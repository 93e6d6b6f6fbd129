// Live HLS for a looped clip: a sliding playlist of 2-second MPEG-TS segments, each a pure function
// of (camera, sequence number) so any viewer, any time, gets the same bytes, with timestamps and
// continuity counters that carry on from the segment before.
import { pesPacketCount, TsMuxer } from '../media/mpegts';
import { clipFrame, type LiveStream } from './timeline';

export const SEGMENT_GOPS = 2;
export const PLAYLIST_SEGMENTS = 5;
/** how far behind the playlist a segment may still be fetched */
const KEEP_SEGMENTS = 12;
/** presentation starts at 1 s so the PCR (100 ms earlier) never goes negative */
const PTS_OFFSET = 90_000;

export function segmentFrames(live: LiveStream): number {
  return live.gop * SEGMENT_GOPS;
}

/** The newest segment whose last frame has gone on air (−1 before the first is complete). */
export function lastSegment(live: LiveStream, now: number): number {
  return Math.floor((now + 1) / segmentFrames(live)) - 1;
}

export function playlist(live: LiveStream, now: number, segmentUrl: (seq: number) => string): string | null {
  const last = lastSegment(live, now);
  if (last < 0) return null;
  const first = Math.max(0, last - PLAYLIST_SEGMENTS + 1);
  const dur = segmentFrames(live) / live.fps;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(dur)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
  ];
  for (let seq = first; seq <= last; seq++) lines.push(`#EXTINF:${dur.toFixed(3)},`, segmentUrl(seq));
  return `${lines.join('\n')}\n`;
}

export function segmentAvailable(live: LiveStream, now: number, seq: number): boolean {
  const last = lastSegment(live, now);
  return Number.isInteger(seq) && seq >= 0 && seq <= last && seq >= last - KEEP_SEGMENTS;
}

/** Video TS packets sent before global frame `index` (for continuity counters): whole loops plus a prefix. */
function packetsBefore(live: LiveStream, index: number, perClip: number[]): number {
  const total = perClip[perClip.length - 1];
  const loops = Math.floor(index / live.frames);
  const rest = index % live.frames;
  // frames phase .. phase+rest-1 of the clip, wrapping
  const from = live.phase;
  const to = from + rest;
  const span = to <= live.frames ? perClip[to] - perClip[from] : total - perClip[from] + perClip[to - live.frames];
  return loops * total + span;
}

const prefixCache = new WeakMap<LiveStream['stream'], number[]>();
function packetPrefix(live: LiveStream): number[] {
  let p = prefixCache.get(live.stream);
  if (!p) {
    p = [0];
    for (const f of live.stream.frames) p.push(p[p.length - 1] + pesPacketCount(f.annexB.length));
    prefixCache.set(live.stream, p);
  }
  return p;
}

export function segment(live: LiveStream, seq: number): Uint8Array {
  const n = segmentFrames(live);
  const start = seq * n;
  const mux = new TsMuxer({ tables: seq, video: packetsBefore(live, start, packetPrefix(live)) });
  mux.writeTables();
  for (let i = start; i < start + n; i++) {
    const f = clipFrame(live, i);
    mux.writeVideo(f.annexB, PTS_OFFSET + Math.round((i * 90_000) / live.fps), f.key);
  }
  return mux.flush();
}
