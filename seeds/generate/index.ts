// The embedded default, built deterministically from a seed: same seed, same district.
import { CROSS_DISTRICT_DEPARTMENT, NEIGHBOURS } from '../reference/neighbours';
import { RESPONSIBILITY_LIST } from '../reference/responsibility';
import type { DroneNestDto, ResponsePlanDto, RiskCategoryDto } from '../../electron/common/dto';
import { createRng } from '../../electron/common/prng';
import { FAMILIES } from '../reference/categories';
import { DEPARTMENTS } from '../reference/departments';
import { JIALING_LINE, TOWNS } from '../reference/towns';
import { generateCameras } from './cameras';
import type { SeedBundle } from './model';
import { approximateOutline } from './outline';
import { Placer } from './placement';
import { generateRiskPoints } from './riskPoints';

/** Bump when generators or reference data change: the loader re-seeds reference tables then. */
export const SEED_VERSION = 'district-2026.7';
export const DEFAULT_SEED = 500106;
export const NEST_COVERAGE_M = 6_000;

export function buildCategories(): { plans: ResponsePlanDto[]; categories: RiskCategoryDto[] } {
  const plans: ResponsePlanDto[] = [];
  const categories: RiskCategoryDto[] = [];
  let id = 1;
  for (const f of FAMILIES) {
    for (const [name, nameEn, lead] of f.categories) {
      const planId = `plan-${id.toString().padStart(3, '0')}`;
      const leadDepartmentId = lead ?? f.lead;
      plans.push({
        id: planId,
        name: `${name}风险处置预案`,
        nameEn: `${nameEn} response plan`,
        steps: f.steps,
        stepsEn: f.stepsEn,
        leadDepartmentId,
      });
      categories.push({ id, familyId: f.id, name, nameEn, planId, leadDepartmentId });
      id++;
    }
  }
  return { plans, categories };
}

export function buildNests(): DroneNestDto[] {
  const gele = TOWNS.find((t) => t.code === '500106009')!;
  const zhong = TOWNS.find((t) => t.code === '500106112')!;
  return [
    {
      id: 'nest-geleshan',
      name: '歌乐山无人机巢',
      townCode: gele.code,
      lon: gele.lon,
      lat: gele.lat,
      coverageRadiusM: NEST_COVERAGE_M,
      dockSn: 'SEED-DOCK-0001',
      aircraftSn: 'SEED-UAV-0001',
      pointQuality: gele.quality,
    },
    {
      id: 'nest-zhongliang',
      name: '中梁镇无人机巢',
      townCode: zhong.code,
      lon: zhong.lon,
      lat: zhong.lat,
      coverageRadiusM: NEST_COVERAGE_M,
      dockSn: 'SEED-DOCK-0002',
      aircraftSn: 'SEED-UAV-0002',
      pointQuality: zhong.quality,
    },
  ];
}

export function buildSeed(seed = DEFAULT_SEED): SeedBundle {
  const rng = createRng(seed);
  const outline = approximateOutline();
  const { plans, categories } = buildCategories();
  const placer = new Placer(outline);
  return {
    version: SEED_VERSION,
    towns: TOWNS.map((t) => ({
      code: t.code,
      name: t.name,
      nameEn: t.nameEn,
      kind: t.kind,
      managed: t.managed,
      lon: t.lon,
      lat: t.lat,
      pointQuality: t.quality,
      pointSource: t.source,
    })),
    departments: [...DEPARTMENTS, CROSS_DISTRICT_DEPARTMENT],
    neighbours: NEIGHBOURS.map(({ name, nameEn, lon, lat }) => ({ name, nameEn, lon, lat })),
    families: FAMILIES.map((f) => ({ id: f.id, name: f.name, nameEn: f.nameEn })),
    plans,
    categories,
    responsibility: RESPONSIBILITY_LIST,
    riskPoints: generateRiskPoints(rng, categories, placer),
    cameras: generateCameras(rng, placer),
    nests: buildNests(),
    outline: {
      ring: outline,
      approximate: true,
      source: 'buffered convex hull of open town and place points (approximate)',
    },
    rivers: [
      { name: '嘉陵江', line: JIALING_LINE.map((p) => [p[0], p[1]]), source: 'Natural Earth 10m (public domain)' },
    ],
  };
}
