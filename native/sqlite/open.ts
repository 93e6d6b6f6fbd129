// Opening the store: pragmas, corruption handling, numbered migrations.
// A corrupt file is moved aside with a timestamp (never deleted); a file from a newer console is
// refused and left exactly where it is.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export class StoreOpenError extends Error {
  constructor(
    readonly code: 'corrupt' | 'newer-schema' | 'io',
    message: string,
    readonly movedTo?: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** for tests and ':memory:' */
  readonly?: boolean;
  now?: () => Date;
  /** path of a better-sqlite3 binary built for another ABI (Electron) */
  nativeBinding?: string;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Move a bad file (and its -wal/-shm companions) aside; returns the new main path. */
export function moveAside(file: string, reason: string, now: Date): string {
  const target = `${file}.${reason}-${stamp(now)}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

export function schemaVersion(db: Db): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").get();
  if (!has) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, now = new Date()): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreOpenError(
      'newer-schema',
      `database schema version ${current} is newer than this console understands (${latest}); open it with a newer Lianqin Console`,
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        now.toISOString(),
      );
    })();
  }
  return schemaVersion(db);
}

function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT');
}

export function openStore(file: string, opts: OpenOptions = {}): Db {
  const now = opts.now ?? (() => new Date());
  const memory = file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    // touch the header and the pages: a non-database or damaged file fails here, not mid-shift
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: an acknowledged dispatch command is on disk (WAL synced) before it is acknowledged
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, opts.migrations ?? MIGRATIONS, now());
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof StoreOpenError) throw e;
    if (!memory && isCorruption(e)) {
      const movedTo = moveAside(file, 'corrupt', now());
      throw new StoreOpenError(
        'corrupt',
        `database ${file} is damaged (${(e as Error).message}); it was kept as ${movedTo}`,
        movedTo,
      );
    }
    throw new StoreOpenError('io', `cannot open database ${file}: ${(e as Error).message}`);
  }
}

export { LATEST_SCHEMA_VERSION };
