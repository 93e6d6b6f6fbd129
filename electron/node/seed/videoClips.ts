// Where the simulator's camera clips are (seeds/video, made once by build/scripts/make-video-clips.mjs).
// The only door from node/ to those files, like the rest of the seed.
import fs from 'node:fs';
import path from 'node:path';

/** The clips folder: the one given, else seeds/video under the working directory or the app folder. */
export function videoClipsDir(given?: string, appDir?: string): string {
  const candidates = [given, path.resolve('seeds/video'), appDir && path.join(appDir, 'seeds/video')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'clips.json'))) return c;
  throw new Error(
    `the video simulator's clips are missing (looked in ${candidates.filter(Boolean).join(', ')}); ` +
      'run `node build/scripts/make-video-clips.mjs` or start with --video-platform direct',
  );
}
