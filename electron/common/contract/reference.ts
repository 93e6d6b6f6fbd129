// Reference data: towns/streets, departments, risk families and categories, nests, map layers.
import type { DepartmentDto, DroneNestDto, MapLayersDto, RiskCategoryDto, RiskFamilyDto, TownDto } from '../dto';
import { none, type ServiceContract } from './base';

export interface IReferenceService {
  listTowns(): Promise<TownDto[]>;
  listDepartments(): Promise<DepartmentDto[]>;
  listFamilies(): Promise<RiskFamilyDto[]>;
  listCategories(): Promise<RiskCategoryDto[]>;
  listNests(): Promise<DroneNestDto[]>;
  getMapLayers(): Promise<MapLayersDto>;
}

export const referenceContract = {
  methods: {
    listTowns: none,
    listDepartments: none,
    listFamilies: none,
    listCategories: none,
    listNests: none,
    getMapLayers: none,
  },
  events: [],
} as const satisfies ServiceContract;
