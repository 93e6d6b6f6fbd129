// Opens the console's database in its data folder. A damaged file is kept aside and a fresh store
// is opened, so the console still starts (and says where the old file went).
import path from 'node:path';
import { openStore, StoreOpenError, type Db } from '../../../native/sqlite/open';

export const DB_FILE = 'lianqin.sqlite';

export function openConsoleDb(dataDir: string, log: (l: string) => void, nativeBinding?: string): Db {
  const file = path.join(dataDir, DB_FILE);
  try {
    return openStore(file, { nativeBinding });
  } catch (e) {
    if (e instanceof StoreOpenError && e.code === 'corrupt') {
      log(`[store] ${e.message}. Starting with a fresh database; the damaged file is kept for recovery.`);
      return openStore(file, { nativeBinding });
    }
    throw e;
  }
}

/** This console's global id, minted by migration 0004 on first open. */
export function consoleIdOf(db: Db): string {
  const id = db.prepare("SELECT value FROM meta WHERE key = 'console.id'").pluck().get() as string | undefined;
  if (!id) throw new Error('the store has no console id (migration 0004 did not run)');
  return id;
}
