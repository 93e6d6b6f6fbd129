// The short lockout after repeated failed sign-ins, as a pure function of the failures and the time:
// after MAX_FAILURES in a row the key (officer and where the attempt came from) is refused for
// LOCK_MS, doubling for every further failure up to MAX_LOCK_MS; a success forgets the failures.

export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
  maxLockMs: number;
  /** failures older than this are forgotten */
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  maxFailures: 5,
  lockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

export interface FailureState {
  /** consecutive failures, counting from `firstAt` */
  failures: number;
  firstAt: number;
  lastAt: number;
}

/** Milliseconds the key is still locked at `now` (0: it may try). */
export function lockedForMs(s: FailureState | undefined, now: number, p: LockoutPolicy = DEFAULT_LOCKOUT): number {
  if (!s || s.failures < p.maxFailures) return 0;
  const doublings = Math.min(s.failures - p.maxFailures, 20);
  const lock = Math.min(p.lockMs * 2 ** doublings, p.maxLockMs);
  return Math.max(0, s.lastAt + lock - now);
}

/** The state after one more failure at `now`. */
export function recordFailure(
  s: FailureState | undefined,
  now: number,
  p: LockoutPolicy = DEFAULT_LOCKOUT,
): FailureState {
  if (!s || (now - s.lastAt > p.windowMs && lockedForMs(s, now, p) === 0)) {
    return { failures: 1, firstAt: now, lastAt: now };
  }
  return { failures: s.failures + 1, firstAt: s.firstAt, lastAt: now };
}

/** Whether a state can be forgotten (no lock left and out of the window). */
export function isStale(s: FailureState, now: number, p: LockoutPolicy = DEFAULT_LOCKOUT): boolean {
  return lockedForMs(s, now, p) === 0 && now - s.lastAt > p.windowMs;
}
