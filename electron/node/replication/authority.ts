// The authority console: it decides every command — its own officers' and the replicas' requests,
// one at a time through its ledger — so of two commands on the same version exactly one wins, and
// it publishes each accepted event (QoS 1), each incident's latest state (retained) and how far its
// log goes (retained). A request it has answered before is answered again the same way, not redone.
import type { Db } from '../../../native/sqlite/open';
import type { Incident } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import {
  replicationTopics as T,
  requestSchema,
  authorityStatusSchema,
  type AuthorityStatus,
  type CommandRequest,
  type LoggedEvent,
  type ReplicationReply,
  type ReplicationRequest,
  type ReplicationStatus,
} from '../../common/replication/protocol';
import { Emitter } from '../events';
import type { BusClient } from '../bus/client';
import type { Ledger } from '../dispatch/ledger';
import { reportActor } from '../dispatch/actors';
import { refusalError, type DispatchService } from '../dispatch/service';

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
  private outbox: LoggedEvent[] = [];
  private stopped = false;

  constructor(private readonly d: AuthorityDeps) {
    this.sql = {
      open: d.db.prepare('SELECT id FROM incidents WHERE open = 1').pluck(),
      seen: d.db.prepare('SELECT reply_json FROM replication_requests WHERE request_id = ?').pluck(),
      remember: d.db.prepare(
        'INSERT OR IGNORE INTO replication_requests (request_id, origin_console, kind, at, reply_json) VALUES (?,?,?,?,?)',
      ),
    };
  }

  start(): void {
    this.stopped = false;
    const c = this.d.client;
    this.offs.push(
      c.subscribe(T.requests, (_t, payload) => void this.onRequest(payload), { qos: 1 }),
      this.d.ledger.onDidAppend((events) => this.publish(events)),
      c.onDidChangeState((s) => {
        if (s.connected) {
          this.announce(true);
          this.publishBoard();
        }
        this.emitStatus();
      }),
      c.subscribe(T.authority, (_t, p) => this.onAuthority(p), { qos: 1 }),
    );
    this.announce(true);
  }

  stop(): void {
    this.flush(); // what committed before the stop still goes out
    this.stopped = true;
    this.offs.forEach((f) => f());
    this.offs = [];
    if (this.statusTimer) clearTimeout(this.statusTimer);
  }

  announcement(): AuthorityStatus {
    return { authorityId: this.d.consoleId, latestSeq: this.d.ledger.log.position, at: this.d.now() };
  }

  status(): ReplicationStatus {
    const seq = this.d.ledger.log.position;
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

  /** The open incidents' states, retained: a console that subscribes learns the board (after a broker restart too). */
  private publishBoard(): void {
    for (const id of this.sql.open.all() as string[]) {
      const i = this.d.ledger.get(id);
      if (i) void this.d.client.publish(T.state(id), i, { qos: 1, retain: true }).catch(() => {});
    }
  }

  /**
   * Events are published after the command that made them has been acknowledged: whatever commits in
   * one turn of the event loop goes out together, and each incident's retained state once per turn.
   */
  private publish(events: LoggedEvent[]): void {
    if (!this.outbox.length) setImmediate(() => this.flush());
    this.outbox.push(...events);
  }

  private flush(): void {
    const events = this.outbox;
    this.outbox = [];
    const c = this.d.client;
    if (this.stopped || !this.d.db.open || !c.connected || !events.length) return; // replicas find the gap
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
    const reply = this.answer(req);
    await this.d.client.publish(T.replies(req.origin), reply, { qos: 1 }).catch(() => {});
  }

  /**
   * The reply to a request: the remembered one when it was answered before. A command is decided and
   * remembered in one transaction, so a console killed in between has done both or neither, and a
   * request sent again after a lost reply is never applied twice.
   */
  answer(req: ReplicationRequest): ReplicationReply {
    if (req.kind === 'since') {
      const log = this.d.ledger.log;
      const events = log.after(req.after, Math.min(req.limit, PAGE_LIMIT));
      const last = events.at(-1)?.log.pos ?? req.after;
      return { requestId: req.requestId, ok: true, events, last, more: last < log.position };
    }
    const seen = this.sql.seen.get(req.requestId) as string | undefined;
    if (seen) return JSON.parse(seen) as ReplicationReply;
    let changed: Incident | null = null;
    const reply = this.d.ledger.batch(() => {
      const r = this.decide(req);
      changed = r.changed;
      this.sql.remember.run(req.requestId, req.origin, req.kind, this.d.now(), JSON.stringify(r.reply));
      return r.reply;
    });
    this.handled++;
    if (changed) this.d.dispatch.announce(changed);
    return reply;
  }

  private decide(req: CommandRequest): { reply: ReplicationReply; changed: Incident | null } {
    const l = this.d.ledger;
    const now = this.d.now();
    const fail = (e: ServiceError | Error) => ({
      reply: {
        requestId: req.requestId,
        ok: false as const,
        error:
          e instanceof ServiceError
            ? { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) }
            : { code: 'internal', message: e.message },
      },
      changed: null,
    });
    let incident: Incident;
    let from = 1;
    if (req.kind === 'report') {
      const had = l.get(req.incidentId);
      try {
        incident = had ?? l.report(req.report, req.actor ?? reportActor(req.report), now, req.incidentId);
      } catch (e) {
        return fail(e as Error);
      }
    } else {
      let r: ReturnType<Ledger['act']>;
      try {
        r = l.act(req.incidentId, req.expectedVersion, req.actor, req.commands, now);
      } catch (e) {
        return fail(e as Error);
      }
      if (!r.ok) return fail(refusalError(r));
      incident = r.incident;
      from = req.expectedVersion + 1;
    }
    const events = l.log.of(incident.id, from);
    return { reply: { requestId: req.requestId, ok: true, incident, events }, changed: incident };
  }
}
