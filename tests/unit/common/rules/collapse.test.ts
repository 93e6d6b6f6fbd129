import { describe, expect, it } from 'vitest';
import {
  COLLAPSE_FACTORS,
  COLLAPSE_GROUPS,
  collapseGrade,
  collapseScore,
  dynamicScore,
  matchCollapse,
  type CollapseUnit,
} from '../../../../electron/common/rules/collapse';

const unit = (statics: Record<string, number>, riverside = false): CollapseUnit => ({
  id: 'RC-r1c1',
  name: '试点网格',
  nameEn: 'Pilot cell',
  lon: 106.46,
  lat: 29.57,
  statics,
  sensors: { rainfall: 'RAIN', settlement: 'SET', 'pressure-drop': 'PRES', 'river-stage': 'CQK' },
  riverside,
});
const plan = { planId: 'plan-069', leadDepartmentId: 'urban' };

describe('road-collapse composite model', () => {
  it('has 19 factor classes in 4 groups, static and dynamic', () => {
    expect(COLLAPSE_FACTORS).toHaveLength(19);
    expect(new Set(COLLAPSE_FACTORS.map((f) => f.id)).size).toBe(19);
    expect(new Set(COLLAPSE_FACTORS.map((f) => f.group))).toEqual(new Set(COLLAPSE_GROUPS));
    expect(COLLAPSE_FACTORS.filter((f) => f.kind === null).length).toBe(12);
  });

  it('scores 0 with nothing surveyed and no readings, 100 with every factor at its worst', () => {
    expect(collapseScore(unit({}), () => null)).toEqual({ score: 0, contributions: [] });
    const worst = Object.fromEntries(COLLAPSE_FACTORS.filter((f) => !f.kind).map((f) => [f.id, 1]));
    const all = unit(worst, true);
    all.sensors = Object.fromEntries(COLLAPSE_FACTORS.filter((f) => f.kind).map((f) => [f.id, f.id]));
    const full = collapseScore(all, (id) => COLLAPSE_FACTORS.find((f) => f.id === id)!.fullAt!);
    expect(full.score).toBe(100);
  });

  it('reads falling supply pressure as a leak and ignores the river away from the bank', () => {
    const pressure = COLLAPSE_FACTORS.find((f) => f.id === 'pressure-drop')!;
    expect(dynamicScore(pressure, 0.3)).toBe(0);
    expect(dynamicScore(pressure, 0.2)).toBeCloseTo(0.5);
    expect(dynamicScore(pressure, 0.05)).toBe(1);
    const stage = (id: string) => (id === 'CQK' ? 194.29 : null);
    expect(collapseScore(unit({}, false), stage).score).toBe(0);
    expect(collapseScore(unit({}, true), stage).contributions[0].factorId).toBe('river-stage');
  });

  it('grades with a band: a score just under a bound keeps the grade it had', () => {
    expect(collapseGrade(39.9)).toBe('low');
    expect(collapseGrade(40)).toBe('medium');
    expect(collapseGrade(80)).toBe('very-high');
    expect(collapseGrade(38, 'medium')).toBe('medium');
    expect(collapseGrade(36.9, 'medium')).toBe('low');
    expect(collapseGrade(58, 'very-high')).toBe('high'); // 58 < 77: very high is not held
    expect(collapseGrade(61, 'low')).toBe('high');
  });

  it('matches medium and above to the plan and to the departments of the factors that weigh most', () => {
    const s = collapseScore(unit({ voids: 1, 'drain-defects': 1, 'heavy-traffic': 1 }), (id) =>
      id === 'SET' ? 30 : null,
    );
    expect(s.contributions.map((c) => c.factorId)).toEqual(['voids', 'settlement', 'drain-defects', 'heavy-traffic']);
    expect(matchCollapse('low', s, plan)).toBeNull();
    expect(matchCollapse('medium', s, plan)).toEqual({
      planId: 'plan-069',
      leadDepartmentId: 'urban',
      assistDepartmentIds: ['planning', 'emergency', 'water', 'utilities'],
    });
  });
});
