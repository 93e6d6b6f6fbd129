// Gathers the handover report from the services' public faces: dispatch (open incidents and their clocks),
// alarms, grading (level changes), KPIs and the flood watch, with the figures drawn as drawing lists.
import type { Alarm } from '../../common/alarms/types';
import type { IncidentRow } from '../../common/contract/dispatch';
import type { IndicatorDto } from '../../common/indicators/indicators';
import type { AlarmReport } from '../../common/contract/alarms';
import { GRADES, URGENCIES } from '../../common/dispatch/types';
import type { FloodOverview } from '../../common/flood/types';
import { barFigure, lineFigure, mapFigure } from '../../common/handover/figures';
import type { AlarmBrief, HandoverReport } from '../../common/handover/types';
import { LEVEL_COLOURS, RISK_LEVELS } from '../../common/levels';
import { RULE_STATES } from '../../common/rules/engine';
import type { LevelChange } from '../../common/sensors/types';

const H = 3_600_000;

export interface HandoverSources {
  openIncidents: () => Promise<IncidentRow[]>;
  /** incidents reported at or after `since` (newest first, as many as there are) */
  reportedSince: (since: number) => Promise<IncidentRow[]>;
  closedSince: (since: number) => Promise<number>;
  alarms: () => Promise<Alarm[]>;
  alarmReport: () => Promise<AlarmReport>;
  /** alarms raised between two times (all states) */
  alarmsRaised: (from: number, to: number) => Alarm[];
  levelChanges: (from: number, to: number) => LevelChange[];
  pointName: (id: number) => { name: string; lon: number; lat: number } | null;
  indicators: () => Promise<IndicatorDto[]>;
  flood: () => Promise<FloodOverview>;
  outline: () => { ring: [number, number][]; river: [number, number][] };
}

const brief = (a: Alarm): AlarmBrief => ({
  id: a.id,
  title: a.title,
  titleEn: a.titleEn,
  priority: a.priority,
  state: a.state,
  seat: a.seat,
  raisedAt: a.raisedAt,
  shelvedUntil: a.shelvedUntil,
  shelveReason: a.shelveReason,
  incidentId: a.incidentId,
});

const PRIORITY_COLOUR = { urgent: '#c0392b', high: '#e67e22', medium: '#f1c40f', low: '#95a5a6' } as const;

export async function buildHandoverReport(
  s: HandoverSources,
  shiftStart: number,
  at: number,
  now: number,
): Promise<HandoverReport> {
  const [open, reported, closed, alarms, alarmReport, kpis, flood] = await Promise.all([
    s.openIncidents(),
    s.reportedSince(shiftStart),
    s.closedSince(shiftStart),
    s.alarms(),
    s.alarmReport(),
    s.indicators(),
    s.flood(),
  ]);
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<(typeof GRADES)[number], number>;
  const byUrgency = Object.fromEntries(URGENCIES.map((u) => [u, 0])) as Record<(typeof URGENCIES)[number], number>;
  const byDeadline = { overdue: 0, dueSoon: 0, onTime: 0, none: 0 };
  for (const i of open) {
    byGrade[i.grade]++;
    byUrgency[i.urgency]++;
    const st = i.clock.state;
    if (st === 'overdue') byDeadline.overdue++;
    else if (st === 'due-soon') byDeadline.dueSoon++;
    else if (st === 'on-time') byDeadline.onTime++;
    else byDeadline.none++;
  }
  const overdue = open
    .filter((i) => i.clock.state === 'overdue' && i.clock.dueAt !== null)
    .sort((a, b) => a.clock.dueAt! - b.clock.dueAt!)
    .slice(0, 50)
    .map((i) => ({
      id: i.id,
      ref: i.ref,
      title: i.report.title,
      grade: i.grade,
      dueAt: i.clock.dueAt!,
      overdueMin: Math.floor((at - i.clock.dueAt!) / 60_000),
      leadDepartmentId: i.leadDepartmentId,
    }));

  const changes = s.levelChanges(shiftStart, at);
  const rank = (l: string) => RISK_LEVELS.indexOf(l as (typeof RISK_LEVELS)[number]);
  const raised = s.alarmsRaised(shiftStart, at);
  const notable: HandoverReport['notable'] = [];
  for (const c of changes)
    if (c.to === 'major')
      notable.push({
        at: c.at,
        kind: 'red-point',
        text: `${s.pointName(c.pointId)?.name ?? c.pointId} 升为红色（重大）风险`,
        textEn: `Point ${c.pointId} turned red`,
      });
  for (const a of raised) {
    if (a.priority === 'urgent')
      notable.push({
        at: a.raisedAt,
        kind: 'urgent-alarm',
        text: `紧急告警：${a.title}`,
        textEn: `Urgent alarm: ${a.titleEn}`,
      });
    if (a.incidentId)
      notable.push({
        at: a.updatedAt,
        kind: 'alarm-incident',
        text: `告警转事件：${a.title}`,
        textEn: `Alarm made an incident: ${a.titleEn}`,
      });
  }
  for (const i of reported)
    if (i.urgency === 'emergency')
      notable.push({
        at: i.reportedAt,
        kind: 'emergency-incident',
        text: `紧急事件 ${i.ref}：${i.report.title}`,
        textEn: `Emergency ${i.ref}: ${i.report.title}`,
      });
  for (const st of flood.stations)
    if (st.stageState !== 'normal')
      notable.push({
        at: st.stageAt ?? at,
        kind: 'flood-stage',
        text: `${st.name} 水位 ${st.stageM} m，${st.stageState === 'guarantee' ? '超保证' : '超警戒'}`,
        textEn: `${st.nameEn} at ${st.stageM} m, over ${st.stageState}`,
      });
  notable.sort((a, b) => a.at - b.at);

  const byState = Object.fromEntries(RULE_STATES.map((r) => [r, 0])) as Record<(typeof RULE_STATES)[number], number>;
  for (const k of kpis) byState[k.state]++;
  const cqk = flood.stations.find((x) => x.id === 'cqk');
  const { ring, river } = s.outline();
  const dots = [
    ...changes.map((c) => ({ p: s.pointName(c.pointId), colour: LEVEL_COLOURS[c.to] })),
    ...alarms.map((a) => ({ p: { name: '', lon: a.lon, lat: a.lat }, colour: PRIORITY_COLOUR[a.priority] })),
  ].flatMap((d) => (d.p ? [{ lon: d.p.lon, lat: d.p.lat, colour: d.colour }] : []));
  const hours = Math.max(1, Math.ceil((at - shiftStart) / H));
  const bars = Array.from({ length: hours }, (_, k) => ({
    label: new Date(shiftStart + k * H + 8 * H).toISOString().slice(11, 13),
    v: raised.filter((a) => a.raisedAt >= shiftStart + k * H && a.raisedAt < shiftStart + (k + 1) * H).length,
  }));

  return {
    at,
    shiftStart,
    generatedAt: now,
    incidents: {
      open: open.length,
      byGrade,
      byUrgency,
      byDeadline,
      overdue,
      reportedInShift: reported.filter((i) => i.reportedAt < at).length,
      closedInShift: closed,
    },
    alarms: {
      counts: alarmReport.counts,
      raisedInShift: raised.length,
      active: alarms.filter((a) => a.state === 'active').map(brief),
      standing: alarmReport.standing.map(brief),
      shelved: alarms.filter((a) => a.state === 'shelved').map(brief),
      chattering: alarmReport.chattering,
      floods: alarmReport.floods.map((f) => ({ seat: f.seat, count: f.count, since: f.since })),
    },
    levelChanges: {
      total: changes.length,
      raised: changes.filter((c) => rank(c.to) < rank(c.from)).length,
      lowered: changes.filter((c) => rank(c.to) > rank(c.from)).length,
      items: changes.slice(-100).map((c) => ({
        pointId: c.pointId,
        name: s.pointName(c.pointId)?.name ?? String(c.pointId),
        from: c.from,
        to: c.to,
        at: c.at,
        reason: c.reason,
      })),
    },
    notable: notable.slice(-60),
    kpis: {
      total: kpis.length,
      byState,
      alerting: kpis
        .filter((k) => k.state === 'alerting' || k.state === 'recovering')
        .slice(0, 30)
        .map((k) => ({ id: k.id, name: k.name, nameEn: k.nameEn, value: k.value, unit: k.unit, severity: k.severity })),
    },
    flood: {
      stations: flood.stations.map((st) => ({
        id: st.id,
        name: st.name,
        nameEn: st.nameEn,
        stageM: st.stageM,
        warningM: st.warningM,
        guaranteeM: st.guaranteeM,
        state: st.stageState,
        forecastPeak: st.forecast?.peak ?? null,
        forecastKind: st.forecast ? (st.forecast.kind === 'imported' ? st.forecast.label : 'simple-model') : null,
      })),
      floodStageM: flood.floodStageM,
      floodedPoints: flood.floodedPoints.length,
      floodedTowns: flood.floodedTowns.slice(0, 12).map((t) => ({ name: t.name, nameEn: t.nameEn, points: t.points })),
    },
    figures: {
      map: mapFigure(ring, river, dots),
      stage: lineFigure(
        (cqk?.hourly ?? []).map((p) => ({ t: p.t, v: p.stageM })),
        cqk
          ? [
              { v: cqk.warningM, label: `警戒 ${cqk.warningM}`, colour: '#e67e22' },
              { v: cqk.guaranteeM, label: `保证 ${cqk.guaranteeM}`, colour: '#c0392b' },
            ]
          : [],
        (cqk?.forecast?.points ?? []).map((p) => ({ t: p.t, v: p.stageM })),
      ),
      alarmsByHour: barFigure(bars),
    },
  };
}
