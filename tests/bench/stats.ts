// Small helpers for benchmarks: percentiles and the JSON line format every benchmark prints.
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx];
}

export const median = (xs: number[]) => percentile(xs, 50);

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target?: string;
  note?: string;
  /** operator actions a story took (story.missingChild) */
  actions?: number;
  /** further figures of the same run (per-tile fps, heap, …) */
  metrics?: Record<string, number>;
}

/** ratio is always value / baseline, measured in the same run. */
export function line(
  name: string,
  value: number,
  baseline: number,
  unit: string,
  extra: Partial<BenchLine> = {},
): BenchLine {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const l: BenchLine = {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(value / baseline),
    ...extra,
  };
  console.log(JSON.stringify(l));
  return l;
}
