// Builds better-sqlite3 for Electron's ABI into dist/native/electron/<arch>/better_sqlite3.node (and, for
// this machine's architecture, dist/native/electron/better_sqlite3.node, which a development Electron
// loads), leaving the Node build in node_modules untouched (tests and the browser mode keep using it).
// Electron's main process loads it through better-sqlite3's `nativeBinding` option; electron-builder
// packs the <arch> build into each installer (build/electron-builder.yml).
//
//   node native/electron-abi/build.mjs [--arch x64|arm64] [--force]
//
// Another architecture than this machine's is cross-compiled: on x64 Linux for arm64 install
// g++-aarch64-linux-gnu (CC/CXX default to aarch64-linux-gnu-gcc/-g++); Windows builds run on Windows.
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
const ARCHES = ['x64', 'arm64'];
const argAt = process.argv.indexOf('--arch');
const inline = process.argv.find((a) => a.startsWith('--arch='));
const arch = inline ? inline.slice('--arch='.length) : argAt > 0 ? process.argv[argAt + 1] : process.arch;
if (!ARCHES.includes(arch)) {
  console.error(`--arch must be one of ${ARCHES.join(', ')}, got ${arch}`);
  process.exit(2);
}
const work = path.join(root, 'dist', 'native', `better-sqlite3-electron-${arch}`);
const base = path.join(root, 'dist', 'native', 'electron');
const out = path.join(base, arch);
const stamp = path.join(out, 'stamp.json');

const want = {
  electron: electronVersion,
  betterSqlite3: require('better-sqlite3/package.json').version,
  arch,
};
if (
  fs.existsSync(stamp) &&
  JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(want) &&
  !process.argv.includes('--force')
) {
  console.log(`better-sqlite3 for Electron ${electronVersion} (${arch}) is up to date`);
  process.exit(0);
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json'])
  fs.cpSync(path.join(srcDir, entry), path.join(work, entry), { recursive: true });

const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const distUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
console.log(
  `building better-sqlite3 ${want.betterSqlite3} for Electron ${electronVersion} on ${arch} (headers: ${distUrl})…`,
);
const env = { ...process.env };
if (arch !== process.arch && process.platform === 'linux' && arch === 'arm64') {
  env.CC ??= 'aarch64-linux-gnu-gcc';
  env.CXX ??= 'aarch64-linux-gnu-g++';
}
const r = spawnSync(
  process.execPath,
  [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--dist-url=${distUrl}`, `--arch=${arch}`],
  { cwd: work, stdio: 'inherit', env },
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
// the development Electron (npm start) loads the build for this machine from the folder above
if (arch === process.arch)
  fs.copyFileSync(path.join(out, 'better_sqlite3.node'), path.join(base, 'better_sqlite3.node'));
