import { describe, expect, it } from 'vitest';
import { urgencyClock, suggestUrgency, URGENCY_TARGETS } from '../../../../electron/common/dispatch/urgency';
import { suggestGrade } from '../../../../electron/common/dispatch/grades';
import type { Incident } from '../../../../electron/common/dispatch/types';

const r = (title: string, description = '', source: 'grid' | 'citizen' | 'alert' | 'officer' = 'grid') => ({
  title,
  description,
  source,
});

describe('urgency', () => {
  it('the article’s case: a lost child is an emergency (minutes), whatever its 1510 grade says of the work', () => {
    const report = r('磁器口古镇5岁儿童走失', '网格员报告一名约五岁男孩在古镇与家人走散');
    expect(suggestUrgency(report)).toMatchObject({ urgency: 'emergency' });
    expect(suggestUrgency(report).reason).toMatch(/missing person/);
    expect(suggestGrade(report).grade).toBe('major');
  });

  it.each([
    ['居民楼起火冒浓烟', 'fire'],
    ['车祸有人受伤流血', 'casualties'],
    ['单元楼燃气泄漏', 'gas leak'],
    ['老旧房屋垮塌', 'collapse'],
    ['有人落水', 'drowning'],
    ['暴雨后地下车库有人被困', 'people trapped'],
  ])('%s is an emergency (%s)', (title, what) => {
    const s = suggestUrgency(r(title));
    expect(s.urgency).toBe('emergency');
    expect(s.reason).toContain(what);
  });

  it('a negation just before the word does not make an emergency', () => {
    expect(suggestUrgency(r('路面塌陷', '现场没有人受伤，已设置围挡')).urgency).toBe('emergency'); // collapse stands
    expect(suggestUrgency(r('电动车自燃已扑灭', '无人受伤', 'citizen')).urgency).not.toBe('emergency');
  });

  it('sensor alarms and severe risk families are priorities; a dark street light is routine', () => {
    expect(suggestUrgency(r('水位超警', '', 'alert')).urgency).toBe('priority');
    expect(suggestUrgency(r('边坡监测点异常'), 'geohazard').urgency).toBe('priority');
    expect(suggestUrgency(r('路灯不亮', '渝碚路一处路灯晚上不亮'))).toEqual({
      urgency: 'routine',
      reason: 'no sign of danger to life',
    });
  });

  const inc = (over: Partial<Incident>): Incident =>
    ({
      urgency: 'emergency',
      status: 'reported',
      reportedAt: 0,
      acknowledgedAt: null,
      dispatchedAt: null,
      onSceneAt: null,
      resolvedAt: null,
      ...over,
    }) as Incident;

  it('the emergency clock runs acknowledge (1 min) → dispatch (3 min) → on scene (5 min), then stops', () => {
    const t = URGENCY_TARGETS.emergency!;
    expect(urgencyClock(inc({}), 30_000)).toMatchObject({
      phase: 'acknowledge',
      dueAt: t.acknowledgeMs,
      state: 'on-time',
    });
    expect(urgencyClock(inc({}), 70_000)).toMatchObject({ phase: 'acknowledge', state: 'overdue' });
    expect(urgencyClock(inc({ acknowledgedAt: 20_000 }), 150_000)).toMatchObject({
      phase: 'dispatch',
      dueAt: 180_000,
      state: 'due-soon',
    });
    expect(urgencyClock(inc({ acknowledgedAt: 1, dispatchedAt: 2 }), 0)).toMatchObject({
      phase: 'arrive',
      dueAt: 300_000,
    });
    expect(urgencyClock(inc({ acknowledgedAt: 1, dispatchedAt: 2, onSceneAt: 3 }), 0).phase).toBe('none');
    expect(urgencyClock(inc({ urgency: 'routine' }), 0).phase).toBe('none');
    expect(urgencyClock(inc({ status: 'cancelled' }), 0).phase).toBe('none');
  });
});
