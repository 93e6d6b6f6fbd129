// Sensing: the sensors with their thresholds, state and latest reading, their down-sampled series, the
// risk points' dynamic levels and history, the vital-sign KPIs, the road-collapse pilot, the simulator's
// scenarios, and readings pushed from a window. Events: rule state changes (coalesced) and level changes.
import { z } from 'zod';
import type { IndicatorDto } from '../indicators/indicators';
import { INDICATOR_DOMAINS } from '../indicators/indicators';
import type { RiskLevel } from '../levels';
import type { CollapseGrade, CollapseMatch, CollapseScore } from '../rules/collapse';
import { RULE_STATES, type RuleStateName } from '../rules/engine';
import { SCENARIO_IDS, type ScenarioId, type ScenarioStatus } from '../sensors/scenario';
import { SENSOR_KINDS, type SensorKind, type SensorKindDef } from '../sensors/kinds';
import {
  SERIES_RESOLUTIONS,
  type IngestResult,
  type LevelChange,
  type RiskPointWatch,
  type SensorDto,
  type SensorPage,
  type SensorStateChange,
  type SeriesDto,
  type SeriesResolution,
} from '../sensors/types';
import { actorSchema, type Actor, type Incident } from '../dispatch/types';
import type { EventSource, ServiceContract } from './base';

export interface SensorFilter {
  kind?: SensorKind;
  riskPointId?: number;
  state?: RuleStateName;
  townCode?: string;
  stationId?: string;
  limit?: number;
  offset?: number;
}

export interface MovedPoint {
  pointId: number;
  level: RiskLevel;
  base: RiskLevel;
  since: number;
  lon: number;
  lat: number;
}

export interface CollapseUnitStatus {
  id: string;
  name: string;
  nameEn: string;
  lon: number;
  lat: number;
  grade: CollapseGrade;
  score: CollapseScore['score'];
  contributions: CollapseScore['contributions'];
  /** medium and above: the plan and departments it is matched to */
  match: CollapseMatch | null;
  incidentId: string | null;
}

export interface ISensingService {
  listSensors(filter: SensorFilter): Promise<SensorPage>;
  getSensor(id: string): Promise<SensorDto | null>;
  series(id: string, resolution: SeriesResolution, from: number, to: number): Promise<SeriesDto | null>;
  kinds(): Promise<SensorKindDef[]>;
  getPoint(id: number): Promise<RiskPointWatch | null>;
  movedPoints(): Promise<MovedPoint[]>;
  levelChanges(since: number, limit?: number): Promise<LevelChange[]>;
  indicators(filter: { state?: RuleStateName; domain?: IndicatorDto['domain'] }): Promise<IndicatorDto[]>;
  collapse(): Promise<CollapseUnitStatus[]>;
  collapseToIncident(unitId: string, actor?: Actor): Promise<{ unit: CollapseUnitStatus; incident: Incident }>;
  scenario(): Promise<ScenarioStatus>;
  startScenario(id: ScenarioId, speed?: number): Promise<ScenarioStatus>;
  stopScenario(): Promise<ScenarioStatus>;
  ingest(readings: unknown[]): Promise<IngestResult>;
  onDidChangeStates: EventSource<SensorStateChange[]>;
  onDidChangeLevel: EventSource<LevelChange>;
}

const MAX = 10_000;
export const sensorFilterSchema = z
  .object({
    kind: z.enum(SENSOR_KINDS).optional(),
    riskPointId: z.number().int().min(1).optional(),
    state: z.enum(RULE_STATES).optional(),
    townCode: z.string().max(20).optional(),
    stationId: z.string().max(20).optional(),
    limit: z.number().int().min(1).max(5_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
const sensorId = z.string().min(1).max(64);

export const sensingContract = {
  methods: {
    listSensors: z.tuple([sensorFilterSchema]),
    getSensor: z.tuple([sensorId]),
    series: z.tuple([sensorId, z.enum(SERIES_RESOLUTIONS), z.number().int(), z.number().int()]),
    kinds: z.tuple([]),
    getPoint: z.tuple([z.number().int().min(1)]),
    movedPoints: z.tuple([]),
    levelChanges: z.tuple([z.number().int(), z.number().int().min(1).max(5_000).optional()]),
    indicators: z.tuple([
      z.object({ state: z.enum(RULE_STATES).optional(), domain: z.enum(INDICATOR_DOMAINS).optional() }).strict(),
    ]),
    collapse: z.tuple([]),
    collapseToIncident: z.tuple([z.string().min(1).max(20), actorSchema.optional()]),
    scenario: z.tuple([]),
    startScenario: z.tuple([z.enum(SCENARIO_IDS), z.number().min(0.1).max(720).optional()]),
    stopScenario: z.tuple([]),
    ingest: z.tuple([z.array(z.unknown()).max(MAX)]),
  },
  events: ['onDidChangeStates', 'onDidChangeLevel'],
} as const satisfies ServiceContract;
