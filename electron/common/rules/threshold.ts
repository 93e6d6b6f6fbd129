// A threshold rule as the district sets it on a sensor kind or a KPI: warning and critical levels, the
// direction that is bad, a recovery level on the good side of warning (hysteresis), a pending period a
// breach must last before it alarms (and a return must last before it clears), and the silence after
// which the source is "no data". Times in milliseconds; values in the source's own unit.
import { z } from 'zod';

export const DIRECTIONS = ['above', 'below'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ruleSpecSchema = z
  .object({
    direction: z.enum(DIRECTIONS),
    warning: z.number(),
    critical: z.number(),
    /** back on the good side of this, the condition may clear (above: < recovery; below: > recovery) */
    recovery: z.number(),
    /** a breach must last this long before it alarms; a recovery this long before it clears */
    pendingMs: z.number().int().min(0),
    /** no reading for this long: the source is "no data" */
    noDataAfterMs: z.number().int().min(1),
  })
  .superRefine((r, ctx) => {
    const worse = r.direction === 'above' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
    if (!worse(r.critical, r.warning))
      ctx.addIssue({ code: 'custom', path: ['critical'], message: `critical must be ${r.direction} warning` });
    if (worse(r.recovery, r.warning) && r.recovery !== r.warning)
      ctx.addIssue({ code: 'custom', path: ['recovery'], message: 'recovery must be on the good side of warning' });
  });
export type RuleSpec = z.infer<typeof ruleSpecSchema>;

/** Whether `v` is at or beyond `level` in the rule's bad direction. */
export function breaches(r: Pick<RuleSpec, 'direction'>, v: number, level: number): boolean {
  return r.direction === 'above' ? v >= level : v <= level;
}

/** Whether `v` is strictly on the good side of the recovery level. */
export function recovered(r: Pick<RuleSpec, 'direction' | 'recovery'>, v: number): boolean {
  return r.direction === 'above' ? v < r.recovery : v > r.recovery;
}

/** The level below which a critical condition falls back to warning: critical less the same band. */
export function criticalRecovery(r: RuleSpec): number {
  return r.critical - (r.warning - r.recovery);
}

/** A rule for `kind` with some fields replaced (a station's real levels, a cold store's temperatures). */
export function withOverrides(base: RuleSpec, o: Partial<RuleSpec> | undefined): RuleSpec {
  return o ? { ...base, ...o } : base;
}
