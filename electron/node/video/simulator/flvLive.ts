// One viewer's live FLV: header, metadata, the AVC sequence header and the current GOP at once (so
// the first picture shows without waiting for the next key frame), then each frame as it goes on
// air. Timestamps start at 0 for the viewer and grow by one frame duration, across clip loops too.
// A viewer that cannot keep up loses frames up to the next key frame, never gets a broken GOP.
import { avcFrameTag, avcSequenceHeaderTag, flvHeader, metadataTag } from '../media/flv';
import { clipFrame, isKey, keyAtOrBefore, type LiveStream } from './timeline';

export class FlvLive {
  private base = 0;
  private next = 0;
  private waitKey = false;
  /** frames skipped because the viewer was behind */
  dropped = 0;

  constructor(private readonly live: LiveStream) {}

  private tag(index: number): Uint8Array {
    const f = clipFrame(this.live, index);
    return avcFrameTag(f.key, ((index - this.base) * 1000) / this.live.fps, f.avcc);
  }

  /** What a new viewer gets when live is at frame `now`. */
  open(now: number): Uint8Array[] {
    const s = this.live.stream;
    this.base = keyAtOrBefore(this.live, now);
    const out = [
      flvHeader(),
      metadataTag({
        width: s.width,
        height: s.height,
        framerate: this.live.fps,
        videocodecid: 7,
        videodatarate: Math.round(s.bitrate / 1000),
        duration: 0,
        encoder: 'lianqin simulator',
      }),
      avcSequenceHeaderTag(s.avcC),
    ];
    for (let i = this.base; i <= now; i++) out.push(this.tag(i));
    this.next = now + 1;
    return out;
  }

  /** Frames that went on air since the last call; while `congested`, frames are dropped to the next key. */
  advance(now: number, congested: boolean): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (; this.next <= now; this.next++) {
      const i = this.next;
      if (congested) {
        this.waitKey = true;
        this.dropped++;
        continue;
      }
      if (this.waitKey) {
        if (!isKey(this.live, i)) {
          this.dropped++;
          continue;
        }
        this.waitKey = false;
      }
      out.push(this.tag(i));
    }
    return out;
  }
}
