// Starts a real console (composition root) and its host on a temp data folder and an ephemeral port.
import fs from 'node:fs';
import path from 'node:path';
import { createConsole, type ConsoleOptions, type LianqinConsole } from '../../electron/node/console/index';
import { cesiumAssetsDir } from '../../electron/node/host/paths';
import { startHost, type ConsoleHost } from '../../electron/node/host/host';
import { ROOT, tmpDir } from './tmp';

export interface TestHost extends ConsoleHost {
  dataDir: string;
  rendererDir: string;
  console: LianqinConsole;
  /** closes the host and then the console */
  close(): Promise<void>;
}

export async function startTestHost(
  dataDir = tmpDir(),
  opts: {
    historyCount?: number;
    now?: () => number;
    video?: ConsoleOptions['video'];
    maps?: ConsoleOptions['maps'];
    /** bind address (default 127.0.0.1) */
    host?: string;
    officers?: ConsoleOptions['officers'];
    watch?: ConsoleOptions['watch'];
  } = {},
): Promise<TestHost> {
  // The API and contract tests do not need the real renderer build: a tiny static folder stands in.
  const rendererDir = path.join(dataDir, 'www');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>联勤指挥台</title>');
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'outside the web root');
  const c = createConsole({
    dataDir,
    version: '0.0.0-test',
    log: () => {},
    now: opts.now,
    // a small season keeps these hosts quick; the e2e host loads the full one
    seed: { historyCount: opts.historyCount ?? 300 },
    video: opts.video,
    maps: opts.maps,
    officers: opts.officers,
    watch: opts.watch,
  });
  const host = await startHost({
    console: c,
    port: 0,
    host: opts.host,
    rendererDir,
    cesiumDir: cesiumAssetsDir(ROOT),
    log: () => {},
  });
  await c.ready;
  const stopServing = host.close;
  return Object.assign(host, {
    dataDir,
    rendererDir,
    async close() {
      await stopServing();
      await c.close();
    },
  });
}
