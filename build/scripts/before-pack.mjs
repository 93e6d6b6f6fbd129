// electron-builder beforePack hook: an installer without better-sqlite3 for its architecture would
// start and fail on the first database access, so packing stops here naming the command that builds it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // builder-util's Arch enum order
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function beforePack(context) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  const root = context.packager?.projectDir ?? ROOT;
  const file = path.join(root, 'dist', 'native', 'electron', arch, 'better_sqlite3.node');
  if (!fs.existsSync(file)) {
    throw new Error(
      `no better-sqlite3 for Electron on ${arch} (${path.relative(root, file)}): ` +
        `run node native/electron-abi/build.mjs --arch ${arch} first`,
    );
  }
}
