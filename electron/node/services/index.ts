// Service implementations over the store. One instance of each per console process; both transports
// (IPC and WebSocket) serve these same objects.
import type { Db } from '../../../native/sqlite/open';
import { schemaVersion } from '../../../native/sqlite/open';
import type {
  ICameraService,
  IReferenceService,
  IRiskMapService,
  ISystemService,
  RiskQuery,
  ServiceMap,
} from '../../common/contract';
import type { Counts, RiskPointDetail, SeedProgress } from '../../common/dto';
import { Emitter } from '../events';
import { createDispatchService, type DispatchServiceImpl } from '../dispatch/service';
import { CameraRepo } from '../store/cameraRepo';
import { ReferenceRepo } from '../store/referenceRepo';
import { RiskPointRepo } from '../store/riskPointRepo';

export interface ConsoleServices extends ServiceMap {
  dispatch: DispatchServiceImpl;
  /** host-side hook: the seed loader reports here, the system service fans it out */
  reportSeed(p: SeedProgress): void;
}

export function createServices(db: Db, version: string, now: () => number = Date.now): ConsoleServices {
  const ref = new ReferenceRepo(db);
  const risk = new RiskPointRepo(db);
  const cams = new CameraRepo(db);
  const seedEmitter = new Emitter<SeedProgress>();
  let seed: SeedProgress = { phase: 'checking', step: 'start', done: 0, total: 1 };
  let packedCache: ReturnType<RiskPointRepo['packed']> | null = null;

  const counts = (): Counts => ({
    towns: ref.count('towns'),
    departments: ref.count('departments'),
    riskCategories: ref.count('risk_categories'),
    riskPoints: ref.count('risk_points'),
    cameras: ref.count('cameras'),
    nests: ref.count('drone_nests'),
  });

  const system: ISystemService = {
    getInfo: async () => ({ version, schemaVersion: schemaVersion(db), counts: counts(), seed }),
    getCounts: async () => counts(),
    onDidSeedProgress: seedEmitter.event,
  };

  const reference: IReferenceService = {
    listTowns: async () => ref.towns(),
    listDepartments: async () => ref.departments(),
    listFamilies: async () => ref.families(),
    listCategories: async () => ref.categories(),
    listNests: async () => ref.nests(),
    getMapLayers: async () => ref.mapLayers(),
  };

  const riskmap: IRiskMapService = {
    // The packed set is built once per seed: every window asks for it at start.
    getPackedPoints: async () => (packedCache ??= risk.packed()),
    getLevelCounts: async () => risk.levelCounts(),
    getPoint: async (id: number): Promise<RiskPointDetail | null> => {
      const p = risk.get(id);
      if (!p) return null;
      const cat = ref.categories().find((c) => c.id === p.categoryId);
      const fam = ref.families().find((f) => f.id === cat?.familyId);
      const town = ref.towns().find((t) => t.code === p.townCode);
      const { planId, ...rest } = p;
      return {
        ...rest,
        categoryName: cat?.name ?? '',
        familyName: fam?.name ?? '',
        townName: town?.name ?? '',
        plan: ref.plan(planId),
      };
    },
    search: async (text: string, limit?: number) => risk.search(text, limit),
    query: async (q: RiskQuery) => risk.query(q),
  };

  const cameras: ICameraService = {
    list: async () => cams.list(),
    get: async (id: string) => cams.get(id),
    nearby: async (lon: number, lat: number, radiusM: number, limit?: number) => cams.nearby(lon, lat, radiusM, limit),
  };

  return {
    system,
    reference,
    riskmap,
    cameras,
    dispatch: createDispatchService(db, now),
    reportSeed(p) {
      seed = p;
      if (p.phase === 'ready') packedCache = null;
      seedEmitter.fire(p);
    },
  };
}
