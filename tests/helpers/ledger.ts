import path from 'node:path';
import { createServices } from '../../electron/node/services/index';
import { ensureSeeded } from '../../electron/node/seed/loader';
import { openStore } from '../../native/sqlite/open';
import { tmpDir } from './tmp';

/** A seeded store with its services, on a real SQLite file. */
export async function seededServices(file = path.join(tmpDir(), 'ledger.sqlite'), now: () => number = Date.now) {
  const db = openStore(file);
  await ensureSeeded(db, { pause: async () => {} });
  const services = createServices(db, 'test', now);
  return { db, file, services, ledger: services.dispatch.ledger() };
}
