// Row shapes the seed generators produce and the loader writes.
import type {
  CameraDto,
  DepartmentDto,
  DroneNestDto,
  ResponsePlanDto,
  RiskCategoryDto,
  RiskFamilyDto,
  TownDto,
} from '../../electron/common/dto';
import type { ResponsibilityRule } from '../../electron/common/dispatch/matching';
import type { RiskLevel } from '../../electron/common/levels';

export interface RiskPointRow {
  id: number;
  name: string;
  categoryId: number;
  level: RiskLevel;
  townCode: string;
  address: string;
  lon: number;
  lat: number;
  sensorIds: string[];
  planId: string;
}

export interface SeedBundle {
  version: string;
  towns: TownDto[];
  departments: DepartmentDto[];
  families: RiskFamilyDto[];
  plans: ResponsePlanDto[];
  categories: RiskCategoryDto[];
  /** the responsibility list dispatch matches reports against */
  responsibility: readonly ResponsibilityRule[];
  riskPoints: RiskPointRow[];
  cameras: CameraDto[];
  nests: DroneNestDto[];
  outline: { ring: [number, number][]; approximate: true; source: string };
  rivers: { name: string; line: [number, number][]; source: string }[];
  /** neighbouring districts by approximate centre, to name where an outside point lies */
  neighbours: { name: string; nameEn: string; lon: number; lat: number }[];
}
