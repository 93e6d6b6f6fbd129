// Officers as a console part: the roster seeded (accounts without passwords), the one-time administrator
// credential on a first start, and the session service the contract, the host and dispatch share.
import type { Db } from '../../../native/sqlite/open';
import { DEFAULT_IDLE_LOCK_MS } from '../../common/officers/idle';
import type { Officer } from '../../common/officers/types';
import { INITIAL_ADMIN_ID, ensureInitialAdmin, spendInitialAdmin } from './initialAdmin';
import { OfficerRepo } from './repo';
import { SessionService } from './service';

export interface OfficersOptions {
  /** windows must sign in even on loopback (default off; a host bound elsewhere always requires it) */
  signInRequired?: boolean;
  /** lock a window after this long without input (default 10 min; 0: never) */
  idleLockMs?: number;
}

export interface OfficersDeps {
  db: Db;
  dataDir: string;
  consoleId: string;
  now: () => number;
  log: (line: string) => void;
  roster: readonly Officer[];
}

export interface ConsoleOfficers {
  service: SessionService;
  repo: OfficerRepo;
  /** resolves once the roster is there and an administrator can sign in */
  ready: Promise<void>;
}

export function createOfficers(deps: OfficersDeps, opts: OfficersOptions = {}): ConsoleOfficers {
  const repo = new OfficerRepo(deps.db);
  const added = repo.seed(deps.roster, deps.now());
  if (added > 0) deps.log(`[session] roster: ${added} officers added (no passwords until the administrator sets them)`);
  const service = new SessionService({
    repo,
    consoleId: deps.consoleId,
    now: deps.now,
    log: deps.log,
    idleLockMs: opts.idleLockMs ?? DEFAULT_IDLE_LOCK_MS,
    signInRequired: opts.signInRequired ?? false,
    onPasswordSet: (officerId) => {
      if (officerId === INITIAL_ADMIN_ID) spendInitialAdmin(deps.dataDir, deps.log);
    },
  });
  const ready = ensureInitialAdmin(deps.dataDir, repo, deps.now, deps.log).then(
    () => {},
    (e: Error) => deps.log(`[session] could not write the administrator credential: ${e.message}`),
  );
  return { service, repo, ready };
}
