// The sensing service over the live parts: sensors with their state (from memory), series (from SQLite),
// a risk point with its dynamic level and history, KPIs, the collapse pilot, scenarios, and readings pushed
// from a window or the HTTP API.
import type { CollapseUnitStatus, ISensingService, MovedPoint, SensorFilter } from '../../common/contract/sensing';
import type { Actor, Incident } from '../../common/dispatch/types';
import type { RiskPointDetail } from '../../common/dto';
import { ServiceError } from '../../common/errors';
import type { IndicatorDto } from '../../common/indicators/indicators';
import type { RuleStateName } from '../../common/rules/engine';
import { GRADING_MODELS } from '../../common/rules/grading';
import { SENSOR_KIND_DEFS, SENSOR_KINDS, type SensorKindDef } from '../../common/sensors/kinds';
import type { ScenarioId, ScenarioStatus } from '../../common/sensors/scenario';
import {
  RESOLUTION_MS,
  type IngestResult,
  type LevelChange,
  type RiskPointWatch,
  type SensorDto,
  type SensorPage,
  type SensorStateChange,
  type SeriesDto,
  type SeriesResolution,
} from '../../common/sensors/types';
import type { AlarmsService } from '../alarms/service';
import type { EventSource } from '../../common/contract';
import type { CollapseWatch } from './collapse';
import type { GradingWatch } from './grading';
import type { IndicatorWatch } from './indicators';
import type { SensorIngest } from './ingest';
import { toDto, type SensorRegistry } from './registry';
import type { SensorRepo } from './repo';
import type { SeriesStore } from './series';
import type { SensorSimulator } from './simulator';

export interface SensingServiceDeps {
  registry: SensorRegistry;
  repo: SensorRepo;
  seriesStore: SeriesStore;
  ingest: SensorIngest;
  grading: GradingWatch;
  indicators: IndicatorWatch;
  collapse: CollapseWatch;
  simulator: SensorSimulator;
  alarms: AlarmsService;
  point: (id: number) => Promise<RiskPointDetail | null>;
  exposure: () => ReadonlyMap<number, number>;
  onDidChangeStates: EventSource<SensorStateChange[]>;
  now: () => number;
}

export class SensingService implements ISensingService {
  readonly onDidChangeStates: EventSource<SensorStateChange[]>;
  readonly onDidChangeLevel: EventSource<LevelChange>;

  constructor(private readonly d: SensingServiceDeps) {
    this.onDidChangeStates = d.onDidChangeStates;
    this.onDidChangeLevel = d.grading.onDidChangeLevel;
  }

  async listSensors(f: SensorFilter): Promise<SensorPage> {
    let list = f.riskPointId !== undefined ? [...this.d.registry.ofPoint(f.riskPointId)] : [...this.d.registry.all()];
    if (f.kind) list = list.filter((e) => e.kind === f.kind);
    if (f.state) list = list.filter((e) => e.state.state === f.state);
    if (f.townCode) list = list.filter((e) => e.townCode === f.townCode);
    if (f.stationId) list = list.filter((e) => e.stationId === f.stationId);
    const offset = f.offset ?? 0;
    return { total: list.length, items: list.slice(offset, offset + (f.limit ?? 500)).map(toDto) };
  }

  async getSensor(id: string): Promise<SensorDto | null> {
    const e = this.d.registry.get(id);
    return e ? toDto(e) : null;
  }

  async series(id: string, resolution: SeriesResolution, from: number, to: number): Promise<SeriesDto | null> {
    const e = this.d.registry.get(id);
    if (!e) return null;
    if (to < from) throw new ServiceError('bad-request', 'to is before from', { field: 'to' });
    if ((to - from) / RESOLUTION_MS[resolution] > 5_000)
      throw new ServiceError(
        'bad-request',
        `more than 5,000 ${resolution} buckets asked for; use a coarser resolution`,
        {
          field: 'resolution',
        },
      );
    this.d.ingest.flush(); // what arrived in the last second is in the chart too
    return {
      sensorId: id,
      resolution,
      unit: SENSOR_KIND_DEFS[e.kind].unit,
      thresholds: { ...e.rule },
      points: (resolution === '5m' ? this.d.seriesStore.series5m : this.d.seriesStore.series1h).call(
        this.d.seriesStore,
        e.rid,
        from - (from % RESOLUTION_MS[resolution]),
        to,
      ),
    };
  }

  async kinds(): Promise<SensorKindDef[]> {
    return SENSOR_KINDS.map((k) => SENSOR_KIND_DEFS[k]);
  }

  async getPoint(id: number): Promise<RiskPointWatch | null> {
    const detail = await this.d.point(id);
    const p = this.d.grading.point(id);
    if (!detail || !p) return null;
    const g = this.d.grading.grade(id)!;
    const model = this.d.grading.model(p);
    return {
      ...detail,
      baseLevel: p.base,
      level: g.level,
      levelSince: g.since || null,
      model: { id: model.id, name: model.name, nameEn: model.nameEn },
      score: g.score,
      history: this.d.grading.history(id),
      sensors: this.d.registry.ofPoint(id).map(toDto),
      floodStageM: this.d.exposure().get(id) ?? null,
    };
  }

  async movedPoints(): Promise<MovedPoint[]> {
    return this.d.grading.moved();
  }

  async levelChanges(since: number, limit = 500): Promise<LevelChange[]> {
    return this.d.grading.between(since, Number.MAX_SAFE_INTEGER, limit);
  }

  async indicators(filter: { state?: RuleStateName; domain?: IndicatorDto['domain'] }): Promise<IndicatorDto[]> {
    // judged now, from the sensors as they are this moment (one pass over them: a few milliseconds)
    this.d.indicators.evaluate(this.d.now());
    return this.d.indicators.list(filter);
  }

  async collapse(): Promise<CollapseUnitStatus[]> {
    return this.d.collapse
      .list()
      .map((u) => ({ ...u, incidentId: this.d.alarms.openFor('collapse', u.id)?.incidentId ?? null }));
  }

  async collapseToIncident(unitId: string, actor?: Actor): Promise<{ unit: CollapseUnitStatus; incident: Incident }> {
    const unit = this.d.collapse.get(unitId);
    if (!unit) throw new ServiceError('not-found', `no assessment cell ${unitId}`);
    const alarm = this.d.alarms.openFor('collapse', unitId);
    if (!alarm)
      throw new ServiceError(
        'rejected',
        `cell ${unitId} is ${unit.grade}: only warnings of medium and above become incidents`,
      );
    const { incident } = await this.d.alarms.toIncident(alarm.id, actor);
    return { unit: { ...unit, incidentId: incident.id }, incident };
  }

  async scenario(): Promise<ScenarioStatus> {
    return this.d.simulator.status();
  }

  async startScenario(id: ScenarioId, speed?: number): Promise<ScenarioStatus> {
    return this.d.simulator.startScenario(id, speed);
  }

  async stopScenario(): Promise<ScenarioStatus> {
    return this.d.simulator.stopScenario();
  }

  async ingest(readings: unknown[]): Promise<IngestResult> {
    return this.d.ingest.ingestItems(readings);
  }

  static readonly models = GRADING_MODELS;
}
