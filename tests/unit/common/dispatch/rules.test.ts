import { describe, expect, it } from 'vitest';
import {
  evaluate,
  needsSupervision,
  qualityScore,
  timelinessScore,
} from '../../../../electron/common/dispatch/evaluation';
import { DEADLINES, deadlineClock, DUE_SOON_SHARE, suggestGrade } from '../../../../electron/common/dispatch/grades';
import {
  defaultTier,
  linkage,
  matchDepartments,
  type ResponsibilityRule,
} from '../../../../electron/common/dispatch/matching';
import { T0 } from './fixtures';

const H = 3_600_000;
const D = 24 * H;

describe('1510 grades and the deadline clock', () => {
  it('has dispatch deadlines at once / 1 / 5 / 10 days', () => {
    expect(DEADLINES.small.dispatchMs).toBe(15 * 60_000);
    expect([DEADLINES.major.dispatchMs, DEADLINES.difficult.dispatchMs, DEADLINES.thorny.dispatchMs]).toEqual([
      1 * D,
      5 * D,
      10 * D,
    ]);
    for (const g of ['small', 'major', 'difficult', 'thorny'] as const)
      expect(DEADLINES[g].handleMs).toBeGreaterThan(DEADLINES[g].dispatchMs);
  });

  it('suggests a grade from the text, explaining why', () => {
    expect(suggestGrade({ source: 'grid', title: '老人走失', description: '' })).toEqual({
      grade: 'major',
      reason: 'keyword “走失”',
    });
    expect(suggestGrade({ source: 'citizen', title: '小区违建', description: '要求拆除' }).grade).toBe('difficult');
    expect(suggestGrade({ source: 'citizen', title: '噪音', description: '多次反映未解决，历史遗留' }).grade).toBe(
      'thorny',
    );
    expect(suggestGrade({ source: 'alert', title: '水位传感器告警', description: '' }).grade).toBe('major');
    expect(suggestGrade({ source: 'officer', title: '路灯不亮', description: '一盏' }).grade).toBe('small');
    expect(suggestGrade({ source: 'grid', title: '边坡有裂缝', description: '' }, 'geohazard')).toEqual({
      grade: 'major',
      reason: 'risk family geohazard',
    });
    expect(suggestGrade({ source: 'grid', title: '边坡有裂缝', description: '' }, 'crowds').grade).toBe('small');
  });

  it('says on-time / due-soon / overdue exactly at the boundaries', () => {
    const i = {
      status: 'triaged' as const,
      grade: 'major' as const,
      reportedAt: T0,
      dispatchedAt: null,
      resolvedAt: null,
    };
    const window = DEADLINES.major.dispatchMs;
    const soonAt = T0 + window - window * DUE_SOON_SHARE;
    expect(deadlineClock(i, soonAt - 1).state).toBe('on-time');
    expect(deadlineClock(i, soonAt).state).toBe('due-soon');
    expect(deadlineClock(i, T0 + window).state).toBe('due-soon'); // due exactly now is not yet late
    expect(deadlineClock(i, T0 + window + 1).state).toBe('overdue');
    expect(deadlineClock(i, T0).phase).toBe('dispatch');
    const dispatched = { ...i, status: 'dispatched' as const, dispatchedAt: T0 + H };
    expect(deadlineClock(dispatched, T0 + 2 * D)).toMatchObject({
      phase: 'handle',
      dueAt: T0 + DEADLINES.major.handleMs,
      state: 'on-time',
    });
    expect(deadlineClock({ ...dispatched, status: 'closed' as const }, T0).state).toBeNull();
    expect(deadlineClock({ ...dispatched, resolvedAt: T0 + 3 * H }, T0 + 9 * D).phase).toBe('none');
  });
});

describe('five-colour evaluation', () => {
  const base = { grade: 'small' as const, reportedAt: T0, returns: [], qualityFailures: 0, escalations: 0 };
  const w = DEADLINES.small.handleMs;
  it('scores timeliness at the window boundaries', () => {
    expect(timelinessScore({ ...base, resolvedAt: T0 + w / 2 })).toBe(2);
    expect(timelinessScore({ ...base, resolvedAt: T0 + w / 2 + 1 })).toBe(1);
    expect(timelinessScore({ ...base, resolvedAt: T0 + w })).toBe(1);
    expect(timelinessScore({ ...base, resolvedAt: T0 + w + 1 })).toBe(0);
    expect(timelinessScore({ ...base, resolvedAt: T0 + 1.5 * w })).toBe(0);
    expect(timelinessScore({ ...base, resolvedAt: T0 + 1.5 * w + 1 })).toBe(-1);
    expect(timelinessScore({ ...base, resolvedAt: null })).toBe(-1);
  });

  it('scores quality from returns, failed checks and escalations, floored at -1', () => {
    expect(qualityScore(base)).toBe(2);
    expect(qualityScore({ ...base, returns: [{ departmentId: 'x', reason: 'r', at: 0 }] })).toBe(1);
    expect(qualityScore({ ...base, qualityFailures: 2 })).toBe(0);
    expect(qualityScore({ ...base, qualityFailures: 5, escalations: 2 })).toBe(-1);
  });

  it('maps the sum to green / blue / yellow / orange / red, and flags red and orange for supervision', () => {
    const r = (n: number) => Array.from({ length: n }, () => ({ departmentId: 'x', reason: 'r', at: 0 }));
    expect(evaluate({ ...base, resolvedAt: T0 + 1 }).colour).toBe('green'); // 2 + 2
    expect(evaluate({ ...base, resolvedAt: T0 + w }).colour).toBe('blue'); // 1 + 2
    expect(evaluate({ ...base, resolvedAt: T0 + w, returns: r(1) }).colour).toBe('yellow'); // 1 + 1
    expect(evaluate({ ...base, resolvedAt: T0 + w + 1, returns: r(1) }).colour).toBe('orange'); // 0 + 1
    expect(evaluate({ ...base, resolvedAt: T0 + 2 * w, returns: r(2) }).colour).toBe('red'); // -1 + 0
    expect(evaluate({ ...base, resolvedAt: T0 + 2 * w, returns: r(5) }).colour).toBe('red'); // clamped
    expect(['green', 'blue', 'yellow'].map((c) => needsSupervision(c as never))).toEqual([false, false, false]);
    expect(needsSupervision('orange') && needsSupervision('red')).toBe(true);
  });
});

describe('4+N matching and three-tier linkage', () => {
  const rules: ResponsibilityRule[] = [
    { id: 'police', keywords: ['走失', '打架'], lead: 'police', assist: ['civil'], priority: 1 },
    { id: 'urban', keywords: ['占道', '井盖'], lead: 'urban', assist: [], priority: 1 },
    {
      id: 'ciqikou-crowd',
      keywords: ['拥挤', '走失'],
      towns: ['500106004'],
      lead: 'police',
      assist: ['urban'],
      priority: 2,
    },
    { id: 'gas', keywords: ['燃气'], families: ['gas'], lead: 'utilities', assist: ['fire'], priority: 1 },
  ];
  it('matches by keyword, prefers a town-specific higher-priority rule', () => {
    expect(matchDepartments({ title: '儿童走失', description: '', townCode: '500106001' }, rules)).toMatchObject({
      lead: 'police',
      ruleId: 'police',
      keyword: '走失',
    });
    expect(matchDepartments({ title: '儿童走失', description: '', townCode: '500106004' }, rules)).toMatchObject({
      ruleId: 'ciqikou-crowd',
      assist: ['urban'],
    });
  });
  it('respects the family restriction, and returns null (manual triage) rather than guessing', () => {
    expect(matchDepartments({ title: '燃气味', description: '燃气', familyId: 'crowds' }, rules)).toBeNull();
    expect(matchDepartments({ title: '燃气味', description: '燃气', familyId: 'gas' }, rules)?.lead).toBe('utilities');
    expect(matchDepartments({ title: '其他问题', description: '情况不明' }, rules)).toBeNull();
  });
  it('says which tier leads and who is informed', () => {
    expect(linkage('district')).toEqual({ lead: 'district', informed: ['town', 'community'] });
    expect(linkage('community').informed).toEqual(['town']);
    expect(defaultTier('small')).toBe('community');
    expect(defaultTier('difficult')).toBe('town');
    expect(defaultTier('thorny')).toBe('district');
  });
});
