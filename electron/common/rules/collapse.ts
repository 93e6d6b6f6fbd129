// The road-collapse composite risk model (道路塌陷综合风险评估模型): 19 classes of static and dynamic risk
// factors in four groups, each scored 0..1 per assessment unit and weighted into a 0..100 score graded
// low / medium / high / very high, with a band so a score near a boundary does not flap. Warnings of
// "medium" and above are matched to the road-collapse response plan and to departments by the factors
// that drive them. The pilot covers 4.25 km² around Sanxia Square and Shabin Road; lacking a road network
// here (no open extract is available, and streets are never invented), its units are 250 m grid cells.
import type { SensorKind } from '../sensors/kinds';

export const COLLAPSE_GROUPS = ['geology', 'pipelines', 'road', 'monitoring'] as const;
export type CollapseGroup = (typeof COLLAPSE_GROUPS)[number];

export interface CollapseFactor {
  id: string;
  group: CollapseGroup;
  name: string;
  nameEn: string;
  /** relative weight (the weights are normalised to 100) */
  weight: number;
  /** dynamic factors read the latest reading of a sensor kind near the unit; static ones are surveyed */
  kind: SensorKind | null;
  /** the reading at which a dynamic factor scores 1 (0 at `zeroAt`) */
  fullAt?: number;
  zeroAt?: number;
}

const f = (
  id: string,
  group: CollapseGroup,
  name: string,
  nameEn: string,
  weight: number,
  kind: SensorKind | null = null,
  zeroAt?: number,
  fullAt?: number,
): CollapseFactor => ({ id, group, name, nameEn, weight, kind, zeroAt, fullAt });

export const COLLAPSE_FACTORS: readonly CollapseFactor[] = [
  f('fill', 'geology', '回填土厚度', 'Fill thickness', 6),
  f('voids', 'geology', '地下空洞（探地雷达）', 'Voids found by ground radar', 10),
  f('groundwater', 'geology', '地下水埋深', 'Groundwater depth', 4),
  f('history', 'geology', '历史塌陷记录', 'Past collapses nearby', 7),
  f('pipe-age', 'pipelines', '管线服役年限', 'Pipe age', 7),
  f('pipe-material', 'pipelines', '管材', 'Pipe material', 4),
  f('pipe-density', 'pipelines', '地下管线密度', 'Density of buried pipes', 4),
  f('drain-defects', 'pipelines', '排水管道缺陷（CCTV）', 'Drain defects (CCTV)', 8),
  f('road-age', 'road', '路面服役年限', 'Pavement age', 3),
  f('heavy-traffic', 'road', '重载交通', 'Heavy traffic load', 5),
  f('traffic-volume', 'road', '交通流量', 'Traffic volume', 3),
  f('excavation', 'road', '周边施工开挖', 'Excavation nearby', 6),
  f('rainfall', 'monitoring', '小时雨量', 'Hourly rainfall', 7, 'rain-gauge', 5, 50),
  f('settlement', 'monitoring', '地面沉降', 'Ground settlement', 9, 'settlement', 5, 30),
  f(
    'pressure-drop',
    'monitoring',
    '供水压力骤降（管道渗漏）',
    'Supply pressure drop (leak)',
    6,
    'water-pressure',
    0.3,
    0.1,
  ),
  f('manhole', 'monitoring', '井盖位移', 'Manhole displacement', 3, 'manhole', 1, 15),
  f('vibration', 'monitoring', '施工振动', 'Construction vibration', 3, 'vibration', 2, 20),
  f('river-stage', 'monitoring', '嘉陵江水位（磁器口）', 'Jialing stage at Ciqikou', 3, 'water-level', 180, 194),
  f('ponding', 'monitoring', '路面积水', 'Ponding on the road', 2, 'ponding', 5, 30),
];

const TOTAL = COLLAPSE_FACTORS.reduce((s, x) => s + x.weight, 0);

export const COLLAPSE_GRADES = ['low', 'medium', 'high', 'very-high'] as const;
export type CollapseGrade = (typeof COLLAPSE_GRADES)[number];
/** lower bounds of medium, high, very high */
export const COLLAPSE_BOUNDS = [40, 60, 80] as const;
export const COLLAPSE_BAND = 3;

export interface CollapseUnit {
  id: string;
  name: string;
  nameEn: string;
  lon: number;
  lat: number;
  /** surveyed scores 0..1 of the static factors, by factor id */
  statics: Record<string, number>;
  /** the sensor each dynamic factor reads, by factor id (the nearest of its kind) */
  sensors: Record<string, string>;
  /** riverside units feel the Jialing's stage */
  riverside: boolean;
}

export interface CollapseScore {
  score: number;
  /** each factor's contribution in points of the 100 */
  contributions: { factorId: string; points: number }[];
}

/** A dynamic factor's 0..1 score from a reading (falling pressure and rising everything else). */
export function dynamicScore(factor: CollapseFactor, value: number | null | undefined): number {
  if (value === null || value === undefined || factor.zeroAt === undefined || factor.fullAt === undefined) return 0;
  const s = (value - factor.zeroAt) / (factor.fullAt - factor.zeroAt);
  return Math.max(0, Math.min(1, s));
}

/** The unit's composite score from its surveyed factors and the latest readings of its sensors. */
export function collapseScore(unit: CollapseUnit, latest: (sensorId: string) => number | null): CollapseScore {
  let score = 0;
  const contributions: CollapseScore['contributions'] = [];
  for (const x of COLLAPSE_FACTORS) {
    let s: number;
    if (x.kind === null) s = Math.max(0, Math.min(1, unit.statics[x.id] ?? 0));
    else if (x.id === 'river-stage' && !unit.riverside) s = 0;
    else s = dynamicScore(x, unit.sensors[x.id] ? latest(unit.sensors[x.id]) : null);
    const points = (100 * x.weight * s) / TOTAL;
    score += points;
    if (points > 0) contributions.push({ factorId: x.id, points: Math.round(points * 10) / 10 });
  }
  contributions.sort((a, b) => b.points - a.points);
  return { score: Math.round(score * 10) / 10, contributions };
}

/** The grade for a score, keeping `previous` while the score stays within the band below its bound. */
export function collapseGrade(score: number, previous: CollapseGrade = 'low'): CollapseGrade {
  const raw = COLLAPSE_BOUNDS.filter((b) => score >= b).length;
  const held = COLLAPSE_BOUNDS.filter((b) => score >= b - COLLAPSE_BAND).length;
  const prev = COLLAPSE_GRADES.indexOf(previous);
  return COLLAPSE_GRADES[raw >= prev ? raw : Math.max(raw, Math.min(prev, held))];
}

/** Departments by the factor group that drives a warning (the lead is the road-collapse category's). */
const GROUP_DEPARTMENTS: Record<CollapseGroup, string[]> = {
  geology: ['planning'],
  pipelines: ['utilities', 'water'],
  road: ['transport', 'police'],
  monitoring: ['emergency', 'water'],
};
const FACTOR_GROUP = new Map(COLLAPSE_FACTORS.map((x) => [x.id, x.group]));

export interface CollapseMatch {
  planId: string;
  leadDepartmentId: string;
  assistDepartmentIds: string[];
}

/**
 * Matches a medium-or-worse warning to the road-collapse category's plan and lead, and to the departments
 * of the three factors that weigh most; null below medium.
 */
export function matchCollapse(
  grade: CollapseGrade,
  s: CollapseScore,
  category: { planId: string; leadDepartmentId: string },
): CollapseMatch | null {
  if (grade === 'low') return null;
  const assist: string[] = [];
  for (const c of s.contributions.slice(0, 3)) {
    for (const d of GROUP_DEPARTMENTS[FACTOR_GROUP.get(c.factorId) ?? 'monitoring'])
      if (d !== category.leadDepartmentId && !assist.includes(d)) assist.push(d);
  }
  return { planId: category.planId, leadDepartmentId: category.leadDepartmentId, assistDepartmentIds: assist };
}
