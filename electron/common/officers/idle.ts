// Idle lock of a window, pure: locked once no input came for `idleLockMs` (0: never locks).

export const DEFAULT_IDLE_LOCK_MS = 10 * 60_000;

export function isIdle(lastInputAt: number, now: number, idleLockMs: number): boolean {
  return idleLockMs > 0 && now - lastInputAt >= idleLockMs;
}

/** How long until the window locks (Infinity when it never does). */
export function msUntilLock(lastInputAt: number, now: number, idleLockMs: number): number {
  if (idleLockMs <= 0) return Infinity;
  return Math.max(0, lastInputAt + idleLockMs - now);
}
