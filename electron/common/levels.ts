// Risk levels as the district grades them: major / high / moderate / low = red / orange / yellow / blue.

export const RISK_LEVELS = ['major', 'high', 'moderate', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Index in RISK_LEVELS; 0 is the most severe. Packed arrays carry this index. */
export function levelIndex(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export const LEVEL_COLOURS: Record<RiskLevel, string> = {
  major: '#e5383b',
  high: '#f77f00',
  moderate: '#f5c518',
  low: '#3a86ff',
};

export function isRiskLevel(v: unknown): v is RiskLevel {
  return typeof v === 'string' && (RISK_LEVELS as readonly string[]).includes(v);
}
