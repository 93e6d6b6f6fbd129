// Shift changes (e.g. 08:00 and 20:00 China time): which shift a moment belongs to and when the next
// change comes. Computed in the district's fixed offset (UTC+8, no daylight saving), never the machine's.
export const CHINA_OFFSET_MIN = 480;
export const DEFAULT_SHIFT_CHANGES = ['08:00', '20:00'] as const;
const DAY = 86_400_000;

/** "HH:MM" → minutes after midnight, sorted and unique; throws naming the bad entry. */
export function parseShiftChanges(list: readonly string[]): number[] {
  if (!list.length) throw new Error('at least one shift change time is needed, e.g. 08:00,20:00');
  const out = list.map((s) => {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
    if (!m) throw new Error(`shift change ${JSON.stringify(s)} is not a time HH:MM`);
    return Number(m[1]) * 60 + Number(m[2]);
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Every change time (ms) from the day before `at` to the day after, ascending. */
function changesAround(at: number, changes: readonly number[], offsetMin: number): number[] {
  const off = offsetMin * 60_000;
  const midnight = Math.floor((at + off) / DAY) * DAY - off;
  const out: number[] = [];
  for (const d of [-1, 0, 1]) for (const m of changes) out.push(midnight + d * DAY + m * 60_000);
  return out;
}

/** The shift a report made at `at` covers: from the last change before `at` (strictly) to `at`. */
export function shiftEndingAt(
  at: number,
  changes: readonly number[],
  offsetMin = CHINA_OFFSET_MIN,
): { start: number; end: number } {
  const before = changesAround(at, changes, offsetMin).filter((t) => t < at);
  return { start: before[before.length - 1], end: at };
}

/** The next change strictly after `now`. */
export function nextShiftChange(now: number, changes: readonly number[], offsetMin = CHINA_OFFSET_MIN): number {
  return changesAround(now, changes, offsetMin).find((t) => t > now)!;
}

/** The latest change at or before `now`. */
export function lastShiftChange(now: number, changes: readonly number[], offsetMin = CHINA_OFFSET_MIN): number {
  const before = changesAround(now, changes, offsetMin).filter((t) => t <= now);
  return before[before.length - 1];
}

/** Whether `at` falls in the small hours (22:00–06:00 China time), when the night theme helps. */
export function isSmallHours(at: number, offsetMin = CHINA_OFFSET_MIN, from = 22, to = 6): boolean {
  const h = Math.floor(((((at / 60_000 + offsetMin) % 1440) + 1440) % 1440) / 60);
  return from > to ? h >= from || h < to : h >= from && h < to;
}
