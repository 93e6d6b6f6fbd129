// Command-line options of `npm run serve` (and the same settings for Electron), as a table: each
// option names its flag, what it sets and how it reads its value. Unknown flags and bad values are
// refused naming the flag.
import os from 'node:os';
import path from 'node:path';
import type { ConsoleOptions } from '../console/index';

export interface ServeArgs {
  port: number;
  dataDir: string;
  host: string;
  /** settings handed to the composition root (video platform, broker, …) */
  console: Partial<Omit<ConsoleOptions, 'dataDir' | 'version'>>;
}

interface OptionDef {
  flag: string;
  help: string;
  apply(args: ServeArgs, value: string): void;
}

const int = (flag: string, v: string, min: number, max: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${flag} must be an integer ${min}..${max}, got ${v}`);
  return n;
};

export const OPTIONS: OptionDef[] = [
  {
    flag: '--port',
    help: 'HTTP port (default 4510; 0 picks a free one)',
    apply: (a, v) => (a.port = int('--port', v, 0, 65535)),
  },
  { flag: '--data', help: 'data folder (default ~/.lianqin-console)', apply: (a, v) => (a.dataDir = path.resolve(v)) },
  { flag: '--host', help: 'bind address (default 127.0.0.1)', apply: (a, v) => (a.host = v) },
];

export function defaultArgs(): ServeArgs {
  return { port: 4510, dataDir: path.join(os.homedir(), '.lianqin-console'), host: '127.0.0.1', console: {} };
}

/** Only the arguments that are ours (Electron passes its own switches too). */
export function ownArgs(argv: string[]): string[] {
  return argv.filter((a) => OPTIONS.some((o) => a === o.flag || a.startsWith(`${o.flag}=`)));
}

export function parseArgs(argv: string[]): ServeArgs {
  const out = defaultArgs();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const def = OPTIONS.find((o) => o.flag === flag);
    if (!def) throw new Error(`unknown option ${flag} (known: ${OPTIONS.map((o) => o.flag).join(', ')})`);
    let value = inline;
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
      i++;
    }
    def.apply(out, value);
  }
  return out;
}
