// Settings an administrator places beside the installation for an intranet — `lianqin.settings.json`
// next to the executable (the repository root for `npm run serve`) — merged under the data folder's own
// `settings.json` (a key there wins), and command-line flags over both. Each key is applied through
// the same OPTIONS table as its flag, so a value is checked the same way wherever it comes from; a bad
// file is refused naming the file and the key. Keys: see SETTINGS_KEYS below and the README.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sourceInputSchema, type SourceInput } from '../../common/tiles/sources';
import { OPTIONS, type ServeArgs } from './args';

export const INSTALL_SETTINGS_FILE = 'lianqin.settings.json';
export const DATA_SETTINGS_FILE = 'settings.json';

const onOff = z.boolean().transform((b) => (b ? 'on' : 'off'));

/** key → the flag it stands for and how its JSON value becomes the flag's text */
const SETTINGS_KEYS = {
  broker: { flag: '--broker', schema: z.string() },
  mqttPort: { flag: '--mqtt-port', schema: z.number().int().transform(String) },
  host: { flag: '--host', schema: z.string() },
  port: { flag: '--port', schema: z.number().int().transform(String) },
  publicUrl: { flag: '--public-url', schema: z.string() },
  videoPlatforms: { flag: '--video-platform', schema: z.array(z.string()).min(1) },
  replication: { flag: '--replication', schema: z.string() },
  signIn: { flag: '--sign-in', schema: z.enum(['required', 'optional']) },
  idleLockMinutes: { flag: '--idle-lock', schema: z.number().int().transform(String) },
  reportIntake: { flag: '--report-intake', schema: onOff },
  simulateDocks: { flag: '--sim-docks', schema: onOff },
  mavlinkUdpPort: { flag: '--mavlink-udp', schema: z.number().int().transform(String) },
  windows: {
    flag: '--windows',
    schema: z
      .array(z.string())
      .min(1)
      .transform((w) => w.join(',')),
  },
} as const;
type FlagKey = keyof typeof SETTINGS_KEYS;

export const settingsSchema = z
  .object({
    ...(Object.fromEntries(Object.entries(SETTINGS_KEYS).map(([k, d]) => [k, d.schema.optional()])) as {
      [K in FlagKey]: z.ZodOptional<(typeof SETTINGS_KEYS)[K]['schema']>;
    }),
    /** the data folder (only from the installation's file: the data folder's own file lives in it) */
    data: z.string().min(1).optional(),
    /** web map sources (XYZ, WMTS, Tianditu presets) added at start, as `maps.addSource` takes them */
    mapSources: z.array(sourceInputSchema).optional(),
  })
  .strict();
export type Settings = z.input<typeof settingsSchema>;

/** The settings in `file`, or null when there is none; a bad file throws naming the file and the key. */
export function readSettingsFile(file: string): Settings | null {
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const r = settingsSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    const key = i.path.map(String).join('.');
    throw new Error(`${file}: ${key ? `"${key}": ` : ''}${i.message}`);
  }
  return raw as Settings;
}

export interface SettingsSources {
  /** where the installation's file is looked for (the executable's folder) */
  installDir: string;
  /** the data folder when neither the command line nor the installation's file names one */
  defaultDataDir: string;
}

/** Where an Electron build's executable lives (an AppImage runs from a temporary mount: its file's folder). */
export function installDirOf(execPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.APPIMAGE ? path.dirname(env.APPIMAGE) : path.dirname(execPath);
}

/**
 * Arguments from the command line, then the data folder's settings, then the installation's: each key
 * applies only when its flag is not on the command line (`--video-platform` given there replaces the list).
 */
export function withSettings(
  argv: string[],
  parse: (argv: string[]) => ServeArgs,
  src: SettingsSources,
): { args: ServeArgs; files: string[]; mapSources: SourceInput[] } {
  const args = parse(argv);
  const onCli = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]));
  const installFile = path.join(src.installDir, INSTALL_SETTINGS_FILE);
  const install = readSettingsFile(installFile);
  if (!onCli.has('--data'))
    args.dataDir = install?.data ? path.resolve(src.installDir, install.data) : src.defaultDataDir;
  const dataFile = path.join(args.dataDir, DATA_SETTINGS_FILE);
  const own = readSettingsFile(dataFile);
  if (own?.data !== undefined)
    throw new Error(`${dataFile}: "data" belongs in ${INSTALL_SETTINGS_FILE} beside the installation`);
  const merged: Settings = { ...install, ...own };
  for (const key of Object.keys(SETTINGS_KEYS) as FlagKey[]) {
    const v = merged[key];
    const def = SETTINGS_KEYS[key];
    if (v === undefined || onCli.has(def.flag)) continue;
    const option = OPTIONS.find((o) => o.flag === def.flag)!;
    const text = def.schema.parse(v) as string | string[];
    const from = own?.[key] !== undefined ? dataFile : installFile;
    for (const t of Array.isArray(text) ? text : [text]) {
      try {
        option.apply(args, t);
      } catch (e) {
        throw new Error(`${from}: "${key}": ${(e as Error).message}`, { cause: e });
      }
    }
  }
  return {
    args,
    files: [install ? installFile : null, own ? dataFile : null].filter((f): f is string => f !== null),
    mapSources: (merged.mapSources as SourceInput[] | undefined) ?? [],
  };
}

/** Adds the settings' map sources once the console is ready; one that cannot be reached is logged, not fatal. */
export async function addMapSources(
  maps: { addSource(input: SourceInput): Promise<unknown> },
  sources: readonly SourceInput[],
  log: (line: string) => void,
): Promise<number> {
  let added = 0;
  for (const s of sources) {
    try {
      await maps.addSource(s);
      added++;
    } catch (e) {
      log(`[settings] map source ${s.id} not added: ${(e as Error).message}`);
    }
  }
  if (added) log(`[settings] ${added} map source(s) from the settings`);
  return added;
}
