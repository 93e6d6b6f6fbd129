// First start: no administrator can sign in yet, so one is made with a random password, written once to
// `<data>/initial-admin.json` ({ officerId, password }, mode 0600: this user only) — there is no default
// password anywhere. The administrator signs in with it, adds officers and sets passwords; setting their
// own password removes the file.
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword, randomPassword } from './passwords';
import type { OfficerRepo } from './repo';

export const INITIAL_ADMIN_FILE = 'initial-admin.json';
export const INITIAL_ADMIN_ID = 'admin';

export async function ensureInitialAdmin(
  dataDir: string,
  repo: OfficerRepo,
  now: () => number,
  log: (line: string) => void,
): Promise<string | null> {
  if (repo.hasAdminWithPassword()) return null;
  const file = path.join(dataDir, INITIAL_ADMIN_FILE);
  const password = randomPassword();
  const hash = await hashPassword(password);
  if (repo.hasAdminWithPassword()) return null; // set meanwhile (another start of the same data folder)
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ officerId: INITIAL_ADMIN_ID, password }, null, 2) + '\n', { mode: 0o600 });
  fs.chmodSync(tmp, 0o600); // whatever the umask
  fs.renameSync(tmp, file);
  repo.upsert({ id: INITIAL_ADMIN_ID, name: '系统管理员', role: 'admin' }, hash, true, now());
  log(
    `[session] no administrator could sign in: a one-time administrator credential is in ${file} ` +
      `(readable by this user only). Sign in as "${INITIAL_ADMIN_ID}", add officers and set their passwords ` +
      '(POST /api/officers), then set your own password: the file is removed then.',
  );
  return file;
}

/** The administrator set their own password: the one-time credential is spent. */
export function spendInitialAdmin(dataDir: string, log: (line: string) => void): void {
  const file = path.join(dataDir, INITIAL_ADMIN_FILE);
  if (!fs.existsSync(file)) return;
  fs.rmSync(file, { force: true });
  log(`[session] the administrator set their own password; removed ${file}`);
}
