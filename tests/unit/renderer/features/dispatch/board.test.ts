import { describe, expect, it } from 'vitest';
import { created } from '../../../../../electron/common/dispatch/machine';
import type { Incident } from '../../../../../electron/common/dispatch/types';
import { planFor } from '../../../../../renderer/src/features/dispatch/commands';
import { formatDuration } from '../../../../../renderer/src/features/dispatch/countdown';
import { keyFor } from '../../../../../renderer/src/features/dispatch/useBoardKeys';
import { familyBarOption } from '../../../../../renderer/src/charts/familyBar';
import { en } from '../../../../../renderer/src/i18n/en';
import { zhCN } from '../../../../../renderer/src/i18n/zh-CN';
import { officer, reported } from '../../../common/dispatch/fixtures';

const at = (status: Incident['status']): Incident => ({ ...created('INC-1', reported, 0, officer), status });

describe('board commands', () => {
  it('maps keys to the command the current state allows', () => {
    expect(planFor('triage', at('reported'), 'police')).toEqual({
      kind: 'send',
      command: { type: 'triage', grade: 'major', tier: 'district' },
    });
    expect(planFor('dispatch', at('triaged'), 'police')).toEqual({
      kind: 'send',
      command: { type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: ['civil'] },
    });
    expect(planFor('dispatch', at('triaged'), 'civil')).toMatchObject({
      command: { leadDepartmentId: 'civil', assistDepartmentIds: [] },
    });
    expect(planFor('accept', at('dispatched'), null)).toMatchObject({
      kind: 'send',
      command: { type: 'accept', departmentId: 'police' },
    });
    const ret = planFor('return', at('accepted'), 'police');
    expect(ret.kind).toBe('ask');
    expect(ret.kind === 'ask' && ret.build('不属本部门')).toEqual({
      type: 'return',
      departmentId: 'police',
      reason: '不属本部门',
    });
    const rule = planFor('dispatch', at('escalated'), 'urban');
    expect(rule.kind === 'ask' && rule.build('由城管牵头')).toMatchObject({
      type: 'rule',
      leadDepartmentId: 'urban',
      ruling: '由城管牵头',
    });
    expect(planFor('evaluate', at('reported'), null)).toMatchObject({ kind: 'unavailable' });
    expect(planFor('evaluate', at('reported'), null)).toEqual({
      kind: 'unavailable',
      why: 'state',
      command: 'evaluate',
      status: 'reported',
    });
    expect(planFor('dispatch', at('triaged'), null)).toMatchObject({ kind: 'unavailable', why: 'lead' });
  });

  it('reads keys only when the officer is not typing', () => {
    expect(keyFor({ key: 'd', ctrlKey: false, metaKey: false, altKey: false }, false)).toBe('dispatch');
    expect(keyFor({ key: 'd', ctrlKey: false, metaKey: false, altKey: false }, true)).toBeNull();
    expect(keyFor({ key: 'd', ctrlKey: true, metaKey: false, altKey: false }, false)).toBeNull();
    expect(keyFor({ key: 'ArrowDown', ctrlKey: false, metaKey: false, altKey: false }, false)).toBe('down');
  });

  it('formats countdowns', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(61_000)).toBe('00:01:01');
    expect(formatDuration(-3_600_000)).toBe('01:00:00');
    expect(formatDuration(2 * 86_400_000 + 5 * 60_000)).toBe('2d 00:05');
  });
});

describe('renderer text and charts', () => {
  it('English has every Chinese key and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.values(en).every((v) => v.trim().length > 0)).toBe(true);
  });

  it('family chart option sorts bars and keeps names with their counts', () => {
    const o = familyBarOption([
      { name: '燃气', count: 3 },
      { name: '地灾', count: 9 },
      { name: '交通', count: 1 },
    ]);
    expect(o.yAxis.data).toEqual(['交通', '燃气', '地灾']);
    expect(o.series[0].data).toEqual([1, 3, 9]);
  });
});
