// The authority console: it decides every command — its own officers' and the replicas' requests,
// one at a time through its ledger — so of two commands on the same version exactly one wins, and
// it publishes each accepted event (QoS 1), each incident's latest state (retained) and how far its
// log goes (retained). A request it has answered before is answered again the same way, not redone.
import type { Db } from '../../../native/sqlite/open';
import type { Incident, IncidentEvent } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import {
  replicationTopics as T,
  requestSchema,
  authorityStatusSchema,
  type AuthorityStatus,
  type ReplicationReply,
  type ReplicationRequest,
  type ReplicationStatus,
} from '../../common/replication/protocol';
import { Emitter } from '../events';
import type { BusClient } from '../bus/client';
import type { Ledger } from '../dispatch/ledger';
import type { DispatchService } from '../dispatch/service';

export interface AuthorityDeps {
  db: Db;
  client: BusClient;
  ledger: Ledger;
  dispatch: DispatchService;
  consoleId: string;
  now: () => number;
  log: (l: string) => void;
}

const PAGE_LIMIT = 2_000;

export class Authority {
  private offs: (() => void)[] = [];
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sql;
  private readonly statusEmitter = new Emitter<ReplicationStatus>();
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** another console announcing itself as the authority on the same broker (a deployment mistake) */
  private rival: string | null = null;
  handled = 0;

  constructor(private readonly d: AuthorityDeps) {
    this.sql = {
      seen: d.db.prepare('SELECT reply_json FROM replication_requests WHERE request_id = ?').pluck(),
      remember: d.db.prepare(
        'INSERT OR IGNORE INTO replication_requests (request_id, origin_console, kind, at, reply_json) VALUES (?,?,?,?,?)',
      ),
    };
  }

  start(): void {
    const c = this.d.client;
    this.offs.push(
      c.subscribe(T.requests, (_t, payload) => void this.onRequest(payload), { qos: 1 }),
      this.d.ledger.onDidAppend((events) => this.publish(events)),
      c.onDidChangeState((s) => {
        if (s.connected) this.announce(true);
        this.emitStatus();
      }),
      c.subscribe(T.authority, (_t, p) => this.onAuthority(p), { qos: 1 }),
    );
    this.announce(true);
  }

  stop(): void {
    this.offs.forEach((f) => f());
    this.offs = [];
    if (this.statusTimer) clearTimeout(this.statusTimer);
  }

  announcement(): AuthorityStatus {
    return { authorityId: this.d.consoleId, latestSeq: this.d.ledger.latestSeq, at: this.d.now() };
  }

  status(): ReplicationStatus {
    const seq = this.d.ledger.latestSeq;
    return {
      mode: 'authority',
      consoleId: this.d.consoleId,
      authorityId: this.rival ?? this.d.consoleId,
      connected: this.d.client.connected,
      appliedSeq: seq,
      latestSeq: seq,
      behind: 0,
      pending: 0,
      conflicts: 0,
      oldestPendingAt: null,
      lastContactAt: null,
    };
  }

  private emitStatus(): void {
    if (this.statusEmitter.size) this.statusEmitter.fire(this.status());
  }

  private onAuthority(payload: Buffer): void {
    let s: AuthorityStatus;
    try {
      s = authorityStatusSchema.parse(JSON.parse(payload.toString('utf8')));
    } catch {
      return;
    }
    if (s.authorityId === this.d.consoleId) return;
    this.rival = s.authorityId;
    this.d.log(
      `[replication] console ${s.authorityId} also announces itself as the authority on this broker: ` +
        'start every console but one with --replication replica',
    );
    this.announce(true);
    this.emitStatus();
  }

  /** How far the log goes, retained; at most a few times a second however fast commands come. */
  private announce(now = false): void {
    if (now) {
      if (this.statusTimer) clearTimeout(this.statusTimer);
      this.statusTimer = null;
      void this.d.client.publish(T.authority, this.announcement(), { qos: 1, retain: true }).catch(() => {});
      return;
    }
    this.statusTimer ??= setTimeout(() => this.announce(true), 250);
  }

  private publish(events: IncidentEvent[]): void {
    const c = this.d.client;
    if (!c.connected) return; // replicas find the gap and catch up
    const touched = new Set<string>();
    for (const e of events) {
      touched.add(e.incidentId);
      void c.publish(T.events(e.incidentId), e, { qos: 1 }).catch(() => {});
    }
    for (const id of touched) {
      const i = this.d.ledger.get(id);
      if (i) void c.publish(T.state(id), i, { qos: 1, retain: true }).catch(() => {});
    }
    this.announce();
    this.emitStatus();
  }

  private async onRequest(payload: Buffer): Promise<void> {
    let req: ReplicationRequest;
    try {
      req = requestSchema.parse(JSON.parse(payload.toString('utf8')));
    } catch (e) {
      this.d.log(`[replication] a malformed request was ignored: ${(e as Error).message.slice(0, 200)}`);
      return;
    }
    const reply = await this.answer(req);
    await this.d.client.publish(T.replies(req.origin), reply, { qos: 1 }).catch(() => {});
  }

  /** The reply to a request: the remembered one when it was answered before. */
  async answer(req: ReplicationRequest): Promise<ReplicationReply> {
    if (req.kind === 'since') {
      const events = this.d.ledger.eventsAfter(this.d.consoleId, req.after, Math.min(req.limit, PAGE_LIMIT));
      const last = events.at(-1)?.consoleSeq ?? req.after;
      return { requestId: req.requestId, ok: true, events, last, more: last < this.d.ledger.latestSeq };
    }
    const seen = this.sql.seen.get(req.requestId) as string | undefined;
    if (seen) return JSON.parse(seen) as ReplicationReply;
    const reply = await this.decide(req);
    this.sql.remember.run(req.requestId, req.origin, req.kind, this.d.now(), JSON.stringify(reply));
    this.handled++;
    return reply;
  }

  private async decide(req: Extract<ReplicationRequest, { kind: 'report' | 'act' }>): Promise<ReplicationReply> {
    try {
      let incident: Incident;
      let from = 1;
      if (req.kind === 'report') {
        incident =
          this.d.ledger.get(req.incidentId) ??
          (await this.d.dispatch.reportWithId(req.report, req.incidentId, req.actor));
      } else {
        from = req.expectedVersion + 1;
        incident = await this.d.dispatch.act(req.incidentId, req.expectedVersion, req.commands, req.actor);
      }
      const events = this.d.ledger.timeline(incident.id).filter((e) => e.seq >= from);
      return { requestId: req.requestId, ok: true, incident, events };
    } catch (e) {
      const err =
        e instanceof ServiceError
          ? { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) }
          : { code: 'internal', message: (e as Error).message };
      return { requestId: req.requestId, ok: false, error: err };
    }
  }
}
