// Per-tile play state and reconnection with back-off. A tile that loses its stream says why and
// tries again, waiting longer each time (capped), with jitter so sixteen tiles do not retry in step.
export const TILE_STATES = ['idle', 'connecting', 'playing', 'stalled', 'offline', 'unsupported', 'error'] as const;
export type TileState = (typeof TILE_STATES)[number];

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/** Delay before retry number `attempt` (0-based): base·2^attempt capped at max, scaled by 0.5–1.0. */
export function backoffMs(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 1_000;
  const max = opts.maxMs ?? 30_000;
  const raw = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(raw * (0.5 + 0.5 * random()));
}

/** Whether a state should be retried: an unsupported codec never plays, however often one asks. */
export function shouldRetry(state: TileState): boolean {
  return state === 'offline' || state === 'stalled' || state === 'error';
}

/** A tile with no new frame for this long while "playing" is stalled. */
export const STALL_AFTER_MS = 4_000;
