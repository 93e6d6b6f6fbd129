import { haversineM } from '../../../../electron/common/geo';
import { created, type DecideContext } from '../../../../electron/common/dispatch/machine';
import { ticketQuality } from '../../../../electron/common/dispatch/quality';
import type { Actor, Incident, ReportedEvent } from '../../../../electron/common/dispatch/types';

export const T0 = Date.UTC(2026, 9, 2, 2, 0, 0); // National Day holiday, 10:00 Beijing time
export const officer: Actor = { id: 'u-01', name: '值班员甲', role: 'officer' };
export const police: Actor = {
  id: 'liaison-police',
  name: '区公安分局联络员',
  role: 'department',
  departmentId: 'police',
};
export const liaison = (dep: string): Actor => ({
  id: `liaison-${dep}`,
  name: `${dep}联络员`,
  role: 'department',
  departmentId: dep,
});
export const leader: Actor = { id: 'leader-1', name: '区领导乙', role: 'leader' };
export const DEPARTMENTS = new Set(['police', 'fire', 'urban', 'emergency', 'housing', 'transport', 'water', 'civil']);

export const ctx = (now = T0, quality = true): DecideContext => ({
  now,
  departments: DEPARTMENTS,
  quality: quality
    ? (i) => ticketQuality(i, { distanceM: haversineM, townCentre: { lon: 106.4505, lat: 29.583, radiusM: 3000 } })
    : () => [],
});

export const reported: ReportedEvent = {
  type: 'reported',
  report: {
    source: 'grid',
    title: '磁器口古镇儿童走失',
    description: '网格员报告：一名约6岁男孩在磁器口古镇正街与家人走散，穿红色上衣。',
    lon: 106.4505,
    lat: 29.583,
    town: '500106004',
    reporter: '网格员张三',
  },
  townCode: '500106004',
  suggestedGrade: 'major',
  gradeReason: 'keyword “走失”',
  tier: 'district',
  match: { lead: 'police', assist: ['civil'], ruleId: 'r-police-missing' },
  urgency: { urgency: 'emergency', reason: 'life safety: missing person (“走失”)' },
  flags: [],
  neighbour: null,
};

export const fresh = (): Incident => created('INC-1', reported, T0, officer);
