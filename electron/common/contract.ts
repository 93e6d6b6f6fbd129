// The service contract: one interface per service, served identically over Electron IPC and the
// console host's WebSocket. Methods return Promises of JSON-safe data; events are named onDidX and
// are subscribed with a listener that returns an unsubscribe function.
import { z } from 'zod';
import type {
  CameraDto,
  Counts,
  DepartmentDto,
  DroneNestDto,
  LevelCounts,
  MapLayersDto,
  NearbyCameraDto,
  PackedRiskPoints,
  RiskCategoryDto,
  RiskFamilyDto,
  RiskPointDetail,
  RiskPointSummary,
  SeedProgress,
  SystemInfo,
  TownDto,
} from './dto';
import { RISK_LEVELS } from './levels';
import type { DeadlineClock } from './dispatch/grades';
import {
  GRADES,
  SOURCES,
  TIERS,
  type Actor,
  type Command,
  type Incident,
  type IncidentEvent,
  type IncidentReport,
} from './dispatch/types';

export type Listener<T> = (value: T) => void;
export type Unsubscribe = () => void;
export type EventSource<T> = (listener: Listener<T>) => Unsubscribe;

export interface ISystemService {
  getInfo(): Promise<SystemInfo>;
  getCounts(): Promise<Counts>;
  onDidSeedProgress: EventSource<SeedProgress>;
}

export interface IReferenceService {
  listTowns(): Promise<TownDto[]>;
  listDepartments(): Promise<DepartmentDto[]>;
  listFamilies(): Promise<RiskFamilyDto[]>;
  listCategories(): Promise<RiskCategoryDto[]>;
  listNests(): Promise<DroneNestDto[]>;
  getMapLayers(): Promise<MapLayersDto>;
}

export interface RiskQuery {
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number];
  level?: (typeof RISK_LEVELS)[number];
  categoryId?: number;
  limit?: number;
}

export interface IRiskMapService {
  getPackedPoints(): Promise<PackedRiskPoints>;
  getLevelCounts(): Promise<LevelCounts>;
  getPoint(id: number): Promise<RiskPointDetail | null>;
  search(text: string, limit?: number): Promise<RiskPointSummary[]>;
  query(q: RiskQuery): Promise<RiskPointSummary[]>;
}

export interface ICameraService {
  list(): Promise<CameraDto[]>;
  get(id: string): Promise<CameraDto | null>;
  nearby(lon: number, lat: number, radiusM: number, limit?: number): Promise<NearbyCameraDto[]>;
}

export interface IncidentFilterDto {
  status?: 'open' | 'closed';
  grade?: (typeof GRADES)[number];
  town?: string;
  department?: string;
  source?: (typeof SOURCES)[number];
  /** the manual triage queue: no responsibility rule matched and no lead chosen yet */
  unmatched?: boolean;
  /** red and orange evaluations (the fortnightly supervision list), optionally closed since a time */
  supervision?: boolean;
  closedSince?: number;
  limit?: number;
  offset?: number;
}
export interface IncidentRow {
  incident: Incident;
  clock: DeadlineClock;
}
export interface IncidentDetail extends IncidentRow {
  timeline: IncidentEvent[];
  audit: {
    seq: number | null;
    at: number;
    actorName: string;
    role: string;
    command: string;
    outcome: string;
    reason: string | null;
  }[];
  qualityFailures: { id: string; message: string }[];
}
export interface DispatchStatsDto {
  total: number;
  open: number;
  closed: number;
  onTimeRate: number;
  returnRate: number;
  averageHandlingMs: number;
  matchRate: number;
  colours: Record<'green' | 'blue' | 'yellow' | 'orange' | 'red', number>;
  supervision: number;
}
export interface IncidentChange {
  id: string;
  version: number;
  status: Incident['status'];
}
export interface FocusRequest {
  id: string;
  lon: number;
  lat: number;
}

export interface IDispatchService {
  report(report: IncidentReport): Promise<Incident>;
  /** Throws conflict / invalid-transition / invalid-command / quality-check-failed with the reason. */
  command(id: string, expectedVersion: number, command: Command, actor?: Actor): Promise<Incident>;
  list(filter: IncidentFilterDto): Promise<{ total: number; items: IncidentRow[] }>;
  /** open incidents, most urgent first (overdue, then least time left) */
  board(filter: IncidentFilterDto): Promise<{ total: number; items: IncidentRow[] }>;
  get(id: string): Promise<IncidentDetail | null>;
  stats(): Promise<DispatchStatsDto>;
  /** ask every map wall to fly to an incident */
  focus(id: string): Promise<FocusRequest | null>;
  onDidChange: EventSource<IncidentChange>;
  onDidFocus: EventSource<FocusRequest>;
}

export interface ServiceMap {
  system: ISystemService;
  reference: IReferenceService;
  riskmap: IRiskMapService;
  cameras: ICameraService;
  dispatch: IDispatchService;
}
export type ServiceName = keyof ServiceMap;

// ---- argument schemas, checked at the serving edge -------------------------------------------
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const limit = z.number().int().min(1).max(50_000);
export const riskQuerySchema = z
  .object({
    bbox: z.tuple([lon, lat, lon, lat]).refine((b) => b[0] <= b[2] && b[1] <= b[3], 'bbox min must not exceed max'),
    level: z.enum(RISK_LEVELS).optional(),
    categoryId: z.number().int().min(1).optional(),
    limit: limit.optional(),
  })
  .strict();

const none = z.tuple([]);

// ---- dispatch --------------------------------------------------------------------------------
export const reportSchema = z
  .object({
    source: z.enum(SOURCES),
    title: z.string().trim().min(1, 'title is required').max(120, 'title is longer than 120 characters'),
    description: z.string().max(4000, 'description is longer than 4000 characters').default(''),
    lon,
    lat,
    town: z.string().trim().min(1).max(40).optional(),
    reporter: z.string().trim().max(100).optional(),
    occurredAt: z.number().int().min(0).optional(),
    categoryId: z.number().int().min(1).optional(),
  })
  .strict();

const dep = z.string().min(1).max(40);
const text = (max: number) => z.string().max(max);
export const commandSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('triage'), grade: z.enum(GRADES), tier: z.enum(TIERS), reason: text(500).optional() })
    .strict(),
  z.object({ type: z.literal('dispatch'), leadDepartmentId: dep, assistDepartmentIds: z.array(dep).max(13) }).strict(),
  z.object({ type: z.literal('accept'), departmentId: dep }).strict(),
  z.object({ type: z.literal('return'), departmentId: dep, reason: text(500) }).strict(),
  z.object({ type: z.literal('consult'), note: text(1000) }).strict(),
  z.object({ type: z.literal('escalate'), note: text(1000) }).strict(),
  z
    .object({
      type: z.literal('rule'),
      leadDepartmentId: dep,
      assistDepartmentIds: z.array(dep).max(13),
      ruling: text(1000),
    })
    .strict(),
  z.object({ type: z.literal('arrive') }).strict(),
  z
    .object({ type: z.literal('resolve'), summary: text(2000), evidenceCount: z.number().int().min(0).max(1000) })
    .strict(),
  z.object({ type: z.literal('verify'), passed: z.boolean(), note: text(1000).optional() }).strict(),
  z.object({ type: z.literal('evaluate'), satisfaction: z.number().min(0).max(100).optional() }).strict(),
  z.object({ type: z.literal('cancel'), reason: z.enum(['duplicate', 'invalid']), note: text(500) }).strict(),
]);
const actorSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(64),
    role: z.enum(['officer', 'department', 'leader', 'system', 'supervisor']),
  })
  .strict();
export const incidentFilterSchema = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    grade: z.enum(GRADES).optional(),
    town: z.string().max(40).optional(),
    department: z.string().max(40).optional(),
    source: z.enum(SOURCES).optional(),
    unmatched: z.boolean().optional(),
    supervision: z.boolean().optional(),
    closedSince: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(2000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
const incidentId = z.string().min(1).max(40);

/** Every callable channel with its argument schema, and every event channel. */
export const CONTRACT = {
  system: {
    methods: { getInfo: none, getCounts: none },
    events: ['onDidSeedProgress'],
  },
  reference: {
    methods: {
      listTowns: none,
      listDepartments: none,
      listFamilies: none,
      listCategories: none,
      listNests: none,
      getMapLayers: none,
    },
    events: [],
  },
  riskmap: {
    methods: {
      getPackedPoints: none,
      getLevelCounts: none,
      getPoint: z.tuple([z.number().int().min(1)]),
      search: z.tuple([z.string().trim().min(1).max(100), limit.optional()]),
      query: z.tuple([riskQuerySchema]),
    },
    events: [],
  },
  cameras: {
    methods: {
      list: none,
      get: z.tuple([z.string().min(1).max(64)]),
      nearby: z.tuple([lon, lat, z.number().positive().max(100_000), limit.optional()]),
    },
    events: [],
  },
  dispatch: {
    methods: {
      report: z.tuple([reportSchema]),
      command: z.tuple([incidentId, z.number().int().min(1), commandSchema, actorSchema.optional()]),
      list: z.tuple([incidentFilterSchema]),
      board: z.tuple([incidentFilterSchema]),
      get: z.tuple([incidentId]),
      stats: none,
      focus: z.tuple([incidentId]),
    },
    events: ['onDidChange', 'onDidFocus'],
  },
} as const satisfies Record<ServiceName, { methods: Record<string, z.ZodType>; events: readonly string[] }>;

export type Channel = `${ServiceName}.${string}`;

export function methodChannels(): string[] {
  return Object.entries(CONTRACT).flatMap(([svc, def]) => Object.keys(def.methods).map((m) => `${svc}.${m}`));
}
export function eventChannels(): string[] {
  return Object.entries(CONTRACT).flatMap(([svc, def]) => (def.events as readonly string[]).map((e) => `${svc}.${e}`));
}

export function isEventName(name: string): boolean {
  return /^onDid[A-Z]/.test(name);
}
