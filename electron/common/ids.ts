// Global, time-sortable ids (ULID): two consoles never mint the same one, and sorting ids sorts by
// time. Officers read out a short reference instead (day + the id's last five characters).
import { decodeTime, isValid, monotonicFactory } from 'ulid';

export interface IdSource {
  /** a new ULID whose time part is `now` (monotonic within one millisecond) */
  next(now: number): string;
}

/** `random` returns [0, 1); tests pass a seeded one, consoles the platform's secure default. */
export function createIdSource(random?: () => number): IdSource {
  const make = random ? monotonicFactory(random) : monotonicFactory();
  return { next: (now) => make(now) };
}

export const isUlid = (s: string): boolean => isValid(s);
export const ulidTime = (id: string): number => decodeTime(id);

const BEIJING_MS = 8 * 3_600_000;

/** The short number an officer reads out: month-day of the report (Beijing time) and five id characters. */
export function shortRef(id: string, at: number): string {
  const d = new Date(at + BEIJING_MS).toISOString();
  return `${d.slice(5, 7)}${d.slice(8, 10)}-${id.slice(-5)}`;
}
