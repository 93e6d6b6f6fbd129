// `npm run serve [-- --port <n> --data <dir> --host <addr> …]`: the browser mode. Builds the console,
// serves it, and closes both on SIGINT/SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreOpenError } from '../../../native/sqlite/open';
import { createConsole } from '../console/index';
import { cesiumAssetsDir } from '../host/paths';
import { startHost } from '../host/host';
import { defaultArgs, parseArgs, type ServeArgs } from './args';
import { addMapSources, withSettings } from './settings';
import { announceReady } from './ready';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main() {
  let args: ServeArgs;
  let settings: ReturnType<typeof withSettings>;
  try {
    // lianqin.settings.json beside the installation (here: the repository), <data>/settings.json, then flags
    settings = withSettings(process.argv.slice(2), parseArgs, {
      installDir: root,
      defaultDataDir: defaultArgs().dataDir,
    });
    args = settings.args;
  } catch (e) {
    console.error(`lianqin serve: ${(e as Error).message}`);
    process.exit(2);
  }
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('lianqin serve: the renderer is not built (dist/renderer). Run `npm run build:renderer` first.');
    process.exit(1);
  }
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  // Test and demo knob: slow the first-start seed down so its progress can be watched.
  const pauseMs = Number(process.env.LIANQIN_SEED_CHUNK_PAUSE_MS ?? 0);
  const seed = pauseMs > 0 ? { pause: () => new Promise<void>((r) => setTimeout(r, pauseMs)) } : undefined;
  try {
    const c = createConsole({
      ...args.console,
      dataDir: args.dataDir,
      version,
      seed,
      tty: process.stdout.isTTY ? process.stdout : null,
    });
    const host = await startHost({
      console: c,
      port: args.port,
      host: args.host,
      rendererDir,
      cesiumDir: cesiumAssetsDir(root),
    });
    console.log(`联勤指挥台 console host started on ${host.url}  (data: ${args.dataDir}); getting ready…`);
    for (const f of settings.files) console.log(`settings read from ${f}`);
    void c.ready.then(() => addMapSources(c.services.maps, settings.mapSources, (l) => console.log(l))).catch(() => {});
    void c.ready.then(() => announceReady(host.url, rendererDir)).catch(() => {});
    if (args.host !== '127.0.0.1' && args.host !== 'localhost') {
      console.log(`warning: bound to ${args.host}; other machines on that network can reach this console`);
    }
    let stopping = false;
    const stop = () => {
      // a second signal, or a shutdown that hangs, ends the process anyway
      if (stopping) process.exit(1);
      stopping = true;
      setTimeout(() => {
        console.error('lianqin serve: shutdown took longer than 15 s; exiting without waiting further');
        process.exit(1);
      }, 15_000).unref();
      void host
        .close()
        .then(() => c.close())
        .then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    if (e instanceof StoreOpenError) console.error(`lianqin serve: ${e.message}`);
    else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      console.error(`lianqin serve: port ${args.port} is already in use; choose another with --port`);
    else console.error(`lianqin serve: ${(e as Error).stack ?? e}`);
    process.exit(1);
  }
}

void main();
