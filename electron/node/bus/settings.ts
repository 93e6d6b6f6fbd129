// Where the console finds its broker and the credentials for it: `--broker mqtt://host:port` (else the
// embedded one), user and password from LIANQIN_MQTT_USER / LIANQIN_MQTT_PASSWORD or, failing those, the
// settings file `<data>/broker.json` ({ "username", "password" }). Credentials are never logged.
import fs from 'node:fs';
import path from 'node:path';

export const BROKER_SETTINGS_FILE = 'broker.json';

export interface BrokerCredentials {
  username?: string;
  password?: string;
}

export function readBrokerCredentials(dataDir: string, env: NodeJS.ProcessEnv = process.env): BrokerCredentials {
  if (env.LIANQIN_MQTT_USER) return { username: env.LIANQIN_MQTT_USER, password: env.LIANQIN_MQTT_PASSWORD };
  const file = path.join(dataDir, BROKER_SETTINGS_FILE);
  if (!fs.existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const o = raw as { username?: unknown; password?: unknown };
  if (!o || typeof o !== 'object') throw new Error(`${file} must hold an object { "username", "password" }`);
  for (const k of ['username', 'password'] as const)
    if (o[k] !== undefined && typeof o[k] !== 'string') throw new Error(`${file}: "${k}" must be a string`);
  return { username: o.username as string | undefined, password: o.password as string | undefined };
}

/** Checks a --broker value: mqtt:// or mqtts:// with a host, no credentials in it (use env or settings). */
export function parseBrokerUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`--broker must be a URL like mqtt://host:1883, got ${v}`);
  }
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(u.protocol))
    throw new Error(`--broker must use mqtt://, mqtts://, ws:// or wss://, got ${u.protocol}`);
  if (!u.hostname) throw new Error('--broker needs a host');
  if (u.username || u.password)
    throw new Error(
      '--broker must not carry credentials: use LIANQIN_MQTT_USER / LIANQIN_MQTT_PASSWORD or broker.json',
    );
  return v;
}
