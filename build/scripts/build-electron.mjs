// Bundles the Electron main process and the sandboxed preload into dist/electron (CommonJS).
// better-sqlite3 stays external (native); electron is provided by the runtime.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['electron'],
};

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
});
// sandboxed preloads can require only 'electron': everything else is bundled in
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  target: 'chrome130',
});
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
