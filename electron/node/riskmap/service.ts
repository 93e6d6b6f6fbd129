// The risk map service over its repository; detail joins the reference snapshot.
import type { IRiskMapService, RiskQuery } from '../../common/contract';
import type { LevelCounts, PackedRiskPoints, RiskPointDetail, RiskPointSummary } from '../../common/dto';
import type { ReferenceRepo } from '../reference/repo';
import type { ReferenceService } from '../reference/service';
import type { RiskPointRepo } from './repo';

export class RiskMapService implements IRiskMapService {
  private packed: PackedRiskPoints | null = null;

  constructor(
    private readonly repo: RiskPointRepo,
    private readonly reference: ReferenceService,
    private readonly referenceRepo: ReferenceRepo,
  ) {}

  /** The seeder replaced the points. */
  invalidate(): void {
    this.packed = null;
  }

  // built once per seed: every window asks for it at start
  async getPackedPoints(): Promise<PackedRiskPoints> {
    return (this.packed ??= this.repo.packed());
  }

  async getLevelCounts(): Promise<LevelCounts> {
    return this.repo.levelCounts();
  }

  async getPoint(id: number): Promise<RiskPointDetail | null> {
    const p = this.repo.get(id);
    if (!p) return null;
    const ref = this.reference.snapshot();
    const cat = ref.categories.find((c) => c.id === p.categoryId);
    const fam = ref.families.find((f) => f.id === cat?.familyId);
    const town = ref.towns.find((t) => t.code === p.townCode);
    const { planId, ...rest } = p;
    return {
      ...rest,
      categoryName: cat?.name ?? '',
      familyName: fam?.name ?? '',
      townName: town?.name ?? '',
      plan: this.referenceRepo.plan(planId),
    };
  }

  async search(text: string, limit?: number): Promise<RiskPointSummary[]> {
    return this.repo.search(text, limit);
  }

  async query(q: RiskQuery): Promise<RiskPointSummary[]> {
    return this.repo.query(q);
  }
}
