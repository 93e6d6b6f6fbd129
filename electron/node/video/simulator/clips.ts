// The simulator's clips, parsed once at start: per clip and stream the frames ready for FLV (length-
// prefixed picture NALs) and MPEG-TS (Annex B with AUD and parameter sets), plus MJPEG stills.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  accessUnits,
  annexB,
  avcDecoderConfig,
  codecString,
  lengthPrefixed,
  NAL,
  nalType,
  pictureNals,
  splitAnnexB,
} from '../media/h264';

const streamSchema = z.object({ file: z.string(), width: z.number().int(), height: z.number().int() });
const manifestSchema = z.object({
  fps: z.number().int().min(1).max(60),
  frames: z.number().int().min(1),
  gop: z.number().int().min(1),
  codec: z.literal('h264'),
  clips: z
    .array(
      z.object({
        number: z.number().int(),
        scene: z.string(),
        sub: streamSchema,
        main: streamSchema,
        mjpeg: streamSchema.extend({ fps: z.number().min(0.1).max(30) }),
      }),
    )
    .min(1),
});

export interface ClipFrame {
  key: boolean;
  /** length-prefixed picture NALs (FLV body) */
  avcc: Uint8Array;
  /** the whole access unit as Annex B (MPEG-TS payload) */
  annexB: Uint8Array;
}

export interface ClipStream {
  width: number;
  height: number;
  codec: string;
  /** AVCDecoderConfigurationRecord */
  avcC: Uint8Array;
  frames: ClipFrame[];
  /** bits per second */
  bitrate: number;
}

export interface Clip {
  number: number;
  scene: string;
  sub: ClipStream;
  main: ClipStream;
  mjpeg: { fps: number; frames: Uint8Array[] };
}

export interface ClipLibrary {
  fps: number;
  /** frames per clip (all clips are the same length) */
  frames: number;
  gop: number;
  clips: Clip[];
}

function parseStream(file: string, expectFrames: number, gop: number, fps: number, w: number, h: number): ClipStream {
  const aus = accessUnits(splitAnnexB(fs.readFileSync(file)));
  const where = path.basename(file);
  if (aus.length !== expectFrames) throw new Error(`${where}: ${aus.length} frames, the manifest says ${expectFrames}`);
  aus.forEach((au, i) => {
    if (au.key !== (i % gop === 0)) throw new Error(`${where}: frame ${i} is ${au.key ? '' : 'not '}a key frame`);
  });
  const sps = aus[0].nals.find((n) => nalType(n) === NAL.sps);
  const pps = aus[0].nals.find((n) => nalType(n) === NAL.pps);
  if (!sps || !pps) throw new Error(`${where}: no SPS/PPS before the first key frame`);
  const frames = aus.map((au) => ({ key: au.key, avcc: lengthPrefixed(pictureNals(au)), annexB: annexB(au.nals) }));
  const bytes = frames.reduce((s, f) => s + f.avcc.length, 0);
  return {
    width: w,
    height: h,
    codec: codecString(sps),
    avcC: avcDecoderConfig(sps, pps),
    frames,
    bitrate: (bytes * 8 * fps) / aus.length,
  };
}

/** JPEGs back to back: split on start-of-image markers (FF D8 FF). */
export function splitJpegs(buf: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i + 2 < buf.length; i++)
    if (buf[i] === 0xff && buf[i + 1] === 0xd8 && buf[i + 2] === 0xff) starts.push(i);
  return starts.map((s, k) => buf.subarray(s, k + 1 < starts.length ? starts[k + 1] : buf.length));
}

export function loadClips(dir: string): ClipLibrary {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dir, 'clips.json'), 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path.join(dir, 'clips.json')}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`clips.json: ${i.path.join('.') || 'manifest'}: ${i.message}`);
  }
  const m = parsed.data;
  if (m.frames % m.gop !== 0)
    throw new Error(`clips.json: ${m.frames} frames is not a whole number of GOPs (${m.gop})`);
  const clips = m.clips.map((c) => ({
    number: c.number,
    scene: c.scene,
    sub: parseStream(path.join(dir, c.sub.file), m.frames, m.gop, m.fps, c.sub.width, c.sub.height),
    main: parseStream(path.join(dir, c.main.file), m.frames, m.gop, m.fps, c.main.width, c.main.height),
    mjpeg: { fps: c.mjpeg.fps, frames: splitJpegs(fs.readFileSync(path.join(dir, c.mjpeg.file))) },
  }));
  return { fps: m.fps, frames: m.frames, gop: m.gop, clips };
}
