// A replica console: its officers' reports and commands go to the authority as requests, through an
// outbox on disk kept in order (a laptop without the network keeps working: what it did is shown as
// "not yet sent" and sent when the broker is back); the authority's events are applied exactly once,
// in the authority's order, through the same domain code as local commands. A gap (a missed message,
// a restart, a broker that lost its sessions) is filled by asking the authority for what follows.
import type { Incident, IncidentReport, Actor, Command } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import {
  authorityStatusSchema,
  contiguous,
  loggedEventSchema,
  placeEvent,
  withoutLog,
  replicationTopics as T,
  replySchema,
  type CommandRequest,
  type LoggedEvent,
  type ReplicationReply,
  type ReplicationRequest,
  type ReplicationStatus,
} from '../../common/replication/protocol';
import type { BusClient } from '../bus/client';
import type { Ledger } from '../dispatch/ledger';
import { refusalError, type DispatchRoute, type DispatchService } from '../dispatch/service';
import { Emitter } from '../events';
import type { OutboxRepo } from './outbox';
import { pendingView } from './pendingView';

export interface ReplicaDeps {
  client: BusClient;
  ledger: Ledger;
  dispatch: DispatchService;
  outbox: OutboxRepo;
  consoleId: string;
  now: () => number;
  newId: () => string;
  log: (l: string) => void;
  /** how long an officer waits for the authority before the command is kept as "not yet sent" */
  answerTimeoutMs?: number;
  /** how often a replica with unsent work tries again */
  retryMs?: number;
}

const PAGE = 2_000;

interface Waiter {
  resolve: (r: ReplicationReply) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class Replica implements DispatchRoute {
  private authorityId: string | null = null;
  private applied = 0;
  private latest = 0;
  private lastContactAt: number | null = null;
  private offs: (() => void)[] = [];
  private readonly replies = new Map<string, Waiter>();
  /** officers waiting for their own request to be settled */
  private readonly settled = new Map<string, (r: ReplicationReply) => void>();
  private buffered: LoggedEvent[] = [];
  private incoming: LoggedEvent[] = [];
  private catching: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private view: Map<string, Incident> = new Map();
  private retry: ReturnType<typeof setInterval> | null = null;
  private readonly statusEmitter = new Emitter<ReplicationStatus>();
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(private readonly d: ReplicaDeps) {}

  start(): void {
    const c = this.d.client;
    this.offs.push(
      c.subscribe(T.replies(this.d.consoleId), (_t, p) => this.onReply(p), { qos: 1 }),
      c.subscribe(T.authority, (_t, p) => this.onAuthority(p), { qos: 1 }),
      c.subscribe(T.eventsFilter, (_t, p) => this.onEvent(p), { qos: 1 }),
      c.onDidChangeState((s) => {
        this.emitStatus();
        if (s.connected) this.kick();
      }),
    );
    this.refreshView();
    this.retry = setInterval(() => this.kick(), this.d.retryMs ?? 5_000);
  }

  stop(): void {
    this.offs.forEach((f) => f());
    this.offs = [];
    if (this.retry) clearInterval(this.retry);
    for (const w of this.replies.values()) clearTimeout(w.timer);
    this.replies.clear();
  }

  status(): ReplicationStatus {
    const counts = this.d.outbox.counts();
    return {
      mode: 'replica',
      consoleId: this.d.consoleId,
      authorityId: this.authorityId,
      connected: this.d.client.connected,
      appliedSeq: this.applied,
      latestSeq: Math.max(this.latest, this.applied),
      behind: Math.max(0, this.latest - this.applied),
      pending: counts.pending,
      conflicts: counts.conflicts,
      oldestPendingAt: counts.oldestPendingAt,
      lastContactAt: this.lastContactAt,
    };
  }

  /** Resolves when the replica has applied everything the authority announced and sent its outbox. */
  async settle(): Promise<void> {
    await this.catchUp();
    await this.drain();
  }

  // ---- the dispatch route -------------------------------------------------------------------------

  pending(): ReadonlyMap<string, Incident> {
    return this.view;
  }

  report(report: IncidentReport, id: string, actor: Actor): Promise<Incident> {
    return this.submit({
      kind: 'report',
      requestId: this.d.newId(),
      origin: this.d.consoleId,
      incidentId: id,
      report,
      actor: { ...actor, consoleId: this.d.consoleId },
      at: this.d.now(),
    });
  }

  act(id: string, expectedVersion: number, commands: Command[], actor: Actor): Promise<Incident> {
    const base = this.view.get(id) ?? this.d.ledger.get(id);
    if (!base) return Promise.reject(new ServiceError('not-found', `no incident ${id}`));
    // refused here already (a stale version, a rule): the officer is told at once, nothing is queued
    const p = this.d.ledger.preview(id, expectedVersion, actor, commands, this.d.now(), base);
    if (!p.ok) return Promise.reject(refusalError(p));
    return this.submit({
      kind: 'act',
      requestId: this.d.newId(),
      origin: this.d.consoleId,
      incidentId: id,
      expectedVersion,
      commands,
      actor: { ...actor, consoleId: this.d.consoleId },
      at: this.d.now(),
    });
  }

  /** On disk first, then in order to the authority; an officer waits at most answerTimeoutMs. */
  private async submit(req: CommandRequest): Promise<Incident> {
    this.d.outbox.add(req);
    this.refreshView();
    // cut off: nothing to wait for, the officer goes on with the command shown as not yet sent
    const wait = this.d.client.connected && this.authorityId ? (this.d.answerTimeoutMs ?? 8_000) : 0;
    const answered = new Promise<ReplicationReply | null>((resolve) => {
      if (!wait) return resolve(null);
      const timer = setTimeout(() => {
        this.settled.delete(req.requestId);
        resolve(null);
      }, wait);
      this.settled.set(req.requestId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    this.emitStatus();
    this.kick();
    const reply = await answered;
    if (!reply) {
      // kept: shown as not yet sent and sent when the authority can be reached
      const shown = this.view.get(req.incidentId);
      if (!shown)
        throw new ServiceError('unavailable', 'the authority console cannot be reached; the command is queued');
      this.d.dispatch.announce(shown);
      return shown;
    }
    if (!reply.ok) throw new ServiceError(reply.error.code as never, reply.error.message, reply.error.details);
    return this.d.ledger.get(req.incidentId) ?? reply.incident!;
  }

  // ---- sending ------------------------------------------------------------------------------------

  private kick(): void {
    if (!this.d.client.connected || !this.authorityId) return;
    void (this.latest > this.applied ? this.catchUp() : Promise.resolve())
      .then(() => this.drain())
      .catch((e) => this.d.log(`[replication] ${(e as Error).message}`));
  }

  private send(req: ReplicationRequest, timeoutMs: number): Promise<ReplicationReply | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replies.delete(req.requestId);
        resolve(null);
      }, timeoutMs);
      this.replies.set(req.requestId, { resolve, timer });
      this.d.client.publish(T.requests, req, { qos: 1 }).catch(() => {
        clearTimeout(timer);
        this.replies.delete(req.requestId);
        resolve(null);
      });
    });
  }

  private onReply(payload: Buffer): void {
    let r: ReplicationReply;
    try {
      r = replySchema.parse(JSON.parse(payload.toString('utf8')));
    } catch (e) {
      this.d.log(`[replication] a malformed reply was ignored: ${(e as Error).message.slice(0, 200)}`);
      return;
    }
    this.lastContactAt = this.d.now();
    const w = this.replies.get(r.requestId);
    if (!w) return; // answered twice (a resent request): the first answer counted
    clearTimeout(w.timer);
    this.replies.delete(r.requestId);
    w.resolve(r);
  }

  /** Sends the outbox in order, one request at a time; stops at the first that gets no answer. */
  drain(): Promise<void> {
    if (!this.draining) {
      const p = this.sendOutbox().finally(() => {
        if (this.draining === p) this.draining = null;
      });
      this.draining = p;
    }
    return this.draining;
  }

  private async sendOutbox(): Promise<void> {
    while (this.d.client.connected && this.authorityId) {
      const next = this.d.outbox.pending()[0];
      if (!next) break;
      this.d.outbox.tried(next.requestId);
      const reply = await this.send(next.request, this.d.answerTimeoutMs ?? 8_000);
      if (!reply) break;
      await this.settleEntry(next.request, reply);
    }
  }

  private async settleEntry(req: CommandRequest, reply: ReplicationReply): Promise<void> {
    if (reply.ok) await this.receive(reply.events);
    const waiter = this.settled.get(req.requestId);
    this.settled.delete(req.requestId);
    if (reply.ok) this.d.outbox.settle(req.requestId, 'done', null, this.d.now());
    else {
      // a refusal nobody waited for is a conflict the officer must see and redo
      const state = reply.error.code === 'conflict' ? 'conflict' : 'failed';
      this.d.outbox.settle(req.requestId, state, { ...reply.error, told: !!waiter }, this.d.now());
      if (!waiter) this.d.log(`[replication] ${req.kind} on ${req.incidentId} refused: ${reply.error.message}`);
    }
    this.refreshView();
    this.emitStatus();
    waiter?.(reply);
  }

  // ---- receiving ----------------------------------------------------------------------------------

  private onAuthority(payload: Buffer): void {
    const s = authorityStatusSchema.safeParse(safeJson(payload));
    if (!s.success) return;
    this.lastContactAt = this.d.now();
    if (this.authorityId !== s.data.authorityId) {
      this.authorityId = s.data.authorityId;
      this.applied = this.d.ledger.log.cursor(s.data.authorityId);
      this.d.log(`[replication] authority ${s.data.authorityId}; applied up to ${this.applied}`);
    }
    this.latest = Math.max(this.latest, s.data.latestSeq);
    this.emitStatus();
    this.kick();
  }

  private onEvent(payload: Buffer): void {
    const e = loggedEventSchema.safeParse(safeJson(payload));
    if (!e.success) {
      this.d.log(`[replication] a malformed event was ignored: ${e.error.issues[0]?.message ?? ''}`);
      return;
    }
    this.lastContactAt = this.d.now();
    // the events of one network read are applied in one transaction
    this.incoming.push(e.data);
    if (this.incoming.length > 1) return;
    queueMicrotask(() => {
      const batch = this.incoming;
      this.incoming = [];
      void this.receive(batch).catch((err) => this.d.log(`[replication] ${(err as Error).message}`));
    });
  }

  /** Applies what is next in the authority's order; a gap is filled by catching up first. */
  private async receive(events: LoggedEvent[]): Promise<void> {
    if (!this.authorityId) {
      this.buffered.push(...events);
      return;
    }
    const next: LoggedEvent[] = [];
    let gap = false;
    for (const e of events) {
      const at = placeEvent(e, this.authorityId, this.applied + next.length);
      if (at === 'apply') next.push(e);
      else if (at === 'gap') gap = true;
    }
    this.applyInOrder(next);
    if (gap) await this.catchUp();
  }

  private applyInOrder(events: LoggedEvent[]): void {
    if (!events.length || !this.authorityId) return;
    const pos = events.at(-1)!.log.pos;
    // events that reached the authority from elsewhere (a field package) may already be here
    const { applied } = this.d.ledger.applyRemote(events.map(withoutLog), { of: this.authorityId, pos });
    this.applied = Math.max(this.applied, pos);
    this.latest = Math.max(this.latest, this.applied);
    this.refreshView();
    for (const i of applied) this.d.dispatch.announce(this.view.get(i.id) ?? i);
    this.emitStatus();
  }

  /** Asks the authority for its events after what this replica has, page by page. */
  catchUp(): Promise<void> {
    if (!this.catching) {
      const p = this.fetchMissing().finally(() => {
        if (this.catching === p) this.catching = null;
      });
      this.catching = p;
    }
    return this.catching;
  }

  private async fetchMissing(): Promise<void> {
    for (let more = true; more && this.authorityId && this.d.client.connected;) {
      const req: ReplicationRequest = {
        kind: 'since',
        requestId: this.d.newId(),
        origin: this.d.consoleId,
        after: this.applied,
        limit: PAGE,
      };
      const r = await this.send(req, 30_000);
      if (!r || !r.ok) break;
      this.applyInOrder(r.events.filter((e) => e.log.pos > this.applied));
      this.latest = Math.max(this.latest, r.last ?? 0);
      more = !!r.more && r.events.length > 0;
    }
    const early = this.buffered;
    this.buffered = [];
    if (this.authorityId) this.applyInOrder(contiguous(early, this.authorityId, this.applied));
  }

  private refreshView(): void {
    this.view = pendingView(this.d.ledger, this.d.outbox.pending(), this.d.now());
  }

  private emitStatus(): void {
    if (this.statusEmitter.size) this.statusEmitter.fire(this.status());
  }
}

/** a payload's JSON, or null when it is not JSON (the schema check then names what is wrong) */
export function safeJson(p: Buffer): unknown {
  try {
    return JSON.parse(p.toString('utf8'));
  } catch {
    return null;
  }
}
