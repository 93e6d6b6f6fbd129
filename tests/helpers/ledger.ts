import path from 'node:path';
import { createConsole } from '../../electron/node/console/index';
import { tmpDir } from './tmp';

/** A seeded console on a real SQLite file (no season of history), with its ledger. */
export async function seededServices(file = path.join(tmpDir(), 'ledger.sqlite'), now: () => number = Date.now) {
  const c = createConsole({
    dataDir: path.dirname(file),
    version: 'test',
    log: () => {},
    now,
    seed: { historyCount: 0, pause: async () => {} },
  });
  await c.ready;
  return {
    console: c,
    db: c.db,
    file: path.join(path.dirname(file), 'lianqin.sqlite'),
    services: c.services,
    ledger: c.ledger,
  };
}
