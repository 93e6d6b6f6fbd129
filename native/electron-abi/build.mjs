// Builds better-sqlite3 for Electron's ABI into dist/native/electron/better_sqlite3.node, leaving the
// Node build in node_modules untouched (tests and the browser mode keep using it). Electron's main
// process loads this file through better-sqlite3's `nativeBinding` option.
//
// Needs Electron's headers: from https://electronjs.org/headers by default, or from an intranet mirror
// given as ELECTRON_HEADERS_URL (same layout). Offline machines: copy the headers tarball into
// ~/.electron-gyp as node-gyp expects, or build on a connected machine and copy the .node file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const srcDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(root, 'dist', 'native', 'better-sqlite3-electron');
const out = path.join(root, 'dist', 'native', 'electron');
const stamp = path.join(out, 'stamp.json');

const want = { electron: electronVersion, betterSqlite3: require('better-sqlite3/package.json').version };
if (
  fs.existsSync(stamp) &&
  JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(want) &&
  !process.argv.includes('--force')
) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is up to date`);
  process.exit(0);
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json'])
  fs.cpSync(path.join(srcDir, entry), path.join(work, entry), { recursive: true });

const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const distUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
console.log(`building better-sqlite3 ${want.betterSqlite3} for Electron ${electronVersion} (headers: ${distUrl})…`);
const r = spawnSync(
  process.execPath,
  [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--dist-url=${distUrl}`, `--arch=${process.arch}`],
  { cwd: work, stdio: 'inherit' },
);
if (r.status !== 0) {
  console.error(
    '\nCould not build better-sqlite3 for Electron: the Electron headers could not be fetched or compiled.\n' +
      "Set ELECTRON_HEADERS_URL to an internal mirror of Electron's headers, " +
      'or copy dist/native/electron/better_sqlite3.node from a machine that built it.',
  );
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(out, 'better_sqlite3.node'));
fs.writeFileSync(stamp, JSON.stringify(want));
console.log(`wrote ${path.relative(root, path.join(out, 'better_sqlite3.node'))}`);
