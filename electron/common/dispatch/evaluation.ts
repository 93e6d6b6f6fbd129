// Five-colour evaluation on two axes, timeliness and quality (README: "Five-colour evaluation").
//   timeliness T: resolved within half the handling window = 2, within the window = 1,
//                 within 1.5 windows = 0, later = -1
//   quality    Q: 2 − returns − failed quality checks − escalations, floored at -1
//   S = T + Q:    4 green · 3 blue · 2 yellow · 1 orange · ≤ 0 red
// Red and orange go to the fortnightly supervision report.
import { DEADLINES } from './grades';
import type { Colour, Incident } from './types';

export function timelinessScore(i: Pick<Incident, 'grade' | 'reportedAt' | 'resolvedAt'>): number {
  if (i.resolvedAt === null) return -1;
  const windowMs = DEADLINES[i.grade].handleMs;
  const took = i.resolvedAt - i.reportedAt;
  if (took <= windowMs / 2) return 2;
  if (took <= windowMs) return 1;
  if (took <= windowMs * 1.5) return 0;
  return -1;
}

export function qualityScore(i: Pick<Incident, 'returns' | 'qualityFailures' | 'escalations'>): number {
  return Math.max(-1, 2 - i.returns.length - i.qualityFailures - i.escalations);
}

const BY_SUM: Colour[] = ['red', 'orange', 'yellow', 'blue', 'green']; // index = clamp(S, 0, 4)

export function evaluate(
  i: Pick<Incident, 'grade' | 'reportedAt' | 'resolvedAt' | 'returns' | 'qualityFailures' | 'escalations'>,
): { colour: Colour; timeliness: number; quality: number } {
  const t = timelinessScore(i);
  const q = qualityScore(i);
  return { colour: BY_SUM[Math.max(0, Math.min(4, t + q))], timeliness: t, quality: q };
}

export const needsSupervision = (c: Colour | null) => c === 'red' || c === 'orange';
