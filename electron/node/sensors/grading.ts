// Dynamic risk grading over the live sensors: when a sensor's rule state changes, the points it is linked
// to are graded again by their class's model; each level change is recorded with its reason (append-only:
// the grading audit trail), announced to windows, and a point that turns red raises an alarm offering its
// response plan. Lowering after the hold time is checked on the console's tick.
import type { Db } from '../../../native/sqlite/open';
import type { IdSource } from '../../common/ids';
import type { RiskLevel } from '../../common/levels';
import {
  GRADING_MODELS,
  gradePoint,
  modelForFamily,
  type GradingModel,
  type LevelStep,
  type PointGrade,
  type SensorInput,
} from '../../common/rules/grading';
import { SENSOR_KIND_DEFS } from '../../common/sensors/kinds';
import type { LevelChange } from '../../common/sensors/types';
import { Emitter } from '../events';
import type { SensorTransition } from './ingest';
import type { SensorRegistry } from './registry';

export interface PointInfo {
  id: number;
  name: string;
  base: RiskLevel;
  categoryId: number;
  familyId: string;
  planId: string;
  townCode: string;
  lon: number;
  lat: number;
}

export const LEVEL_NAMES: Record<RiskLevel, string> = {
  major: '重大（红）',
  high: '较大（橙）',
  moderate: '一般（黄）',
  low: '低（蓝）',
};
const SEVERITY_NAMES = { warning: '预警', critical: '严重' } as const;

export interface GradingDeps {
  db: Db;
  registry: SensorRegistry;
  ids: IdSource;
  /** a point turned red (raise) or left red (clear) */
  onRed: (p: PointInfo, change: LevelChange, red: boolean) => void;
}

export class GradingWatch {
  private points = new Map<number, PointInfo>();
  private grades = new Map<number, PointGrade>();
  private readonly changes = new Emitter<LevelChange>();
  readonly onDidChangeLevel = this.changes.event;

  constructor(private readonly d: GradingDeps) {}

  load(): void {
    const rows = this.d.db
      .prepare(
        `SELECT p.id, p.name, p.level, p.category_id, c.family_id, p.plan_id, p.town_code, p.lon, p.lat
         FROM risk_points p JOIN risk_categories c ON c.id = p.category_id`,
      )
      .raw()
      .all() as [number, string, RiskLevel, number, string, string, string, number, number][];
    this.points = new Map(
      rows.map(([id, name, base, categoryId, familyId, planId, townCode, lon, lat]) => [
        id,
        { id, name, base, categoryId, familyId, planId, townCode, lon, lat },
      ]),
    );
    this.grades.clear();
    const stored = this.d.db.prepare('SELECT point_id, level, since, score FROM risk_levels').raw().all() as [
      number,
      RiskLevel,
      number,
      number,
    ][];
    for (const [id, level, since, score] of stored) this.grades.set(id, { level, since, score, calmSince: null });
  }

  point(id: number): PointInfo | undefined {
    return this.points.get(id);
  }

  model(p: PointInfo): GradingModel {
    return modelForFamily(p.familyId);
  }

  /** the point's level now (its base when no model has moved it) */
  grade(id: number): PointGrade | null {
    const p = this.points.get(id);
    if (!p) return null;
    return this.grades.get(id) ?? { level: p.base, since: 0, score: 0, calmSince: null };
  }

  /** points whose level differs from their base, for the map */
  moved(): { pointId: number; level: RiskLevel; base: RiskLevel; since: number; lon: number; lat: number }[] {
    const out = [];
    for (const [id, g] of this.grades) {
      const p = this.points.get(id);
      if (p && g.level !== p.base)
        out.push({ pointId: id, level: g.level, base: p.base, since: g.since, lon: p.lon, lat: p.lat });
    }
    return out;
  }

  private inputs(pointId: number): SensorInput[] {
    return this.d.registry.ofPoint(pointId).map((e) => ({
      sensorId: e.id,
      kind: e.kind,
      state: e.state.state,
      severity: e.state.severity,
      value: e.state.lastValue,
    }));
  }

  /** Grades the points of a batch of transitions again, at each point's latest transition time. */
  onTransitions(batch: readonly SensorTransition[]): void {
    const due = new Map<number, number>();
    for (const { sensor, t } of batch)
      for (const p of this.d.registry.pointsOf(sensor)) due.set(p, Math.max(due.get(p) ?? -Infinity, t.at));
    this.regrade(due);
  }

  /** Lowers the points whose hold time has passed by `now`. */
  tick(now: number): void {
    const due = new Map<number, number>();
    for (const [id, g] of this.grades)
      if (g.calmSince !== null || g.level !== this.points.get(id)?.base) due.set(id, now);
    this.regrade(due);
  }

  private regrade(due: ReadonlyMap<number, number>): void {
    const steps: { p: PointInfo; model: GradingModel; step: LevelStep }[] = [];
    const updated: [number, PointGrade][] = [];
    for (const [id, at] of due) {
      const p = this.points.get(id);
      if (!p) continue;
      const model = modelForFamily(p.familyId);
      const cur = this.grade(id)!;
      const r = gradePoint(model, p.base, cur, this.inputs(id), at);
      if (r.changes.length || r.grade.score !== cur.score || r.grade.calmSince !== cur.calmSince) {
        this.grades.set(id, r.grade);
        if (r.changes.length) updated.push([id, r.grade]);
      }
      for (const step of r.changes) steps.push({ p, model, step });
    }
    if (!steps.length) return;
    const ins = this.d.db.prepare(
      `INSERT INTO risk_level_events (id, point_id, at, from_level, to_level, model, score, reason, factors_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const up = this.d.db.prepare(
      `INSERT INTO risk_levels (point_id, level, base_level, since, score, model) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (point_id) DO UPDATE SET level = excluded.level, since = excluded.since, score = excluded.score, model = excluded.model`,
    );
    const out: { p: PointInfo; change: LevelChange }[] = [];
    this.d.db.transaction(() => {
      for (const { p, model, step } of steps) {
        const change = toChange(this.d.ids.next(step.at), p, model, step);
        ins.run(
          change.id,
          p.id,
          change.at,
          change.from,
          change.to,
          model.id,
          change.score,
          change.reason,
          JSON.stringify(change.factors),
        );
        out.push({ p, change });
      }
      for (const [id, g] of updated) {
        const p = this.points.get(id)!;
        up.run(id, g.level, p.base, g.since, g.score, modelForFamily(p.familyId).id);
      }
    })();
    for (const { p, change } of out) {
      this.changes.fire(change);
      if (change.to === 'major') this.d.onRed(p, change, true);
      else if (change.from === 'major') this.d.onRed(p, change, false);
    }
  }

  /** A point's recorded level changes, newest first. */
  history(pointId: number, limit = 200): LevelChange[] {
    const rows = this.d.db
      .prepare('SELECT * FROM risk_level_events WHERE point_id = ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(pointId, limit) as EventRow[];
    return rows.map(fromRow);
  }

  /** Level changes between two times, oldest first (the handover report). */
  between(from: number, to: number, limit = 5_000): LevelChange[] {
    const rows = this.d.db
      .prepare('SELECT * FROM risk_level_events WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?')
      .all(from, to, limit) as EventRow[];
    return rows.map(fromRow);
  }

  static readonly models = GRADING_MODELS;
}

interface EventRow {
  id: string;
  point_id: number;
  at: number;
  from_level: RiskLevel;
  to_level: RiskLevel;
  model: string;
  score: number;
  reason: string;
  factors_json: string;
}

const fromRow = (r: EventRow): LevelChange => ({
  id: r.id,
  pointId: r.point_id,
  at: r.at,
  from: r.from_level,
  to: r.to_level,
  model: r.model,
  score: r.score,
  reason: r.reason,
  factors: JSON.parse(r.factors_json),
});

function toChange(id: string, p: PointInfo, model: GradingModel, s: LevelStep): LevelChange {
  const raised = s.factors.filter((f) => f.weight > 0);
  const words = raised.map((f) => {
    const k = SENSOR_KIND_DEFS[f.kind];
    const sev = f.severity ? SEVERITY_NAMES[f.severity] : '';
    return `${k.name}${sev}（${f.sensorId}，${f.value ?? '—'} ${k.unit}）`;
  });
  const up = s.factors.length && raised.length;
  const why = up ? words.join('；') : '监测数据回落并保持稳定';
  const reason = `${model.name}：${why}；评分 ${s.score}，${LEVEL_NAMES[s.from]} → ${LEVEL_NAMES[s.to]}`;
  return {
    id,
    pointId: p.id,
    at: s.at,
    from: s.from,
    to: s.to,
    model: model.id,
    score: s.score,
    reason,
    factors: s.factors.map((f) => ({
      sensorId: f.sensorId,
      kind: f.kind,
      state: f.state,
      severity: f.severity,
      value: f.value,
      weight: f.weight,
    })),
  };
}
