// Dynamic risk grading: the risk list's "identify → grade → push → evaluate" loop. One model per
// infrastructure class (11) scores a risk point from its sensors' rule states; the score raises the point
// above the level the risk list gave it (blue → yellow → orange → red), at once, and lowers it again only
// with hysteresis: the score must fall below the rise threshold less a band and stay there for the hold
// time. A decisive kind at critical (a crack meter on a slope, a gas detector) makes a point red by itself.
// Pure: a function of the sensor states and the reading time; the caller keeps one PointGrade per point.
import { RISK_LEVELS, type RiskLevel } from '../levels';
import type { SensorKind } from '../sensors/kinds';
import type { RuleStateName, Severity } from './engine';

export interface GradingModel {
  id: string;
  name: string;
  nameEn: string;
  /** the risk families (infrastructure classes) it grades */
  families: readonly string[];
  /** weight of a raised condition of this kind at warning and at critical; kinds not listed: [1, 2] */
  weights: Partial<Record<SensorKind, readonly [number, number]>>;
  /** kinds whose critical condition alone makes the point red */
  decisive: readonly SensorKind[];
  /** scores at which the point stands one, two, three levels above its base */
  rise: readonly [number, number, number];
  /** hysteresis: lowered only below rise − band … */
  band: number;
  /** … held for this long (ms) */
  holdMs: number;
}

const H = 3_600_000;
const m = (
  id: string,
  name: string,
  nameEn: string,
  families: string[],
  weights: GradingModel['weights'],
  decisive: SensorKind[],
  holdH = 2,
): GradingModel => ({ id, name, nameEn, families, weights, decisive, rise: [1, 3, 5], band: 0.5, holdMs: holdH * H });

export const GRADING_MODELS: readonly GradingModel[] = [
  m(
    'geohazard',
    '地质灾害动态分级模型',
    'Geohazard',
    ['geohazard'],
    { crack: [2, 4], gnss: [2, 4], inclinometer: [2, 4], 'rain-gauge': [1, 2] },
    ['crack', 'gnss'],
    6,
  ),
  m(
    'highrise-fire',
    '高层建筑消防动态分级模型',
    'High-rise fire',
    ['highrise-fire'],
    { smoke: [3, 5], temperature: [2, 4] },
    ['smoke'],
  ),
  m(
    'flooding',
    '城市防汛动态分级模型',
    'Urban flooding',
    ['flooding'],
    { ponding: [2, 4], 'water-level': [2, 4], 'rain-gauge': [1, 2] },
    ['water-level'],
  ),
  m('gas', '城镇燃气动态分级模型', 'Town gas', ['gas'], { gas: [3, 5] }, ['gas']),
  m(
    'construction',
    '建设施工动态分级模型',
    'Construction sites',
    ['construction'],
    { inclinometer: [2, 4], wind: [1, 3], tilt: [2, 4] },
    ['tilt'],
    4,
  ),
  m(
    'traffic',
    '道路桥隧动态分级模型',
    'Roads, bridges and tunnels',
    ['traffic'],
    { strain: [2, 4], settlement: [2, 4], ponding: [1, 3] },
    ['strain'],
  ),
  m(
    'hazchem',
    '危险化学品动态分级模型',
    'Hazardous chemicals',
    ['hazchem'],
    { gas: [3, 5], h2s: [3, 5], ammonia: [3, 5] },
    ['gas', 'h2s', 'ammonia'],
  ),
  m(
    'old-housing',
    '老旧房屋动态分级模型',
    'Old and dangerous housing',
    ['old-housing'],
    { tilt: [2, 4], crack: [2, 4], settlement: [1, 3] },
    ['tilt'],
    12,
  ),
  m(
    'lifeline',
    '城市生命线动态分级模型',
    'Lifelines',
    ['lifeline'],
    { gas: [3, 5], manhole: [1, 3], 'water-pressure': [1, 3] },
    ['gas'],
  ),
  m(
    'public-places',
    '人员密集场所动态分级模型',
    'Crowded public places',
    ['crowds', 'public-safety-services'],
    { crowd: [2, 4] },
    ['crowd'],
    1,
  ),
  m(
    'ecology',
    '生态环境动态分级模型',
    'Ecology and environment',
    ['ecology'],
    { smoke: [3, 5], 'water-turbidity': [1, 2] },
    ['smoke'],
  ),
];

const BY_FAMILY = new Map(GRADING_MODELS.flatMap((g) => g.families.map((f) => [f, g] as const)));

export function modelForFamily(familyId: string): GradingModel {
  return BY_FAMILY.get(familyId) ?? GRADING_MODELS[GRADING_MODELS.length - 1];
}

export interface SensorInput {
  sensorId: string;
  kind: SensorKind;
  state: RuleStateName;
  severity: Severity | null;
  value: number | null;
}

export interface PointGrade {
  level: RiskLevel;
  /** when the point reached its level */
  since: number;
  score: number;
  /** when the score last fell low enough to lower the level (null while it is not) */
  calmSince: number | null;
}

export interface ScoredFactor extends SensorInput {
  weight: number;
}

export function score(model: GradingModel, inputs: readonly SensorInput[]): { score: number; factors: ScoredFactor[] } {
  let total = 0;
  const factors: ScoredFactor[] = [];
  for (const i of inputs) {
    const raised = i.state === 'alerting' || i.state === 'recovering';
    const w = raised ? (model.weights[i.kind] ?? [1, 2])[i.severity === 'critical' ? 1 : 0] : 0;
    total += w;
    factors.push({ ...i, weight: w });
  }
  return { score: total, factors };
}

/** How many levels above its base the score puts a point (a decisive kind at critical: straight to red). */
function steps(model: GradingModel, s: number, inputs: readonly SensorInput[], band: number): number {
  const decisive = inputs.some(
    (i) => i.severity === 'critical' && i.state === 'alerting' && model.decisive.includes(i.kind),
  );
  if (decisive) return 3;
  return model.rise.filter((r) => s >= r - band).length;
}

const up = (base: RiskLevel, n: number): RiskLevel => RISK_LEVELS[Math.max(0, RISK_LEVELS.indexOf(base) - n)];
const severer = (a: RiskLevel, b: RiskLevel) => RISK_LEVELS.indexOf(a) < RISK_LEVELS.indexOf(b);

export interface LevelStep {
  from: RiskLevel;
  to: RiskLevel;
  at: number;
  score: number;
  factors: ScoredFactor[];
}

export interface GradeResult {
  grade: PointGrade;
  /** the level changes, in order (a late evaluation may lower several hold periods at once) */
  changes: LevelStep[];
}

/**
 * Grades a point at reading time `at`: raises at once; lowers one level per hold time once the score has
 * been low enough (each step dated exactly, calmSince + holdMs, however late it is evaluated); never
 * below the base level.
 */
export function gradePoint(
  model: GradingModel,
  base: RiskLevel,
  current: PointGrade,
  inputs: readonly SensorInput[],
  at: number,
): GradeResult {
  const { score: s, factors } = score(model, inputs);
  const target = up(base, steps(model, s, inputs, 0));
  if (severer(target, current.level)) {
    const grade = { level: target, since: at, score: s, calmSince: null };
    return { grade, changes: [{ from: current.level, to: target, at, score: s, factors }] };
  }
  // the level the score still holds with the hysteresis band taken off
  const holdable = up(base, steps(model, s, inputs, model.band));
  let grade: PointGrade = { ...current, score: s };
  if (!severer(grade.level, holdable)) return { grade: { ...grade, calmSince: null }, changes: [] };
  grade.calmSince ??= at;
  const changes: LevelStep[] = [];
  for (;;) {
    const due = Math.max(grade.calmSince ?? at, grade.since) + model.holdMs;
    if (at < due || !severer(grade.level, holdable)) break;
    const to = RISK_LEVELS[RISK_LEVELS.indexOf(grade.level) + 1];
    changes.push({ from: grade.level, to, at: due, score: s, factors });
    grade = { level: to, since: due, score: s, calmSince: severer(to, holdable) ? due : null };
  }
  return { grade, changes };
}
