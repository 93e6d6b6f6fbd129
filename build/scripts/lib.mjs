// Shared by the launch scripts, the benchmarks and the Electron tests: where the Electron binary is
// (or why it is not), and building the renderer once when it is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ path: string | null, why: string }} */
export function electronBinary(root) {
  const require = createRequire(path.join(root, 'package.json'));
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch (e) {
    return { path: null, why: `electron is not installed: ${e.message}` };
  }
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathTxt))
    return {
      path: null,
      why: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no access to the Electron mirror)',
    };
  const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(bin) ? { path: bin, why: '' } : { path: null, why: `the Electron binary ${bin} is missing` };
}

/** Builds dist/renderer when it is missing; exits the process when the build fails. */
export function ensureRendererBuilt(root) {
  if (fs.existsSync(path.join(root, 'dist/renderer/index.html'))) return;
  console.log('联勤指挥台: building the renderer once (dist/renderer)…');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
