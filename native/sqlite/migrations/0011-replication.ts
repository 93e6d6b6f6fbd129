// 0011: several consoles, one board. An authority console decides every command; the others send
// theirs as requests and apply the authority's events. Requests are remembered by id on the
// authority (a request sent twice is answered twice with the same result, applied once); replicas
// keep an outbox of what their officers did while the authority could not be reached.
import type { Database } from 'better-sqlite3';

export const name = '0011-replication';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE replication_requests (
      request_id TEXT PRIMARY KEY, origin_console TEXT NOT NULL, kind TEXT NOT NULL,
      at INTEGER NOT NULL, reply_json TEXT NOT NULL CHECK (json_valid(reply_json))
    ) WITHOUT ROWID;

    CREATE TABLE outbox (
      n INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('report', 'act')),
      incident_id TEXT NOT NULL,
      request_json TEXT NOT NULL CHECK (json_valid(request_json)),
      created_at INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'conflict', 'failed')),
      tries INTEGER NOT NULL DEFAULT 0,
      result_json TEXT,
      settled_at INTEGER
    );
    CREATE INDEX outbox_state ON outbox(state, n);
  `);
}
