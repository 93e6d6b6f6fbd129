import { describe, expect, it } from 'vitest';
import { created } from '../../../../../electron/common/dispatch/machine';
import type { Incident } from '../../../../../electron/common/dispatch/types';
import { buildAsked, nextStep, planFor } from '../../../../../renderer/src/features/dispatch/commands';
import { formatDuration } from '../../../../../renderer/src/features/dispatch/countdown';
import { keyFor } from '../../../../../renderer/src/features/dispatch/useBoardKeys';
import { familyBarOption } from '../../../../../renderer/src/charts/familyBar';
import { en } from '../../../../../renderer/src/i18n/en';
import { zhCN } from '../../../../../renderer/src/i18n/zh-CN';
import { officer, reported } from '../../../common/dispatch/fixtures';

const at = (status: Incident['status']): Incident => ({ ...created('INC-1', reported, 0, officer), status });

const duty = officer;
const liaison = (dep: string) => ({
  id: `liaison-${dep}`,
  name: '联络员',
  role: 'department' as const,
  departmentId: dep,
});
const leader = { id: 'l', name: '区领导', role: 'leader' as const };

describe('board commands', () => {
  it('a new report is triaged and dispatched from one confirmation; Enter means the next step', () => {
    expect(planFor('triage', at('reported'), duty)).toEqual({ kind: 'decide', triage: true, dispatch: true });
    expect(planFor('dispatch', at('reported'), duty)).toEqual({ kind: 'decide', triage: true, dispatch: true });
    expect(planFor('dispatch', at('triaged'), duty)).toEqual({ kind: 'decide', triage: false, dispatch: true });
    expect(nextStep(at('reported'), duty)).toEqual({ kind: 'decide', triage: true, dispatch: true });
    expect(nextStep(at('resolved'), duty)).toEqual({ kind: 'confirm', command: { type: 'verify', passed: true } });
    expect(nextStep(at('verified'), duty)).toEqual({ kind: 'evaluate' });
    expect(nextStep(at('dispatched'), liaison('police'))).toEqual({
      kind: 'send',
      command: { type: 'accept', departmentId: 'police' },
    });
    expect(nextStep(at('dispatched'), duty)).toBeNull(); // waiting for the department: Enter shows it on the map
  });

  it('irreversible commands are confirmations; reasons and notes are asked', () => {
    expect(planFor('verify', at('resolved'), duty)).toMatchObject({ kind: 'confirm' });
    expect(planFor('evaluate', at('verified'), duty)).toEqual({ kind: 'evaluate' });
    expect(planFor('cancel', at('triaged'), duty)).toEqual({ kind: 'cancel' });
    expect(planFor('resolve', at('on-scene'), liaison('police'))).toEqual({ kind: 'resolve' });
    expect(planFor('return', at('accepted'), liaison('police'))).toMatchObject({ kind: 'ask', field: 'reason' });
    expect(planFor('dispatch', at('escalated'), leader)).toMatchObject({ kind: 'ask', field: 'ruling', confirm: true });
    expect(buildAsked('return', at('accepted'), '不属本部门', null, [])).toEqual({
      type: 'return',
      departmentId: 'police',
      reason: '不属本部门',
    });
    expect(buildAsked('rule', at('escalated'), '由城管牵头', 'urban', [])).toMatchObject({
      type: 'rule',
      leadDepartmentId: 'urban',
      ruling: '由城管牵头',
    });
  });

  it('offers each seat only its own commands, and says why not', () => {
    expect(planFor('accept', at('dispatched'), duty)).toMatchObject({ kind: 'unavailable', why: 'role' });
    expect(planFor('accept', at('dispatched'), liaison('fire'))).toMatchObject({ kind: 'unavailable', why: 'role' });
    expect(planFor('dispatch', at('escalated'), duty)).toMatchObject({ kind: 'unavailable', why: 'role' });
    expect(planFor('triage', at('reported'), liaison('police'))).toMatchObject({ kind: 'unavailable', why: 'role' });
    expect(planFor('evaluate', at('reported'), duty)).toEqual({
      kind: 'unavailable',
      why: 'state',
      type: 'evaluate',
      status: 'reported',
    });
    expect(planFor('arrive', at('accepted'), duty)).toEqual({ kind: 'send', command: { type: 'arrive' } });
  });

  it('reads keys whatever has focus, except letters typed into a field; Escape always', () => {
    const k = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false });
    expect(keyFor(k('d'), false)).toBe('dispatch');
    expect(keyFor(k('D'), false)).toBe('dispatch');
    expect(keyFor(k('d'), true)).toBeNull();
    expect(keyFor(k('d'), { typing: false, choosing: true })).toBe('dispatch'); // a department list has focus
    expect(keyFor(k('ArrowDown'), { typing: false, choosing: true })).toBeNull(); // its arrows are its own
    expect(keyFor(k('Escape'), true)).toBe('escape');
    expect(keyFor(k(' '), false)).toBe('take');
    expect(keyFor({ ...k('d'), ctrlKey: true }, false)).toBeNull();
    expect(keyFor(k('ArrowDown'), false)).toBe('down');
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
