// Officers and their sessions: sign-in (scrypt, a short lockout after repeated failures), bearer tokens
// for HTTP, the session bound to a window's connection for the contract, and who the actor of a call is.
// A session is the officer's identity everywhere: a client-supplied actor never overrides it.
import { randomBytes } from 'node:crypto';
import type { ISessionService } from '../../common/contract/session';
import type { Actor } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import { lockedForMs, recordFailure, isStale, type FailureState } from '../../common/officers/lockout';
import {
  actorOf,
  type Officer,
  type OfficerEntry,
  type OfficerInput,
  type SessionInfo,
} from '../../common/officers/types';
import type { RpcError } from '../../common/rpc/protocol';
import { Emitter } from '../events';
import { currentCaller } from '../rpc/caller';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { OfficerRepo, StoredOfficer } from './repo';

/** A session lasts one long shift; then the officer signs in again. */
export const SESSION_TTL_MS = 14 * 3600_000;
export const BAD_CREDENTIALS = 'wrong officer id or password';

export interface SessionServiceDeps {
  repo: OfficerRepo;
  consoleId: string;
  now: () => number;
  log: (line: string) => void;
  /** lock a window after this long without input (0: never) */
  idleLockMs: number;
  /** whether windows of this console must sign in even on loopback (Electron: the administrator's choice) */
  signInRequired: boolean;
  /** an officer's password was set (the one-time administrator credential is spent when it was the admin's) */
  onPasswordSet?: (officerId: string) => void;
}

export interface SignedIn {
  token: string;
  officer: Officer;
  expiresAt: number;
}

/** Channels a connection may use before it has signed in. */
const OPEN_CHANNELS = new Set([
  'system.getInfo',
  'system.onDidSeedProgress',
  'bus.status',
  'bus.onDidChangeStatus',
  'replication.status',
  'replication.onDidChangeStatus',
]);
const isOpen = (channel: string) => channel.startsWith('session.') || OPEN_CHANNELS.has(channel);

const strip = ({ id, name, role, departmentId }: Officer): Officer => ({
  id,
  name,
  role,
  ...(departmentId ? { departmentId } : {}),
});

export class SessionService implements ISessionService {
  private readonly failures = new Map<string, FailureState>();
  private readonly rosterChanges = new Emitter<void>();
  /** the roster changed here (the authority hands it to the replicas) */
  readonly onDidChangeRoster = this.rosterChanges.event;
  /** set on a replica: the roster is the authority's, managed there */
  private authority: string | null = null;

  constructor(private readonly deps: SessionServiceDeps) {}

  get signInRequired(): boolean {
    return this.deps.signInRequired;
  }

  // ---- sign-in, shared by HTTP and the contract -------------------------------------------------

  /** Checks the password and opens a session; the same refusal for every kind of bad credential. */
  async authenticate(officerId: string, password: string, source: string): Promise<SignedIn> {
    const o = await this.check(officerId, password, source);
    const token = randomBytes(32).toString('base64url');
    const t = this.deps.now();
    const expiresAt = t + SESSION_TTL_MS;
    this.deps.repo.createSession(token, o.id, this.deps.consoleId, t, expiresAt);
    this.deps.log(`[session] ${o.id} (${o.role}) signed in from ${source}`);
    return { token, officer: strip(o), expiresAt };
  }

  private async check(officerId: string, password: string, source: string): Promise<StoredOfficer> {
    const key = `${officerId}|${source}`;
    const now = this.deps.now();
    this.forgetStale(now);
    const locked = lockedForMs(this.failures.get(key), now);
    if (locked > 0) {
      const s = Math.ceil(locked / 1000);
      throw new ServiceError('unauthorized', `too many failed sign-ins: try again in ${s} s`, { retryAfterS: s });
    }
    const o = this.deps.repo.get(officerId);
    const usable = o !== null && o.active && o.passwordHash !== null;
    // an unknown officer costs the same scrypt as a known one, so timing does not tell them apart
    const ok = (await verifyPassword(password, usable ? o.passwordHash! : await decoyHash())) && usable;
    if (!ok) {
      this.failures.set(key, recordFailure(this.failures.get(key), this.deps.now()));
      this.deps.log(`[session] sign-in refused for ${JSON.stringify(officerId)} from ${source}`);
      throw new ServiceError('unauthorized', BAD_CREDENTIALS);
    }
    this.failures.delete(key);
    return o!;
  }

  /** The officer a bearer token belongs to, or null when it is unknown, expired or the account is off. */
  officerForToken(token: string | null | undefined): (Officer & { expiresAt: number }) | null {
    if (!token) return null;
    const s = this.deps.repo.session(token);
    const now = this.deps.now();
    if (!s || s.expiresAt <= now) return null;
    const o = this.deps.repo.get(s.officerId);
    if (!o || !o.active) return null;
    if (now - s.lastSeenAt > 60_000) this.deps.repo.touch(token, now);
    return { ...strip(o), expiresAt: s.expiresAt };
  }

  endSession(token: string): void {
    this.deps.repo.endSession(token);
  }

  private forgetStale(now: number): void {
    if (this.failures.size < 1000) return;
    for (const [k, s] of this.failures) if (isStale(s, now)) this.failures.delete(k);
  }

  // ---- the roster (administrator) -------------------------------------------------------------

  /** A replica: officers are added and changed on the authority console, whose roster this one follows. */
  followAuthority(authorityId: string | null): void {
    this.authority = authorityId;
  }

  private admin(by: Officer | null): void {
    if (!by) throw new ServiceError('unauthorized', 'sign in as an administrator first');
    if (by.role !== 'admin')
      throw new ServiceError('forbidden', `only an administrator manages officers, not ${by.role}`);
  }

  async upsertOfficer(input: OfficerInput, by: Officer | null): Promise<{ created: boolean; officer: OfficerEntry }> {
    this.admin(by);
    if (this.authority !== null)
      throw new ServiceError(
        'forbidden',
        `this console is a replica: officers are managed on the authority console (${this.authority || 'not heard yet'})`,
      );
    const { password, active, ...officer } = input;
    if (by!.id === officer.id && (officer.role !== 'admin' || active === false))
      throw new ServiceError('rejected', 'an administrator cannot demote or deactivate their own account', {
        field: 'role',
      });
    const hash = password === undefined ? null : await hashPassword(password);
    const r = this.deps.repo.upsert(officer, hash, active, this.deps.now());
    if (hash !== null) this.deps.onPasswordSet?.(officer.id);
    this.rosterChanges.fire();
    this.deps.log(`[session] ${by!.id} ${r.created ? 'added' : 'updated'} officer ${officer.id} (${officer.role})`);
    const { passwordHash: _h, ...entry } = this.deps.repo.get(officer.id)!;
    return { created: r.created, officer: entry };
  }

  listOfficers(by: Officer | null): OfficerEntry[] {
    this.admin(by);
    return this.deps.repo.list();
  }

  // ---- the session of a window's connection ---------------------------------------------------

  private info(o: (Officer & { expiresAt: number }) | null, token: string | null): SessionInfo {
    const caller = currentCaller();
    return {
      officer: o ? strip(o) : null,
      token: o ? token : null,
      expiresAt: o?.expiresAt ?? null,
      required: caller?.required ?? this.deps.signInRequired,
      idleLockMs: this.deps.idleLockMs,
      consoleId: this.deps.consoleId,
    };
  }

  private connection() {
    const c = currentCaller();
    if (!c) throw new ServiceError('bad-request', 'sessions are bound to a window connection (WebSocket or IPC)');
    return c;
  }

  async signIn(officerId: string, password: string): Promise<SessionInfo> {
    const c = this.connection();
    const s = await this.authenticate(officerId, password, c.source);
    if (c.token) this.endSession(c.token);
    c.token = s.token;
    return this.info({ ...s.officer, expiresAt: s.expiresAt }, s.token);
  }

  async resume(token: string): Promise<SessionInfo> {
    const c = this.connection();
    const o = this.officerForToken(token);
    if (!o) throw new ServiceError('unauthorized', 'the session has ended; sign in again');
    c.token = token;
    return this.info(o, token);
  }

  async unlock(password: string): Promise<SessionInfo> {
    const c = this.connection();
    const o = this.officerForToken(c.token);
    if (!o) throw new ServiceError('unauthorized', 'the session has ended; sign in again');
    await this.check(o.id, password, c.source);
    return this.info(o, c.token);
  }

  async signOut(): Promise<SessionInfo> {
    const c = this.connection();
    if (c.token) {
      this.endSession(c.token);
      this.deps.log(`[session] ${c.connection} signed out`);
    }
    c.token = null;
    return this.info(null, null);
  }

  async current(): Promise<SessionInfo> {
    const c = currentCaller();
    const o = this.officerForToken(c?.token);
    if (c && !o) c.token = null;
    return this.info(o, c?.token ?? null);
  }

  /** The signed-in officer of the calling connection, as an actor; undefined outside a session. */
  currentActor(): Actor | undefined {
    const o = this.officerForToken(currentCaller()?.token);
    return o ? actorOf(strip(o)) : undefined;
  }

  /** The dispatcher's check before every call and subscription: null lets it through. */
  authorize(channel: string): RpcError | null {
    const c = currentCaller();
    if (!c || isOpen(channel)) return null;
    if (c.token && !this.officerForToken(c.token)) {
      c.token = null;
      return { code: 'unauthorized', message: 'the session has ended; sign in again' };
    }
    if (c.required && !c.token) return { code: 'unauthorized', message: `${channel}: sign in first` };
    return null;
  }
}
