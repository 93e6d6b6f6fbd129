// Field data packages for the on-site commander's laptop: export an area, import a package (checked
// before anything is applied), return the laptop's journal; progress of each as events.
import { z } from 'zod';
import type { CameraDto, DroneNestDto, ResponsePlanDto, RiskPointSummary } from '../dto';
import {
  exportRequestSchema,
  type ExportRequest,
  type ImportReport,
  type PackageInfo,
  type PackageManifest,
  type PackageProgress,
} from '../tiles/manifest';
import { none, type EventSource, type ServiceContract } from './base';

/** The area a laptop took in last: what it was made of, for the laptop window. */
export interface FieldArea {
  manifest: PackageManifest;
  importedAt: number;
  riskPoints: RiskPointSummary[];
  cameras: CameraDto[];
  nests: DroneNestDto[];
  plans: ResponsePlanDto[];
  incidentIds: string[];
}

export interface IFieldPackagesService {
  exportPackage(req: ExportRequest): Promise<PackageInfo>;
  importPackage(zip: Uint8Array): Promise<ImportReport>;
  returnPackage(): Promise<PackageInfo>;
  list(): Promise<PackageInfo[]>;
  current(): Promise<FieldArea | null>;
  onDidProgress: EventSource<PackageProgress>;
}

export const fieldPackagesContract = {
  methods: {
    exportPackage: z.tuple([exportRequestSchema]),
    importPackage: z.tuple([z.instanceof(Uint8Array)]),
    returnPackage: none,
    list: none,
    current: none,
  },
  events: ['onDidProgress'],
} as const satisfies ServiceContract;
