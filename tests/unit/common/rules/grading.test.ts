import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../../seeds/reference/categories';
import {
  GRADING_MODELS,
  gradePoint,
  modelForFamily,
  type PointGrade,
  type SensorInput,
} from '../../../../electron/common/rules/grading';

const H = 3_600_000;
const geo = modelForFamily('geohazard');
const calm: PointGrade = { level: 'low', since: 0, score: 0, calmSince: null };
const input = (kind: SensorInput['kind'], state: SensorInput['state'], severity: SensorInput['severity'] = null) => ({
  sensorId: `S-${kind}-${state}`,
  kind,
  state,
  severity,
  value: 1,
});

describe('grading models', () => {
  it('has eleven models, one per infrastructure class, covering every risk family', () => {
    expect(GRADING_MODELS).toHaveLength(11);
    expect(new Set(GRADING_MODELS.map((m) => m.id)).size).toBe(11);
    for (const f of FAMILIES) expect(GRADING_MODELS.some((m) => m.families.includes(f.id))).toBe(true);
  });

  it('keeps the base level while nothing is raised; pending and no-data weigh nothing', () => {
    const r = gradePoint(
      geo,
      'moderate',
      { ...calm, level: 'moderate' },
      [input('crack', 'pending', 'warning'), input('gnss', 'no-data')],
      10,
    );
    expect(r.changes).toEqual([]);
    expect(r.grade.level).toBe('moderate');
  });

  it('raises at once at the rise thresholds (boundary included) and never above red', () => {
    // rain gauge at warning weighs 1: exactly the first threshold
    let r = gradePoint(geo, 'low', calm, [input('rain-gauge', 'alerting', 'warning')], 100);
    expect(r.changes.map((c) => [c.from, c.to, c.at, c.score])).toEqual([['low', 'moderate', 100, 1]]);
    // crack warning (2) + rain warning (1) = 3: two levels above blue
    r = gradePoint(
      geo,
      'low',
      calm,
      [input('crack', 'alerting', 'warning'), input('rain-gauge', 'recovering', 'warning')],
      5,
    );
    expect(r.grade.level).toBe('high');
    // a red point stays red whatever the score
    r = gradePoint(geo, 'major', { ...calm, level: 'major' }, [input('gnss', 'alerting', 'critical')], 5);
    expect(r.changes).toEqual([]);
  });

  it('a decisive kind at critical makes a point red by itself; the same kind at warning does not', () => {
    const red = gradePoint(geo, 'low', calm, [input('crack', 'alerting', 'critical')], 7);
    expect(red.grade.level).toBe('major');
    expect(red.changes[0].factors[0]).toMatchObject({ kind: 'crack', weight: 4 });
    const yellow = gradePoint(modelForFamily('gas'), 'low', calm, [input('temperature', 'alerting', 'critical')], 7);
    // temperature is neither weighted nor decisive for gas: critical weighs 2, one step above blue
    expect(yellow.grade.level).toBe('moderate');
  });

  it('lowers only below the rise threshold less the band, one level per hold time, dated exactly', () => {
    const raised = gradePoint(geo, 'low', calm, [input('crack', 'alerting', 'critical')], 0).grade; // red at 0
    // all calm: the hold time (6 h for geohazards) starts at the first calm evaluation
    const quiet = [input('crack', 'normal')];
    let r = gradePoint(geo, 'low', raised, quiet, 1 * H);
    expect(r.changes).toEqual([]);
    expect(r.grade.calmSince).toBe(1 * H);
    // evaluated very late: three hold periods (6 h each for geohazards) are lowered in one go, each dated
    r = gradePoint(geo, 'low', r.grade, quiet, 30 * H);
    expect(r.changes.map((c) => [c.from, c.to, c.at / H])).toEqual([
      ['major', 'high', 7],
      ['high', 'moderate', 13],
      ['moderate', 'low', 19],
    ]);
    expect(r.grade).toMatchObject({ level: 'low', calmSince: null });
  });

  it('hysteresis: a score that falls into the band keeps the level; a rise in the meantime resets the calm', () => {
    const orange = gradePoint(
      geo,
      'low',
      calm,
      [input('crack', 'alerting', 'warning'), input('rain-gauge', 'alerting', 'warning')],
      0,
    ).grade;
    expect(orange.level).toBe('high'); // score 3
    // crack back to normal: score 1 → within the band of threshold 3? no (1 < 2.5): calm starts
    let r = gradePoint(
      geo,
      'low',
      orange,
      [input('crack', 'normal'), input('rain-gauge', 'alerting', 'warning')],
      1 * H,
    );
    expect(r.grade.calmSince).toBe(1 * H);
    r = gradePoint(
      geo,
      'low',
      r.grade,
      [input('crack', 'alerting', 'warning'), input('rain-gauge', 'alerting', 'warning')],
      2 * H,
    );
    expect(r.grade.calmSince).toBeNull();
    r = gradePoint(geo, 'low', r.grade, [input('crack', 'normal'), input('rain-gauge', 'alerting', 'warning')], 3 * H);
    r = gradePoint(
      geo,
      'low',
      r.grade,
      [input('crack', 'normal'), input('rain-gauge', 'alerting', 'warning')],
      8.9 * H,
    );
    expect(r.changes).toEqual([]);
    r = gradePoint(geo, 'low', r.grade, [input('crack', 'normal'), input('rain-gauge', 'alerting', 'warning')], 9 * H);
    expect(r.changes.map((c) => [c.to, c.at / H])).toEqual([['moderate', 9]]); // stops at what score 1 holds
  });
});
