// Reference data, read once from the store and kept until the seeder replaces it. Dispatch judges
// reports against the same snapshot (towns, departments, responsibility list, category families).
import type { IReferenceService } from '../../common/contract';
import type {
  DepartmentDto,
  DroneNestDto,
  MapLayersDto,
  RiskCategoryDto,
  RiskFamilyDto,
  TownDto,
} from '../../common/dto';
import { ServiceError } from '../../common/errors';
import type { LedgerReference } from '../dispatch/ledger';
import type { ReferenceRepo } from './repo';

interface Snapshot extends LedgerReference {
  towns: TownDto[];
  outline: [number, number][];
  departmentDtos: DepartmentDto[];
  families: RiskFamilyDto[];
  categories: RiskCategoryDto[];
}

export class ReferenceService implements IReferenceService {
  private snap: Snapshot | null = null;

  constructor(private readonly repo: ReferenceRepo) {}

  /** The reference data as one snapshot; 'unavailable' until the district is seeded. */
  snapshot(): Snapshot {
    if (this.snap) return this.snap;
    const towns = this.repo.towns();
    if (!towns.length) {
      throw new ServiceError('unavailable', 'the console is still loading its reference data; try again in a moment');
    }
    const categories = this.repo.categories();
    const familyOf = new Map(categories.map((c) => [c.id, c.familyId]));
    const departmentDtos = this.repo.departments();
    this.snap = {
      towns,
      departmentDtos,
      departments: departmentDtos.map((d) => d.id),
      families: this.repo.families(),
      categories,
      rules: this.repo.responsibilityRules(),
      outline: this.repo.mapLayers().outline.ring,
      neighbours: this.repo.neighbours(),
      familyOfCategory: (id) => familyOf.get(id) ?? null,
    };
    return this.snap;
  }

  /** The seeder replaced the reference data. */
  invalidate(): void {
    this.snap = null;
  }

  async listTowns(): Promise<TownDto[]> {
    return this.repo.towns();
  }
  async listDepartments(): Promise<DepartmentDto[]> {
    return this.repo.departments();
  }
  async listFamilies(): Promise<RiskFamilyDto[]> {
    return this.repo.families();
  }
  async listCategories(): Promise<RiskCategoryDto[]> {
    return this.repo.categories();
  }
  async listNests(): Promise<DroneNestDto[]> {
    return this.repo.nests();
  }
  async getMapLayers(): Promise<MapLayersDto> {
    return this.repo.mapLayers();
  }
}
