// The roster and the sessions in SQLite. A session is found by the SHA-256 of its bearer token; the token
// itself is never stored.
import { createHash } from 'node:crypto';
import type { Db } from '../../../native/sqlite/open';
import type { Officer, OfficerEntry, OfficerRole } from '../../common/officers/types';

interface OfficerRow {
  id: string;
  name: string;
  role: OfficerRole;
  department_id: string | null;
  password_hash: string | null;
  active: number;
}

export interface StoredOfficer extends OfficerEntry {
  passwordHash: string | null;
}

const toOfficer = (r: OfficerRow): StoredOfficer => ({
  id: r.id,
  name: r.name,
  role: r.role,
  ...(r.department_id ? { departmentId: r.department_id } : {}),
  hasPassword: r.password_hash !== null,
  active: r.active === 1,
  passwordHash: r.password_hash,
});

/** An account as the authority console hands it to replicas (so its officers can sign in there, offline too). */
export interface RosterEntry {
  id: string;
  name: string;
  role: OfficerRole;
  departmentId?: string;
  active: boolean;
  passwordHash: string | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  officerId: string;
  consoleId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export class OfficerRepo {
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
      get: db.prepare('SELECT * FROM officers WHERE id = ?'),
      list: db.prepare('SELECT * FROM officers ORDER BY role, id'),
      seed: db.prepare(
        `INSERT OR IGNORE INTO officers (id, name, role, department_id, password_hash, active, created_at, updated_at)
         VALUES (@id, @name, @role, @departmentId, NULL, 1, @now, @now)`,
      ),
      upsert: db.prepare(
        `INSERT INTO officers (id, name, role, department_id, password_hash, active, created_at, updated_at)
         VALUES (@id, @name, @role, @departmentId, @hash, @active, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
           department_id = excluded.department_id, password_hash = coalesce(@hash, password_hash),
           active = coalesce(@activeUpdate, active), updated_at = excluded.updated_at`,
      ),
      replace: db.prepare(
        `INSERT INTO officers (id, name, role, department_id, password_hash, active, created_at, updated_at)
         VALUES (@id, @name, @role, @departmentId, @hash, @active, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
           department_id = excluded.department_id, password_hash = excluded.password_hash,
           active = excluded.active, updated_at = excluded.updated_at`,
      ),
      hasAdmin: db.prepare(`SELECT 1 FROM officers WHERE role = 'admin' AND active = 1 AND password_hash IS NOT NULL`),
      insSession: db.prepare(
        `INSERT INTO sessions (token_hash, officer_id, console_id, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      getSession: db.prepare(
        `SELECT officer_id officerId, console_id consoleId, created_at createdAt, last_seen_at lastSeenAt,
                expires_at expiresAt FROM sessions WHERE token_hash = ?`,
      ),
      touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
      delSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      delOfficerSessions: db.prepare('DELETE FROM sessions WHERE officer_id = ?'),
      delExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
  }

  get(id: string): StoredOfficer | null {
    const r = this.sql.get.get(id) as OfficerRow | undefined;
    return r ? toOfficer(r) : null;
  }

  list(): OfficerEntry[] {
    return (this.sql.list.all() as OfficerRow[]).map((r) => {
      const { passwordHash: _hash, ...entry } = toOfficer(r);
      return entry;
    });
  }

  /** Adds the officers that are not there yet; never touches an existing one (or its password). */
  seed(roster: readonly Officer[], now: number): number {
    let added = 0;
    this.db.transaction(() => {
      for (const o of roster) added += this.sql.seed.run({ ...o, departmentId: o.departmentId ?? null, now }).changes;
    })();
    return added;
  }

  /** Creates or updates; a null hash keeps the password there is, an undefined `active` keeps the flag. */
  upsert(o: Officer, hash: string | null, active: boolean | undefined, now: number): { created: boolean } {
    return this.db.transaction(() => {
      const existed = this.sql.get.get(o.id) !== undefined;
      this.sql.upsert.run({
        id: o.id,
        name: o.name,
        role: o.role,
        departmentId: o.departmentId ?? null,
        hash,
        active: active === false ? 0 : 1,
        activeUpdate: active === undefined ? null : active ? 1 : 0,
        now,
      });
      // a new password or a deactivated account ends the sessions it had
      if (existed && (hash !== null || active === false)) this.sql.delOfficerSessions.run(o.id);
      return { created: !existed };
    })();
  }

  /** every account with its hash, for the replicas */
  roster(): RosterEntry[] {
    return (this.sql.list.all() as OfficerRow[]).map((r) => {
      const { hasPassword: _p, ...o } = toOfficer(r);
      return o;
    });
  }

  /**
   * The authority's roster, as it is: accounts and hashes replaced, sessions of an account whose password
   * changed or that was deactivated ended. Returns the ids whose password changed.
   */
  replaceRoster(entries: readonly RosterEntry[], now: number): string[] {
    const changed: string[] = [];
    this.db.transaction(() => {
      for (const e of entries) {
        const had = this.get(e.id);
        this.sql.replace.run({
          id: e.id,
          name: e.name,
          role: e.role,
          departmentId: e.departmentId ?? null,
          hash: e.passwordHash,
          active: e.active ? 1 : 0,
          now,
        });
        const newHash = had?.passwordHash !== e.passwordHash;
        if (newHash) changed.push(e.id);
        if (had && (newHash || !e.active)) this.sql.delOfficerSessions.run(e.id);
      }
    })();
    return changed;
  }

  hasAdminWithPassword(): boolean {
    return this.sql.hasAdmin.get() !== undefined;
  }

  createSession(token: string, officerId: string, consoleId: string, now: number, expiresAt: number): void {
    this.sql.delExpired.run(now);
    this.sql.insSession.run(tokenHash(token), officerId, consoleId, now, now, expiresAt);
  }

  session(token: string): SessionRow | null {
    return (this.sql.getSession.get(tokenHash(token)) as SessionRow | undefined) ?? null;
  }

  touch(token: string, now: number): void {
    this.sql.touch.run(now, tokenHash(token));
  }

  endSession(token: string): void {
    this.sql.delSession.run(tokenHash(token));
  }
}
