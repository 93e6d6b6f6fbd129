// JSON-safe data that crosses the service contract (IPC or WebSocket). No classes, no Dates.
import type { RiskLevel } from './levels';

export type TownKind = 'street' | 'town';
export type PointQuality = 'sourced' | 'derived' | 'estimate' | 'placeholder';

export interface TownDto {
  code: string;
  name: string;
  nameEn: string;
  kind: TownKind;
  /** managed by the district itself (22 of the 26 statistical units) */
  managed: boolean;
  lon: number;
  lat: number;
  pointQuality: PointQuality;
  pointSource: string;
}

export type DepartmentRole = 'resident' | 'on-call';
export interface DepartmentDto {
  id: string;
  name: string;
  nameEn: string;
  role: DepartmentRole;
  dutyPhone: string;
  contact: string;
}

export interface RiskFamilyDto {
  id: string;
  name: string;
  nameEn: string;
}
export interface RiskCategoryDto {
  id: number;
  familyId: string;
  name: string;
  nameEn: string;
  planId: string;
  leadDepartmentId: string;
}
export interface ResponsePlanDto {
  id: string;
  name: string;
  steps: string[];
  leadDepartmentId: string;
}

export interface RiskPointSummary {
  id: number;
  name: string;
  categoryId: number;
  level: RiskLevel;
  townCode: string;
  address: string;
  lon: number;
  lat: number;
}
export interface RiskPointDetail extends RiskPointSummary {
  categoryName: string;
  familyName: string;
  townName: string;
  sensorIds: string[];
  plan: ResponsePlanDto | null;
}

/**
 * All risk points as columns; each column is base64 of a little-endian typed array
 * (Float64 lon/lat, Uint32 id, Uint8 level index, Uint16 category id).
 * One message instead of 22,000 objects, and JSON-safe for the WebSocket.
 */
export interface PackedRiskPoints {
  count: number;
  id: string;
  lon: string;
  lat: string;
  level: string;
  category: string;
}

export type CameraKind = 'video-network' | 'public-safety';
export type CameraMount = 'fixed' | 'ptz';
export type CameraStatus = 'online' | 'offline' | 'fault';
export interface CameraDto {
  id: string;
  name: string;
  kind: CameraKind;
  mount: CameraMount;
  status: CameraStatus;
  townCode: string;
  lon: number;
  lat: number;
  mainStreamUrl: string;
  subStreamUrl: string;
}
export interface NearbyCameraDto extends CameraDto {
  distanceM: number;
}

export interface DroneNestDto {
  id: string;
  name: string;
  townCode: string;
  lon: number;
  lat: number;
  coverageRadiusM: number;
  dockSn: string;
  aircraftSn: string;
  pointQuality: PointQuality;
}

export interface MapLayersDto {
  /** Closed ring, lon/lat; approximate: built from open points, not the authoritative boundary. */
  outline: { ring: [number, number][]; approximate: boolean; source: string };
  river: { name: string; line: [number, number][]; source: string }[];
}

export type LevelCounts = Record<RiskLevel, number>;

export interface Counts {
  towns: number;
  departments: number;
  riskCategories: number;
  riskPoints: number;
  cameras: number;
  nests: number;
}

export type SeedPhase = 'idle' | 'checking' | 'seeding' | 'ready' | 'error';
export interface SeedProgress {
  phase: SeedPhase;
  step: string;
  done: number;
  total: number;
  message?: string;
}

export interface SystemInfo {
  version: string;
  schemaVersion: number;
  counts: Counts;
  seed: SeedProgress;
  transport?: string;
}
