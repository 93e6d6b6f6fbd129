// Wires sensing for the composition root: registry, repository, ingest, the MQTT adapter, grading, KPIs,
// the collapse pilot, the simulator, and the bridge from rule transitions to alarms. One part starts it
// all after the seed (and the alarms part) is ready; its timers tick silence, lowering, KPIs and pruning.
import type { Db } from '../../../native/sqlite/open';
import { priorityOf } from '../../common/alarms/machine';
import { seatForFamily } from '../../common/alarms/types';
import type { RiskPointDetail } from '../../common/dto';
import type { IndicatorDef } from '../../common/indicators/indicators';
import type { IdSource } from '../../common/ids';
import type { CollapseUnit } from '../../common/rules/collapse';
import { SENSOR_KIND_DEFS } from '../../common/sensors/kinds';
import type { Scenario } from '../../common/sensors/scenario';
import type { SensorStateChange } from '../../common/sensors/types';
import type { AlarmsService } from '../alarms/service';
import type { Bus } from '../bus/index';
import { createCoalescer } from '../bus/coalesce';
import { Emitter } from '../events';
import { COLLAPSE_CATEGORY_NAME, CollapseWatch } from './collapse';
import { GradingWatch, LEVEL_NAMES } from './grading';
import { IndicatorWatch } from './indicators';
import { SensorIngest, type SensorTransition } from './ingest';
import { SensorMqttAdapter } from './mqtt';
import { toChange, SensorRegistry } from './registry';
import { SensorRepo } from './repo';
import { SeriesStore } from './series';
import { SensingService } from './service';
import { SensorSimulator } from './simulator';
import { SENSING_KEYS } from './keys';

export interface SensingOptions {
  db: Db;
  bus: Bus;
  ids: IdSource;
  now: () => number;
  log: (line: string) => void;
  alarms: AlarmsService;
  point: (id: number) => Promise<RiskPointDetail | null>;
  categories: () => { id: number; name: string; planId: string; leadDepartmentId: string }[];
  /** calm readings from every device (default on) */
  simulate?: boolean;
  /** how long buckets are kept (default 48 h of 5-minute, 14 days of hourly) */
  keep5mMs?: number;
  keep1hMs?: number;
}

const H = 3_600_000;
const SEVERITY_ZH = { warning: '超预警值', critical: '超严重值' } as const;
const SEVERITY_EN = { warning: 'over warning', critical: 'over critical' } as const;

export function createSensing(o: SensingOptions) {
  const registry = new SensorRegistry();
  const repo = new SensorRepo(o.db);
  const series = new SeriesStore(o.db);
  const states = new Emitter<SensorStateChange[]>();
  const coalesce = createCoalescer<SensorStateChange>((v) => states.fire(v), 500);
  let exposure = new Map<number, number>();

  const grading = new GradingWatch({
    db: o.db,
    registry,
    ids: o.ids,
    onRed: (p, change, red) => {
      if (!red) return o.alarms.clear('grading', String(p.id), change.at);
      o.alarms.raise({
        source: 'grading',
        sourceId: String(p.id),
        riskPointId: p.id,
        categoryId: p.categoryId,
        planId: p.planId,
        seat: seatForFamily(p.familyId),
        priority: 'urgent',
        severity: 'critical',
        title: `${p.name} 升为${LEVEL_NAMES.major}风险`,
        titleEn: `Risk point ${p.id} raised to red (major)`,
        value: change.score,
        unit: null,
        threshold: null,
        lon: p.lon,
        lat: p.lat,
        at: change.at,
      });
    },
  });

  const sensorAlarms = (batch: readonly SensorTransition[]) => {
    for (const { sensor: e, t } of batch) {
      if (t.to === 'normal' && (t.from === 'recovering' || t.from === 'no-data' || t.from === 'alerting'))
        o.alarms.clear('sensor', e.id, t.at, t.value);
      if (t.to !== 'alerting' || !t.severity) continue;
      const k = SENSOR_KIND_DEFS[e.kind];
      const p = e.riskPointId === null ? undefined : grading.point(e.riskPointId);
      const level = p ? grading.grade(p.id)!.level : e.stationId ? 'high' : null;
      const where = p?.name ?? e.name;
      const station = e.stationId && e.kind === 'water-level';
      const what = station ? (t.severity === 'critical' ? '超保证水位' : '超警戒水位') : SEVERITY_ZH[t.severity];
      o.alarms.raise({
        source: 'sensor',
        sourceId: e.id,
        riskPointId: p?.id ?? null,
        categoryId: p?.categoryId ?? null,
        planId: p?.planId ?? null,
        seat: e.stationId ? 'seat-water' : seatForFamily(p?.familyId),
        priority: priorityOf('sensor', t.severity, level),
        severity: t.severity,
        title: station ? `${where} ${what}` : `${where} ${k.name}${what}`,
        titleEn: `${k.nameEn} ${SEVERITY_EN[t.severity]} at ${e.id}`,
        value: t.value,
        unit: k.unit,
        threshold: t.severity === 'critical' ? e.rule.critical : e.rule.warning,
        lon: e.lon,
        lat: e.lat,
        at: t.at,
      });
    }
  };

  const ingest = new SensorIngest({
    registry,
    repo,
    series,
    counters: o.bus.ingest,
    now: o.now,
    log: o.log,
    onTransitions: (batch) => {
      try {
        grading.onTransitions(batch);
        sensorAlarms(batch);
      } catch (e) {
        o.log(`[sensors] grading or alarms failed: ${(e as Error).stack}`);
      }
      for (const { sensor } of batch) coalesce.push(sensor.id, toChange(sensor));
    },
  });
  const mqtt = new SensorMqttAdapter({ bus: o.bus.client, ingest, counters: o.bus.ingest });

  const indicators = new IndicatorWatch(registry, (def: IndicatorDef, t) => {
    const alarmed = def.agg === 'worst' || def.agg === 'online-rate';
    if (!alarmed) return;
    if (t.to === 'normal') return o.alarms.clear('indicator', def.id, t.at, t.value);
    if (t.to !== 'alerting' || t.severity !== 'critical') return;
    o.alarms.raise({
      source: 'indicator',
      sourceId: def.id,
      riskPointId: null,
      categoryId: null,
      planId: null,
      seat: 'seat-city',
      priority: priorityOf('indicator', t.severity, null),
      severity: t.severity,
      title: `体征指标 ${def.name} ${SEVERITY_ZH.critical}`,
      titleEn: `KPI ${def.nameEn} ${SEVERITY_EN.critical}`,
      value: t.value,
      unit: def.unit || null,
      threshold: def.thresholds.critical,
      lon: 106.456,
      lat: 29.5585,
      at: t.at,
    });
  });

  const collapseCategory = () => {
    const c = o.categories().find((x) => x.name === COLLAPSE_CATEGORY_NAME);
    return c ? { id: c.id, planId: c.planId, leadDepartmentId: c.leadDepartmentId } : null;
  };
  const collapse = new CollapseWatch(registry, collapseCategory, (u, _before, at) => {
    if (u.grade === 'low') return o.alarms.clear('collapse', u.id, at, u.score);
    const cat = collapseCategory();
    const m = u.match;
    const severe = u.grade === 'high' || u.grade === 'very-high';
    o.alarms.raise({
      source: 'collapse',
      sourceId: u.id,
      riskPointId: null,
      categoryId: cat?.id ?? null,
      planId: m?.planId ?? cat?.planId ?? null,
      seat: 'seat-geo',
      priority: priorityOf('collapse', severe ? 'critical' : 'warning', null),
      severity: severe ? 'critical' : 'warning',
      title: `${u.name} 道路塌陷风险${{ medium: '中', high: '高', 'very-high': '极高' }[u.grade]}（评分 ${u.score}）`,
      titleEn: `${u.nameEn}: road-collapse risk ${u.grade} (score ${u.score})`,
      value: u.score,
      unit: null,
      threshold: null,
      lon: u.lon,
      lat: u.lat,
      at,
    });
  });

  const simulator = new SensorSimulator({
    registry,
    publish: (topic, payload) => o.bus.client.publish(topic, payload, { qos: 0 }),
    now: o.now,
    calmValues: {},
    scenarios: [],
    log: o.log,
    calm: o.simulate !== false,
  });

  const service = new SensingService({
    registry,
    repo,
    seriesStore: series,
    ingest,
    grading,
    indicators,
    collapse,
    simulator,
    alarms: o.alarms,
    point: o.point,
    exposure: () => exposure,
    onDidChangeStates: states.event,
    now: o.now,
  });

  const timers: ReturnType<typeof setInterval>[] = [];
  let pruneFrom = 0;
  let maxRid = 0;
  const safe = (what: string, f: () => void) => () => {
    try {
      f();
    } catch (e) {
      o.log(`[sensors] ${what} failed: ${(e as Error).message}`);
    }
  };
  const part = {
    name: 'sensors',
    start() {
      const now = o.now();
      const entries = repo.sensors(now);
      // after a crash the buckets know later readings than the last state written
      const latest = series.latest();
      for (const e of entries) {
        const l = latest.get(e.rid);
        if (l && (e.state.lastTs === null || l.ts > e.state.lastTs)) {
          e.state.lastTs = l.ts;
          e.state.lastValue = l.value;
        }
      }
      registry.load(entries, repo.links());
      maxRid = entries.reduce((m, e) => Math.max(m, e.rid), 0);
      grading.load();
      indicators.load(repo.reference<IndicatorDef[]>(SENSING_KEYS.indicators) ?? [], now);
      collapse.load(repo.reference<CollapseUnit[]>(SENSING_KEYS.collapse) ?? []);
      exposure = new Map(repo.exposure().map((e) => [e.pointId, e.floodStageM]));
      simulator.configure(
        repo.reference<Record<string, number>>(SENSING_KEYS.calm) ?? {},
        repo.reference<Scenario[]>(SENSING_KEYS.scenarios) ?? [],
      );
      ingest.start();
      mqtt.start();
      simulator.start();
      timers.push(
        setInterval(
          safe('silence check', () => {
            ingest.tickAll(o.now());
            grading.tick(o.now());
          }),
          5_000,
        ),
        setInterval(
          safe('KPIs', () => {
            indicators.evaluate(o.now());
            collapse.evaluate(o.now());
            // the hourly rollup, a slice of sensors at a time (what open buckets hold goes first)
            series.rollupStep(o.now(), maxRid);
          }),
          10_000,
        ),
        setInterval(
          safe('pruning', () => {
            // a slice of sensors a minute: the whole fleet every hour or so, never a long pause
            const rids = [...registry.all()].slice(pruneFrom, pruneFrom + 1_000).map((e) => e.rid);
            pruneFrom = rids.length ? pruneFrom + rids.length : 0;
            const now2 = o.now();
            series.prune(rids, now2 - (o.keep5mMs ?? 48 * H), now2 - (o.keep1hMs ?? 14 * 24 * H));
          }),
          60_000,
        ),
      );
      indicators.evaluate(now);
      collapse.evaluate(now);
    },
    stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      simulator.stop();
      mqtt.stop();
      ingest.stop();
      coalesce.dispose();
    },
  };
  return { service, part, registry, repo, series, ingest, mqtt, grading, indicators, collapse, simulator };
}

export type ConsoleSensing = ReturnType<typeof createSensing>;
