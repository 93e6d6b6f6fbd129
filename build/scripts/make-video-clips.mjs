#!/usr/bin/env node
// Makes the simulator's camera clips once, by hand: `node build/scripts/make-video-clips.mjs`.
// Output (committed): seeds/video/clip-<n>-{sub,main}.h264 (H.264 Annex B, 25 fps, a key frame every
// second, no B-frames, an access-unit delimiter before every frame, SPS/PPS before every key frame),
// clip-<n>-sub.mjpeg (concatenated JPEGs, 1 fps) and clips.json (what the simulator reads).
// Distinct synthetic scenes, each with a big visible number, so a test or an officer can tell the
// tiles apart. The console never runs ffmpeg; only this script and the tests do.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'seeds/video');
const FPS = 25;
const SECONDS = 6;
const FRAMES = FPS * SECONDS;
const MJPEG_FPS = 1;

const font = execFileSync('fc-match', ['-f', '%{file}', 'DejaVu Sans:bold']).toString().trim();
if (!fs.existsSync(font)) throw new Error(`no bold sans font found (fc-match said ${font})`);

/** lavfi sources: six scenes that look nothing alike and keep moving (a frozen tile must be visible). */
const SCENES = [
  { name: 'test pattern', src: `testsrc2=size=1280x720:rate=${FPS}` },
  {
    name: 'fractal',
    src: `mandelbrot=size=480x270:rate=${FPS}:start_scale=2:end_scale=0.2:maxiter=256,scale=1280:720`,
  },
  {
    name: 'life',
    src: `life=size=320x180:rate=${FPS}:mold=10:r=36:ratio=0.5:death_color=#103040:life_color=#40c080,scale=1280:720:flags=neighbor`,
  },
  {
    name: 'automaton',
    src: `cellauto=size=320x180:rate=${FPS}:rule=110:random_fill_ratio=0.5,scale=1280:720:flags=neighbor`,
  },
  { name: 'gradient', src: `gradients=size=1280x720:rate=${FPS}:speed=0.03:c0=0x203060:c1=0x60a0c0:c2=0xc08040` },
  { name: 'colour bars', src: `smptehdbars=size=1280x720:rate=${FPS},hue=H=2*PI*t/${SECONDS}` },
];

const VARIANTS = [
  { stream: 'sub', w: 640, h: 360, kbps: 150, level: '3.0' },
  { stream: 'main', w: 960, h: 540, kbps: 270, level: '3.1' },
];

function overlay(n, label) {
  const esc = (s) => s.replace(/:/g, '\\:');
  return [
    // a moving bar so even a still scene shows motion
    `drawbox=x='mod(t*160,iw)':y=ih-24:w=80:h=24:color=white@0.8:t=fill`,
    `drawtext=fontfile=${esc(font)}:text='${n}':fontsize=h/2.2:fontcolor=white:borderw=8:bordercolor=black:x=(w-tw)/2:y=(h-th)/2-20`,
    `drawtext=fontfile=${esc(font)}:text='SIM CAM ${n} · ${label}':fontsize=h/16:fontcolor=yellow:box=1:boxcolor=black@0.6:x=16:y=16`,
    `drawtext=fontfile=${esc(font)}:text='%{eif\\:n\\:d\\:3}':fontsize=h/18:fontcolor=white:box=1:boxcolor=black@0.6:x=w-tw-16:y=16`,
  ].join(',');
}

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

fs.mkdirSync(OUT, { recursive: true });
const clips = [];
for (const [i, scene] of SCENES.entries()) {
  const n = i + 1;
  const filter = `${scene.src},format=yuv420p,${overlay(n, scene.name)}`;
  const files = {};
  for (const v of VARIANTS) {
    const file = `clip-${n}-${v.stream}.h264`;
    ffmpeg([
      ...['-f', 'lavfi', '-i', filter, '-frames:v', String(FRAMES), '-vf', `scale=${v.w}:${v.h}`],
      ...['-c:v', 'libx264', '-profile:v', 'main', '-level', v.level, '-pix_fmt', 'yuv420p', '-preset', 'slow'],
      ...['-b:v', `${v.kbps}k`, '-maxrate', `${Math.round(v.kbps * 1.3)}k`, '-bufsize', `${v.kbps * 2}k`],
      ...['-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0', '-bf', '0'],
      ...['-x264-params', 'aud=1:repeat-headers=1:slices=1', '-f', 'h264', path.join(OUT, file)],
    ]);
    files[v.stream] = { file, width: v.w, height: v.h };
  }
  const mjpeg = `clip-${n}-sub.mjpeg`;
  ffmpeg([
    ...['-f', 'lavfi', '-i', filter, '-t', String(SECONDS), '-vf', `fps=${MJPEG_FPS},scale=320:180`],
    ...['-c:v', 'mjpeg', '-q:v', '12', '-f', 'mjpeg', path.join(OUT, mjpeg)],
  ]);
  clips.push({
    number: n,
    scene: scene.name,
    ...files,
    mjpeg: { file: mjpeg, width: 320, height: 180, fps: MJPEG_FPS },
  });
}

const manifest = { fps: FPS, frames: FRAMES, gop: FPS, codec: 'h264', clips };
fs.writeFileSync(path.join(OUT, 'clips.json'), `${JSON.stringify(manifest, null, 2)}\n`);
let total = 0;
for (const f of fs.readdirSync(OUT)) total += fs.statSync(path.join(OUT, f)).size;
console.log(`${clips.length} clips in ${path.relative(ROOT, OUT)}: ${(total / 1e6).toFixed(2)} MB`);
if (total > 3e6) throw new Error('the clips are over the 3 MB budget: lower the bitrates');
