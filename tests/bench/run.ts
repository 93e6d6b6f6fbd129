// npm run bench: prints one JSON line per benchmark, each with a baseline measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/tmp';
import { benchFrames } from './frame.bench';
import { benchLedger } from './ledger.bench';
import { benchNearby } from './nearby.bench';
import { benchSeed } from './seed.bench';

const only = process.argv.slice(2);
const want = (n: string) => only.length === 0 || only.includes(n);

if (want('frame') && !fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
if (want('seed')) await benchSeed();
if (want('nearby')) benchNearby();
if (want('ledger')) await benchLedger();
if (want('frame')) await benchFrames();
