// Reconnect back-off: exponential from minMs to maxMs with jitter, so many consoles that lost the
// same broker do not all knock at once when it comes back.

export interface BackoffPolicy {
  minMs: number;
  maxMs: number;
  /** 0..1: the share of each delay that is random */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { minMs: 500, maxMs: 15_000, jitter: 0.3 };

/** Delay before reconnect attempt `attempt` (0 = the first retry). `random` returns [0, 1). */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const n = Math.max(0, Math.min(30, Math.floor(attempt)));
  const full = Math.min(policy.maxMs, policy.minMs * 2 ** n);
  const j = Math.max(0, Math.min(1, policy.jitter));
  return Math.round(full * (1 - j) + full * j * random());
}
