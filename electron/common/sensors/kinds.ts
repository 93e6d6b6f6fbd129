// The sensing devices the risk points are linked to: 23 kinds with their real units, the physical range
// a working device reports within (outside it the reading is a fault and refused), the district's
// default thresholds (a sensor may override them: a river station's own warning and guarantee levels, a
// cold store's temperatures) and how often a device reports. Threshold values follow the usual Chinese
// practice where one exists (GB 5749 turbidity 1 NTU, GB 3095 PM10 150 µg/m³, short-duration heavy rain
// ≥ 20 mm/h, combustible gas 20/50 %LEL, tower cranes stop at Beaufort 6, 10.8 m/s); the rest are
// engineering defaults to be set by the owning department.
import type { RuleSpec } from '../rules/threshold';

export const SENSOR_KINDS = [
  'water-level',
  'ponding',
  'rain-gauge',
  'crack',
  'inclinometer',
  'gnss',
  'settlement',
  'gas',
  'h2s',
  'ammonia',
  'smoke',
  'temperature',
  'leakage-current',
  'tilt',
  'manhole',
  'strain',
  'vibration',
  'wind',
  'crowd',
  'water-pressure',
  'water-turbidity',
  'pm10',
  'noise',
] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

export interface SensorKindDef {
  id: SensorKind;
  name: string;
  nameEn: string;
  unit: string;
  /** what a working device can report; outside it a reading is refused as a fault */
  range: readonly [number, number];
  rule: RuleSpec;
  /** how often a device of this kind reports when all is calm (s) */
  intervalS: number;
  /** a calm value and its spread, for the simulator */
  calm: { mean: number; sd: number };
  /** the infrastructure domain its KPIs are grouped under on the vital-signs screen */
  domain: 'water' | 'geology' | 'fire' | 'gas' | 'structure' | 'city' | 'environment';
}

const MIN = 60_000;
const rule = (
  direction: 'above' | 'below',
  warning: number,
  critical: number,
  recovery: number,
  pendingMin: number,
  intervalS: number,
): RuleSpec => ({
  direction,
  warning,
  critical,
  recovery,
  pendingMs: Math.round(pendingMin * MIN),
  // three missed reports (at least 15 minutes) before a device counts as silent
  noDataAfterMs: Math.max(15 * MIN, intervalS * 3_000),
});

type Row = [
  SensorKind,
  string,
  string,
  string,
  [number, number],
  [RuleSpec['direction'], number, number, number, number],
  number,
  [number, number],
  SensorKindDef['domain'],
];

// id, name, English, unit, range, [direction, warning, critical, recovery, pending min], interval s, calm, domain
const ROWS: Row[] = [
  ['water-level', '水位', 'Water level', 'm', [-5, 250], ['above', 3, 4.5, 2.8, 10], 300, [1.6, 0.08], 'water'],
  ['ponding', '积水深度', 'Ponding depth', 'cm', [0, 300], ['above', 15, 30, 10, 5], 300, [0, 0.4], 'water'],
  ['rain-gauge', '小时雨量', 'Hourly rainfall', 'mm/h', [0, 300], ['above', 20, 50, 10, 10], 300, [0, 0.3], 'water'],
  ['crack', '裂缝宽度', 'Crack width', 'mm', [0, 200], ['above', 5, 10, 4.5, 30], 1800, [1.2, 0.05], 'geology'],
  [
    'inclinometer',
    '深部位移',
    'Deep displacement',
    'mm',
    [-500, 500],
    ['above', 20, 40, 18, 30],
    3600,
    [5, 0.3],
    'geology',
  ],
  ['gnss', 'GNSS地表位移', 'GNSS displacement', 'mm', [0, 2000], ['above', 30, 60, 27, 30], 3600, [8, 0.8], 'geology'],
  [
    'settlement',
    '地面沉降',
    'Ground settlement',
    'mm',
    [-200, 200],
    ['above', 20, 30, 18, 30],
    3600,
    [3, 0.3],
    'geology',
  ],
  ['gas', '可燃气体浓度', 'Combustible gas', '%LEL', [0, 100], ['above', 20, 50, 10, 1], 600, [0.5, 0.3], 'gas'],
  ['h2s', '硫化氢浓度', 'Hydrogen sulphide', 'ppm', [0, 200], ['above', 10, 20, 5, 1], 600, [0.4, 0.2], 'gas'],
  ['ammonia', '氨气浓度', 'Ammonia', 'ppm', [0, 1000], ['above', 25, 50, 15, 1], 600, [2, 0.8], 'gas'],
  ['smoke', '烟雾浓度', 'Smoke obscuration', '%/m', [0, 30], ['above', 2, 4, 1, 0.5], 900, [0.1, 0.04], 'fire'],
  ['temperature', '温度', 'Temperature', '°C', [-50, 300], ['above', 60, 80, 55, 2], 600, [28, 2.5], 'fire'],
  [
    'leakage-current',
    '剩余电流',
    'Residual current',
    'mA',
    [0, 3000],
    ['above', 300, 500, 250, 2],
    600,
    [40, 8],
    'fire',
  ],
  ['tilt', '结构倾斜率', 'Structural tilt', '‰', [0, 100], ['above', 4, 7, 3.5, 30], 3600, [1.5, 0.08], 'structure'],
  ['manhole', '井盖倾角', 'Manhole cover tilt', '°', [0, 90], ['above', 5, 15, 3, 0.5], 1800, [0.5, 0.2], 'structure'],
  [
    'strain',
    '结构应变',
    'Structural strain',
    'µε',
    [-3000, 3000],
    ['above', 300, 500, 250, 5],
    600,
    [80, 15],
    'structure',
  ],
  [
    'vibration',
    '振动速度',
    'Vibration velocity',
    'mm/s',
    [0, 300],
    ['above', 10, 20, 8, 1],
    600,
    [0.8, 0.3],
    'structure',
  ],
  ['wind', '风速', 'Wind speed', 'm/s', [0, 75], ['above', 10.8, 13.8, 9, 2], 300, [2.5, 0.9], 'environment'],
  ['crowd', '人群密度', 'Crowd density', 'persons/m²', [0, 12], ['above', 3, 5, 2.5, 5], 300, [0.8, 0.2], 'city'],
  [
    'water-pressure',
    '供水压力',
    'Supply pressure',
    'MPa',
    [0, 2],
    ['below', 0.14, 0.1, 0.16, 10],
    900,
    [0.32, 0.015],
    'city',
  ],
  ['water-turbidity', '浊度', 'Turbidity', 'NTU', [0, 1000], ['above', 1, 3, 0.8, 15], 900, [0.3, 0.06], 'environment'],
  ['pm10', '可吸入颗粒物', 'PM10', 'µg/m³', [0, 3000], ['above', 150, 250, 120, 60], 900, [60, 12], 'environment'],
  ['noise', '噪声', 'Noise', 'dB(A)', [20, 150], ['above', 70, 85, 65, 15], 900, [52, 3], 'environment'],
];

export const SENSOR_KIND_DEFS: Readonly<Record<SensorKind, SensorKindDef>> = Object.fromEntries(
  ROWS.map(([id, name, nameEn, unit, range, [d, w, c, r, p], intervalS, [mean, sd], domain]) => [
    id,
    { id, name, nameEn, unit, range, rule: rule(d, w, c, r, p, intervalS), intervalS, calm: { mean, sd }, domain },
  ]),
) as unknown as Record<SensorKind, SensorKindDef>;

export function isSensorKind(v: unknown): v is SensorKind {
  return typeof v === 'string' && (SENSOR_KINDS as readonly string[]).includes(v);
}

/** Whether a reading is one a working device of this kind could report. */
export function inRange(kind: SensorKind, v: number): boolean {
  const [lo, hi] = SENSOR_KIND_DEFS[kind].range;
  return v >= lo && v <= hi;
}
