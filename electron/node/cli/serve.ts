// `npm run serve [-- --port <n> --data <dir> --host <addr>]`: the browser mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreOpenError } from '../../../native/sqlite/open';
import { cesiumAssetsDir } from '../host/paths';
import { startHost } from '../host/host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function parseArgs(argv: string[]): { port: number; dataDir: string; host: string } {
  const out = { port: 4510, dataDir: path.join(os.homedir(), '.lianqin-console'), host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    const need = () => {
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      i++;
      return v;
    };
    if (a === '--port') {
      const p = Number(need());
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`--port must be an integer 0..65535, got ${v}`);
      out.port = p;
    } else if (a === '--data') out.dataDir = path.resolve(need());
    else if (a === '--host') out.host = need();
    else throw new Error(`unknown option ${a} (known: --port, --data, --host)`);
  }
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
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
    const host = await startHost({ ...args, rendererDir, cesiumDir: cesiumAssetsDir(root), version, seed });
    console.log(`联勤指挥台 console host listening on ${host.url}  (data: ${args.dataDir})`);
    if (args.host !== '127.0.0.1' && args.host !== 'localhost')
      console.log(`warning: bound to ${args.host}; other machines on that network can reach this console`);
    const stop = () => {
      void host.close().then(() => process.exit(0));
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
