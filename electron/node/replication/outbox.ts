// What a replica's officers did that the authority has not accepted yet, in order, on disk: a crash
// or a cut loses none of it, and each request keeps its id, so sending it twice is applied once.
import type { Db } from '../../../native/sqlite/open';
import type { CommandRequest } from '../../common/replication/protocol';

export interface OutboxEntry {
  n: number;
  requestId: string;
  kind: 'report' | 'act';
  incidentId: string;
  request: CommandRequest;
  createdAt: number;
  state: 'pending' | 'done' | 'conflict' | 'failed';
  tries: number;
  result: { code: string; message: string; details?: unknown; told?: boolean } | null;
  settledAt: number | null;
}

interface Row {
  n: number;
  request_id: string;
  kind: 'report' | 'act';
  incident_id: string;
  request_json: string;
  created_at: number;
  state: OutboxEntry['state'];
  tries: number;
  result_json: string | null;
  settled_at: number | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  n: r.n,
  requestId: r.request_id,
  kind: r.kind,
  incidentId: r.incident_id,
  request: JSON.parse(r.request_json),
  createdAt: r.created_at,
  state: r.state,
  tries: r.tries,
  result: r.result_json ? JSON.parse(r.result_json) : null,
  settledAt: r.settled_at,
});

export class OutboxRepo {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      add: db.prepare(
        `INSERT INTO outbox (request_id, kind, incident_id, request_json, created_at, state)
         VALUES (?, ?, ?, ?, ?, 'pending')`,
      ),
      pending: db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY n"),
      recent: db.prepare("SELECT * FROM outbox WHERE state != 'done' OR settled_at >= ? ORDER BY n DESC LIMIT ?"),
      tried: db.prepare('UPDATE outbox SET tries = tries + 1 WHERE request_id = ?'),
      settle: db.prepare('UPDATE outbox SET state = ?, result_json = ?, settled_at = ? WHERE request_id = ?'),
      counts: db.prepare(
        `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, MIN(CASE WHEN state = 'pending' THEN created_at END) AS oldest,
           COALESCE(SUM(state IN ('conflict', 'failed') AND COALESCE(json_extract(result_json, '$.told'), 0) = 0), 0) AS unseen
         FROM outbox`,
      ),
      dismiss: db.prepare(
        `UPDATE outbox SET result_json = json_set(result_json, '$.told', json('true'))
         WHERE request_id = ? AND state IN ('conflict', 'failed')`,
      ),
      get: db.prepare('SELECT * FROM outbox WHERE request_id = ?'),
    };
  }

  add(req: CommandRequest): void {
    this.sql.add.run(req.requestId, req.kind, req.incidentId, JSON.stringify(req), req.at);
  }

  pending(): OutboxEntry[] {
    return (this.sql.pending.all() as Row[]).map(toEntry);
  }

  /** what the officer should see: everything unsettled or refused, and what settled since `since` */
  recent(since: number, limit = 200): OutboxEntry[] {
    return (this.sql.recent.all(since, limit) as Row[]).map(toEntry);
  }

  get(requestId: string): OutboxEntry | null {
    const r = this.sql.get.get(requestId) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  tried(requestId: string): void {
    this.sql.tried.run(requestId);
  }

  settle(requestId: string, state: 'done' | 'conflict' | 'failed', result: OutboxEntry['result'], at: number): void {
    this.sql.settle.run(state, result ? JSON.stringify(result) : null, at, requestId);
  }

  /** unsent requests, and refused ones the officer has not been told of or not dismissed yet */
  counts(): { pending: number; conflicts: number; oldestPendingAt: number | null } {
    const r = this.sql.counts.get() as { pending: number; oldest: number | null; unseen: number };
    return { pending: r.pending, conflicts: r.unseen, oldestPendingAt: r.oldest };
  }

  /** the officer has seen a refused request: false when there is no such refusal */
  dismiss(requestId: string): boolean {
    return this.sql.dismiss.run(requestId).changes > 0;
  }
}
