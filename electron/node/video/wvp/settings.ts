// Credentials for a WVP platform: LIANQIN_WVP_USER / LIANQIN_WVP_PASSWORD, or failing those the settings
// file `<data>/wvp.json` ({ "username", "password" }). Never logged, never put in a URL we print.
import fs from 'node:fs';
import path from 'node:path';

export const WVP_SETTINGS_FILE = 'wvp.json';

export interface WvpCredentials {
  username: string;
  password: string;
}

/** The credentials, or a sentence saying where they were looked for. */
export function readWvpCredentials(dataDir: string, env: NodeJS.ProcessEnv = process.env): WvpCredentials | string {
  if (env.LIANQIN_WVP_USER) {
    if (!env.LIANQIN_WVP_PASSWORD) return 'LIANQIN_WVP_USER is set but LIANQIN_WVP_PASSWORD is not';
    return { username: env.LIANQIN_WVP_USER, password: env.LIANQIN_WVP_PASSWORD };
  }
  const file = path.join(dataDir, WVP_SETTINGS_FILE);
  if (!fs.existsSync(file))
    return `no WVP credentials: set LIANQIN_WVP_USER and LIANQIN_WVP_PASSWORD, or write ${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return `${file} is not valid JSON: ${(e as Error).message}`;
  }
  const o = raw as { username?: unknown; password?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.username !== 'string' || typeof o.password !== 'string')
    return `${file} must hold { "username": "…", "password": "…" } (strings)`;
  return { username: o.username, password: o.password };
}

/** Checks a `wvp:<baseUrl>` value: http(s) with a host and no credentials in it. */
export function parseWvpBaseUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`--video-platform wvp: needs a URL like wvp:http://10.1.2.3:18080, got ${v}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`--video-platform wvp: must be http:// or https://, got ${u.protocol}`);
  if (u.username || u.password)
    throw new Error(
      '--video-platform wvp: must not carry credentials: use LIANQIN_WVP_USER / LIANQIN_WVP_PASSWORD or wvp.json',
    );
  return u.origin + u.pathname.replace(/\/+$/, '');
}
