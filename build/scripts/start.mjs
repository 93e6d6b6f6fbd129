// npm start: the Electron console. Checks for the Electron binary first and explains plainly what to do
// when it is missing (intranet machines usually install with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, ensureRendererBuilt } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = electronBinary(root).path;
if (!bin) {
  console.error(
    '联勤指挥台 cannot start as a desktop app: the Electron binary is not installed on this machine ' +
      '(node_modules/electron has no dist/ folder — it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set or the download ' +
      "from GitHub is blocked). To get it, reinstall with access to Electron's releases, or point ELECTRON_MIRROR at an internal " +
      'mirror (for example ELECTRON_MIRROR=https://mirror.example.internal/electron/ npm rebuild electron), or copy the ' +
      'electron-v<version>-<platform>-<arch>.zip into ~/.cache/electron before `npm rebuild electron` (see README, "Offline and ' +
      'intranet install"). Meanwhile the same console runs in a browser: `npm run serve`, then open the printed URL.',
  );
  process.exit(1);
}

const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
ensureRendererBuilt(root);
if (!fs.existsSync(path.join(root, 'dist/electron/main.cjs')))
  run([path.join(root, 'build/scripts/build-electron.mjs')]);
run([path.join(root, 'native/electron-abi/build.mjs')]);

const child = spawn(bin, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
