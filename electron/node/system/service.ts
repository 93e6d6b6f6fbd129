// Console-wide status: version, schema, counts, and first-start progress fanned out to windows.
import type { Db } from '../../../native/sqlite/open';
import { schemaVersion } from '../../../native/sqlite/open';
import type { ISystemService } from '../../common/contract';
import type { Counts, SeedProgress, SystemInfo } from '../../common/dto';
import { Emitter } from '../events';
import type { ReferenceRepo } from '../reference/repo';

export class SystemService implements ISystemService {
  private readonly progress = new Emitter<SeedProgress>();
  readonly onDidSeedProgress = this.progress.event;
  private seed: SeedProgress = { phase: 'checking', step: 'start', done: 0, total: 1 };

  constructor(
    private readonly db: Db,
    private readonly repo: ReferenceRepo,
    private readonly version: string,
  ) {}

  /** The seeder reports here; every window hears it. */
  reportSeed(p: SeedProgress): void {
    this.seed = p;
    this.progress.fire(p);
  }

  get seedProgress(): SeedProgress {
    return this.seed;
  }

  counts(): Counts {
    const n = (t: Parameters<ReferenceRepo['count']>[0]) => this.repo.count(t);
    return {
      towns: n('towns'),
      departments: n('departments'),
      riskCategories: n('risk_categories'),
      riskPoints: n('risk_points'),
      cameras: n('cameras'),
      nests: n('drone_nests'),
    };
  }

  async getInfo(): Promise<SystemInfo> {
    return { version: this.version, schemaVersion: schemaVersion(this.db), counts: this.counts(), seed: this.seed };
  }

  async getCounts(): Promise<Counts> {
    return this.counts();
  }
}
