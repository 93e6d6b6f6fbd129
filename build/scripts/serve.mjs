// npm run serve: builds the renderer when it is missing, then starts the console host (browser mode).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
ensureRendererBuilt(root);
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'electron/node/cli/serve.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
