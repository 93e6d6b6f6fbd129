import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClips } from '../../../../electron/node/video/simulator/clips';
import { FlvLive } from '../../../../electron/node/video/simulator/flvLive';
import { lastSegment, playlist, segment, segmentAvailable } from '../../../../electron/node/video/simulator/hls';
import { clipIndexOf, keyAtOrBefore, liveStream } from '../../../../electron/node/video/simulator/timeline';
import { ROOT } from '../../../helpers/tmp';

const lib = loadClips(path.join(ROOT, 'seeds/video'));

/** FLV tags of a buffer: [type, timestamp, key] */
function tags(chunks: Uint8Array[]): [number, number, boolean][] {
  const b = Buffer.concat(chunks);
  const out: [number, number, boolean][] = [];
  let at = b[0] === 0x46 ? 13 : 0;
  while (at < b.length) {
    const size = b.readUIntBE(at + 1, 3);
    const ts = b.readUIntBE(at + 4, 3) | (b[at + 7] << 24);
    out.push([b[at], ts, b[at] === 9 ? b[at + 11] >> 4 === 1 : false]);
    at += 11 + size + 4;
  }
  return out;
}

describe('the simulator clips', () => {
  it('six clips of 150 frames, a key frame every 25, H.264 Main', () => {
    expect(lib.clips).toHaveLength(6);
    expect([lib.fps, lib.frames, lib.gop]).toEqual([25, 150, 25]);
    for (const c of lib.clips) {
      expect(c.sub.codec).toBe('avc1.4d401e');
      expect(c.main.codec).toBe('avc1.4d401f');
      expect([c.sub.width, c.sub.height, c.main.width, c.main.height]).toEqual([640, 360, 960, 540]);
      expect(c.sub.frames.filter((f) => f.key)).toHaveLength(6);
      expect(c.mjpeg.frames.length).toBeGreaterThan(0);
    }
  });

  it('cameras map to clips by id, the same every time, and spread over all clips', () => {
    const ids = Array.from({ length: 120 }, (_, i) => `5001060000132${String(i).padStart(7, '0')}`);
    expect(ids.map((id) => clipIndexOf(id, 6))).toEqual(ids.map((id) => clipIndexOf(id, 6)));
    expect(new Set(ids.map((id) => clipIndexOf(id, 6))).size).toBe(6);
  });
});

describe('live FLV', () => {
  const live = liveStream(lib, 'cam-1', 'sub');

  it('a new viewer gets header, metadata, sequence header and the GOP so far, starting at 0 ms on a key frame', () => {
    const now = 1_000 + 7;
    const t = tags(new FlvLive(live).open(now));
    expect(t[0]).toEqual([18, 0, false]);
    expect(t[1][0]).toBe(9); // AVC sequence header
    const frames = t.slice(2);
    expect(frames[0]).toEqual([9, 0, true]);
    expect(frames).toHaveLength(now - keyAtOrBefore(live, now) + 1);
    expect(frames.map((f) => f[1])).toEqual(frames.map((_, i) => i * 40));
  });

  it('timestamps keep growing by 40 ms across many loops of the clip', () => {
    const f = new FlvLive(live);
    const all = f.open(10);
    for (let n = 11; n < 10 + 3 * lib.frames; n += 7) all.push(...f.advance(n, false));
    const frames = tags(all).slice(2);
    const steps = new Set(frames.slice(1).map((x, i) => x[1] - frames[i][1]));
    expect(steps).toEqual(new Set([40]));
  });

  it('a viewer that falls behind loses frames up to the next key frame, never half a GOP', () => {
    const f = new FlvLive(live);
    f.open(0);
    expect(f.advance(10, true)).toHaveLength(0);
    const resumed = tags(f.advance(60, false));
    expect(resumed[0][2]).toBe(true);
    expect(f.dropped).toBeGreaterThan(10);
    expect(resumed[0][1] % 40).toBe(0);
  });
});

describe('live HLS', () => {
  const live = liveStream(lib, 'cam-2', 'sub');

  it('no playlist before the first segment is complete; then a window of up to five segments that slides', () => {
    expect(playlist(live, 48, (s) => `${s}.ts`)).toBeNull();
    expect(lastSegment(live, 49)).toBe(0);
    const early = playlist(live, 49, (s) => `${s}.ts`)!;
    expect(early).toContain('#EXT-X-MEDIA-SEQUENCE:0\n');
    expect(early.match(/\.ts/g)).toHaveLength(1);
    const later = playlist(live, 50 * 20 + 3, (s) => `${s}.ts`)!;
    expect(later).toContain('#EXT-X-MEDIA-SEQUENCE:15\n');
    expect(later.match(/#EXTINF:2\.000,/g)).toHaveLength(5);
    expect(later).not.toContain('#EXT-X-ENDLIST');
  });

  it('segments are a function of the sequence number, and only recent ones are served', () => {
    expect(Buffer.from(segment(live, 7)).equals(Buffer.from(segment(live, 7)))).toBe(true);
    expect(segmentAvailable(live, 1_000, 19)).toBe(true);
    expect(segmentAvailable(live, 1_000, 20)).toBe(false);
    expect(segmentAvailable(live, 1_000, 2)).toBe(false);
    expect(segmentAvailable(live, 1_000, 1.5)).toBe(false);
  });

  it('continuity counters carry on from one segment to the next', () => {
    const ccOfLastVideo = (seg: Uint8Array) => {
      let cc = -1;
      for (let i = 0; i < seg.length; i += 188)
        if ((((seg[i + 1] & 0x1f) << 8) | seg[i + 2]) === 0x100) cc = seg[i + 3] & 0x0f;
      return cc;
    };
    const firstVideoCc = (seg: Uint8Array) => seg[2 * 188 + 3] & 0x0f;
    for (const s of [0, 1, 2, 3, 5, 8])
      expect(firstVideoCc(segment(live, s + 1))).toBe((ccOfLastVideo(segment(live, s)) + 1) & 0x0f);
  });
});
