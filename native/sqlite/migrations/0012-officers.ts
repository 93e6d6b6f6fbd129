// 0012: the roster of officers who sign in (role, department for a liaison, scrypt hash of the password —
// NULL until the administrator sets one, so a seeded roster carries no default password), their sessions
// (only a SHA-256 of each bearer token is kept, so a copied database signs nobody in), and the reports
// the platforms have handed over by their own id (a resent report maps to the incident it made).
import type { Database } from 'better-sqlite3';

export const name = '0012-officers';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE officers (
      id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
      role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'department', 'leader', 'field', 'wall', 'admin')),
      department_id TEXT,
      password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE 'scrypt$%'),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      CHECK ((role = 'department') = (department_id IS NOT NULL))
    );
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
      officer_id TEXT NOT NULL REFERENCES officers(id) ON DELETE CASCADE,
      console_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL CHECK (expires_at > created_at)
    ) WITHOUT ROWID;
    CREATE INDEX sessions_officer ON sessions(officer_id);
    CREATE TABLE platform_reports (
      source TEXT NOT NULL,
      platform_report_id TEXT NOT NULL CHECK (length(platform_report_id) BETWEEN 1 AND 100),
      incident_id TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (source, platform_report_id)
    ) WITHOUT ROWID;
  `);
}
