// The service contract: one interface per service, served identically over Electron IPC and the
// console host's WebSocket. Methods return Promises of JSON-safe data; events are named onDidX and
// are subscribed with a listener that returns an unsubscribe function.
import { z } from 'zod';
import type {
  CameraDto, Counts, DepartmentDto, DroneNestDto, LevelCounts, MapLayersDto, NearbyCameraDto,
  PackedRiskPoints, RiskCategoryDto, RiskFamilyDto, RiskPointDetail, RiskPointSummary, SeedProgress,
  SystemInfo, TownDto,
} from './dto';
import { RISK_LEVELS } from './levels';

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

export interface ServiceMap {
  system: ISystemService;
  reference: IReferenceService;
  riskmap: IRiskMapService;
  cameras: ICameraService;
}
export type ServiceName = keyof ServiceMap;

// ---- argument schemas, checked at the serving edge -------------------------------------------
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const limit = z.number().int().min(1).max(50_000);
export const riskQuerySchema = z.object({
  bbox: z.tuple([lon, lat, lon, lat]).refine((b) => b[0] <= b[2] && b[1] <= b[3], 'bbox min must not exceed max'),
  level: z.enum(RISK_LEVELS).optional(),
  categoryId: z.number().int().min(1).optional(),
  limit: limit.optional(),
}).strict();

const none = z.tuple([]);

/** Every callable channel with its argument schema, and every event channel. */
export const CONTRACT = {
  system: {
    methods: { getInfo: none, getCounts: none },
    events: ['onDidSeedProgress'],
  },
  reference: {
    methods: {
      listTowns: none, listDepartments: none, listFamilies: none, listCategories: none,
      listNests: none, getMapLayers: none,
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
