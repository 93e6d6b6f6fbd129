// A real console with its host serving the built renderer (dist/renderer), for the benchmarks that drive
// Chromium; the data folder is a fresh temp one unless the options name one.
import path from 'node:path';
import { createConsole, type ConsoleOptions } from '../../electron/node/console/index';
import { cesiumAssetsDir } from '../../electron/node/host/paths';
import { startHost } from '../../electron/node/host/host';
import { ROOT, tmpDir } from '../helpers/tmp';

export async function startBenchHost(opts: Partial<ConsoleOptions> = {}) {
  const c = createConsole({ dataDir: tmpDir(), version: 'bench', log: () => {}, ...opts });
  const host = await startHost({
    console: c,
    port: 0,
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
    cesiumDir: cesiumAssetsDir(ROOT),
    log: () => {},
  });
  await c.ready;
  return { c, host };
}
