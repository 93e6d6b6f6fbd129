// Data that crosses the service contract (IPC, WebSocket, HTTP). Each shape is a zod schema and its
// type is derived from it, so the OpenAPI document and the code cannot disagree. No classes, no Dates.
import { z } from 'zod';
import { RISK_LEVELS, type RiskLevel } from './levels';

const lon = z.number();
const lat = z.number();
const lonLat = z.tuple([z.number(), z.number()]);

export const POINT_QUALITIES = ['sourced', 'derived', 'estimate', 'placeholder'] as const;
export type PointQuality = (typeof POINT_QUALITIES)[number];

export const townSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['street', 'town']),
  /** managed by the district itself (22 of the 26 statistical units) */
  managed: z.boolean(),
  lon,
  lat,
  pointQuality: z.enum(POINT_QUALITIES),
  pointSource: z.string(),
});
export type TownDto = z.infer<typeof townSchema>;
export type TownKind = TownDto['kind'];

export const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  role: z.enum(['resident', 'on-call']),
  /** on the 4+N joint-duty roster; false for bureaus citizen requests reach beyond it (social security, petitions…) */
  jointDuty: z.boolean(),
  dutyPhone: z.string(),
  contact: z.string(),
});
export type DepartmentDto = z.infer<typeof departmentSchema>;
export type DepartmentRole = DepartmentDto['role'];

export const riskFamilySchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type RiskFamilyDto = z.infer<typeof riskFamilySchema>;

export const riskCategorySchema = z.object({
  id: z.number().int(),
  familyId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  planId: z.string(),
  leadDepartmentId: z.string(),
});
export type RiskCategoryDto = z.infer<typeof riskCategorySchema>;

export const responsePlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  steps: z.array(z.string()),
  /** the same steps in English, one for one */
  stepsEn: z.array(z.string()),
  leadDepartmentId: z.string(),
});
export type ResponsePlanDto = z.infer<typeof responsePlanSchema>;

export const riskPointSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  categoryId: z.number().int(),
  level: z.enum(RISK_LEVELS),
  townCode: z.string(),
  address: z.string(),
  lon,
  lat,
});
export type RiskPointSummary = z.infer<typeof riskPointSummarySchema>;

export const riskPointDetailSchema = riskPointSummarySchema.extend({
  categoryName: z.string(),
  familyName: z.string(),
  townName: z.string(),
  sensorIds: z.array(z.string()),
  plan: responsePlanSchema.nullable(),
});
export type RiskPointDetail = z.infer<typeof riskPointDetailSchema>;

/**
 * All risk points as columns of typed arrays (lon/lat Float64, id Uint32, level index Uint8,
 * category id Uint16): one message instead of 22,000 objects. IPC clones them as they are; the
 * WebSocket sends them as one binary frame (common/rpc/binary.ts). RPC only, never JSON.
 */
export interface PackedRiskPoints {
  count: number;
  id: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  level: Uint8Array;
  category: Uint16Array;
}

export const cameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['video-network', 'public-safety']),
  mount: z.enum(['fixed', 'ptz']),
  status: z.enum(['online', 'offline', 'fault']),
  townCode: z.string(),
  lon,
  lat,
  mainStreamUrl: z.string(),
  subStreamUrl: z.string(),
  /** a fixed camera's view for its cone on the map (null for PTZ cameras and when unknown) */
  headingDeg: z.number().nullable(),
  fovDeg: z.number().nullable(),
  rangeM: z.number().nullable(),
  /** what its streams carry: H.265 has no decoder in a browser */
  codec: z.enum(['h264', 'h265', 'unknown']),
  /** 'seed' (the embedded district) or the platform that listed it, e.g. 'wvp:10.1.2.3' */
  platform: z.string(),
});
export type CameraDto = z.infer<typeof cameraSchema>;
export type CameraKind = CameraDto['kind'];
export type CameraMount = CameraDto['mount'];
export type CameraStatus = CameraDto['status'];

export const nearbyCameraSchema = cameraSchema.extend({ distanceM: z.number() });
export type NearbyCameraDto = z.infer<typeof nearbyCameraSchema>;

export const droneNestSchema = z.object({
  id: z.string(),
  name: z.string(),
  townCode: z.string(),
  lon,
  lat,
  coverageRadiusM: z.number(),
  dockSn: z.string(),
  aircraftSn: z.string(),
  pointQuality: z.enum(POINT_QUALITIES),
});
export type DroneNestDto = z.infer<typeof droneNestSchema>;

export const mapLayersSchema = z.object({
  /** Closed ring, lon/lat; approximate: built from open points, not the authoritative boundary. */
  outline: z.object({ ring: z.array(lonLat), approximate: z.boolean(), source: z.string() }),
  river: z.array(z.object({ name: z.string(), line: z.array(lonLat), source: z.string() })),
});
export type MapLayersDto = z.infer<typeof mapLayersSchema>;

export type LevelCounts = Record<RiskLevel, number>;

export const countsSchema = z.object({
  towns: z.number().int(),
  departments: z.number().int(),
  riskCategories: z.number().int(),
  riskPoints: z.number().int(),
  cameras: z.number().int(),
  nests: z.number().int(),
});
export type Counts = z.infer<typeof countsSchema>;

export const SEED_PHASES = ['idle', 'checking', 'seeding', 'ready', 'error'] as const;
export type SeedPhase = (typeof SEED_PHASES)[number];
export const seedProgressSchema = z.object({
  phase: z.enum(SEED_PHASES),
  step: z.string(),
  done: z.number(),
  total: z.number(),
  message: z.string().optional(),
});
export type SeedProgress = z.infer<typeof seedProgressSchema>;

export interface SystemInfo {
  version: string;
  schemaVersion: number;
  counts: Counts;
  seed: SeedProgress;
  transport?: string;
}
