// Command-line options of `npm run serve` (and the same settings for Electron), as a table: each
// option names its flag, what it sets and how it reads its value. Unknown flags and bad values are
// refused naming the flag.
import os from 'node:os';
import path from 'node:path';
import { parseShiftChanges } from '../../common/handover/shifts';
import { parseBrokerUrl } from '../bus/settings';
import { parseVideoPlatform } from '../video/index';
import { REPLICATION_MODES, type ReplicationMode } from '../replication/index';
import type { ConsoleOptions } from '../console/index';
import { WINDOW_PAGES } from '../../common/windows';

export interface ServeArgs {
  port: number;
  dataDir: string;
  host: string;
  /** settings handed to the composition root (video platform, broker, …) */
  console: Partial<Omit<ConsoleOptions, 'dataDir' | 'version'>>;
  /** Electron: the window kinds to open at start (null: the cockpit's map wall, board, dashboard, drones, video) */
  windows: string[] | null;
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
  {
    flag: '--mqtt-port',
    help: 'port of the embedded MQTT broker on 127.0.0.1 (default 0: a free one, printed at start)',
    apply: (a, v) => (a.console.mqttPort = int('--mqtt-port', v, 0, 65535)),
  },
  {
    flag: '--broker',
    help:
      'external MQTT broker mqtt://host:port instead of the embedded one ' +
      '(user/password: LIANQIN_MQTT_USER/_PASSWORD or <data>/broker.json)',
    apply: (a, v) => (a.console.brokerUrl = parseBrokerUrl(v)),
  },
  {
    flag: '--replication',
    help:
      "several consoles on one broker: authority (default; decides every command — the centre's host) or " +
      'replica (sends its commands to the authority, keeps an outbox while cut off)',
    apply: (a, v) => {
      if (!(REPLICATION_MODES as readonly string[]).includes(v)) {
        throw new Error(`--replication must be ${REPLICATION_MODES.join(' or ')}, got ${v}`);
      }
      (a.console.replication ??= {}).mode = v as ReplicationMode;
    },
  },
  {
    flag: '--mavlink-udp',
    help: 'listen for MAVLink (PX4/ArduPilot) on this UDP port',
    apply: (a, v) => (a.console.mavlinkUdpPort = int('--mavlink-udp', v, 0, 65535)),
  },
  {
    flag: '--sim-docks',
    help: 'simulated DJI docks for the seeded nests: on (default) or off',
    apply: (a, v) => {
      if (v !== 'on' && v !== 'off') throw new Error(`--sim-docks must be on or off, got ${v}`);
      a.console.simulateDocks = v === 'on';
    },
  },
  {
    flag: '--sim-sensors',
    help: 'simulated calm readings from every seeded sensor over the bus: on (default) or off',
    apply: (a, v) => {
      if (v !== 'on' && v !== 'off') throw new Error(`--sim-sensors must be on or off, got ${v}`);
      (a.console.watch ??= {}).simulateSensors = v === 'on';
    },
  },
  {
    flag: '--shift-changes',
    help: 'shift change times for the handover report, China time (default 08:00,20:00)',
    apply: (a, v) => {
      const list = v.split(',');
      parseShiftChanges(list); // refuses a bad time, naming it
      (a.console.watch ??= {}).shiftChanges = list;
    },
  },
  {
    flag: '--pdf-font',
    help: 'CJK font for handover PDFs: file.ttf/.otf or file.ttc#PostScriptName (default: a system CJK font)',
    apply: (a, v) => ((a.console.watch ??= {}).pdfFont = v),
  },
  {
    flag: '--public-url',
    help: 'base URL docks download wayline files from (default http://127.0.0.1:4510)',
    apply: (a, v) => (a.console.publicUrl = parsePublicUrl(v)),
  },
  {
    flag: '--video-platform',
    help:
      'simulator (default), direct (seeded stream URLs as they are) or wvp:<baseUrl> (WVP-GB28181-pro; user/password: ' +
      'LIANQIN_WVP_USER/_PASSWORD or <data>/wvp.json); may be given twice, e.g. simulator and a WVP',
    apply: (a, v) => {
      const video = (a.console.video ??= {});
      video.platforms = [...(video.platforms ?? []), parseVideoPlatform(v)];
    },
  },
  {
    flag: '--map-download-concurrency',
    help: 'tiles fetched at once by region downloads, across all of them (default 6)',
    apply: (a, v) => ((a.console.maps ??= {}).downloadConcurrency = int('--map-download-concurrency', v, 1, 64)),
  },
  {
    flag: '--sign-in',
    help: 'required: every window signs in, on loopback too; optional (default): only when the host is on the network',
    apply: (a, v) => {
      if (v !== 'required' && v !== 'optional') throw new Error(`--sign-in must be required or optional, got ${v}`);
      (a.console.officers ??= {}).signInRequired = v === 'required';
    },
  },
  {
    flag: '--idle-lock',
    help: 'minutes without input before a window locks until its officer types the password (default 10; 0: never)',
    apply: (a, v) => ((a.console.officers ??= {}).idleLockMs = int('--idle-lock', v, 0, 1440) * 60_000),
  },
  {
    flag: '--report-intake',
    help: "take the grid and citizen platforms' reports from the bus (lianqin/v1/reports/+): on (default) or off",
    apply: (a, v) => {
      if (v !== 'on' && v !== 'off') throw new Error(`--report-intake must be on or off, got ${v}`);
      (a.console.reports ??= {}).overBus = v === 'on';
    },
  },
  {
    flag: '--windows',
    help:
      'Electron: the windows to open at start, comma-separated ' +
      `(${WINDOW_PAGES.map((w) => w.kind).join(', ')}); a field laptop: field-laptop,map-wall`,
    apply: (a, v) => (a.windows = parseWindowKinds(v)),
  },
];

/** A comma-separated list of window kinds (common/windows.ts), each known, none twice. */
export function parseWindowKinds(v: string): string[] {
  const kinds = v.split(',').map((k) => k.trim());
  const known = WINDOW_PAGES.map((w) => w.kind);
  for (const k of kinds)
    if (!known.includes(k))
      throw new Error(`--windows: unknown window ${JSON.stringify(k)} (known: ${known.join(', ')})`);
  if (new Set(kinds).size !== kinds.length) throw new Error(`--windows names a window twice: ${v}`);
  return kinds;
}

function parsePublicUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`--public-url must be a URL like http://10.0.0.5:4510, got ${v}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`--public-url must be http(s), got ${u.protocol}`);
  return v.replace(/\/$/, '');
}

export function defaultArgs(): ServeArgs {
  return {
    port: 4510,
    dataDir: path.join(os.homedir(), '.lianqin-console'),
    host: '127.0.0.1',
    console: {},
    windows: null,
  };
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
