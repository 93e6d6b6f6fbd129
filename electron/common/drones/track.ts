// Flown tracks are kept at 1 Hz for 30 days: the first fix of each second is stored under that second.
export const TRACK_RETENTION_MS = 30 * 24 * 3_600_000;
export const TRACK_STEP_MS = 1_000;

/** The second a fix is stored under, or null when this aircraft already has a fix for that second. */
export function trackSlot(lastSlot: number | undefined, t: number): number | null {
  const slot = Math.floor(t / TRACK_STEP_MS) * TRACK_STEP_MS;
  return lastSlot !== undefined && slot <= lastSlot ? null : slot;
}

export const trackCutoff = (now: number): number => now - TRACK_RETENTION_MS;
