// 22,000 risk points, each with a level, an address, linked sensors and its category's plan. Where a
// point goes depends on what it is (placement.ts: footprints, metro lines, water, slopes, named places);
// the rest spread around town centres (denser in the urban east), all inside the approximate outline.
import { RISK_LEVELS } from '../../electron/common/levels';
import type { Rng } from '../../electron/common/prng';
import type { RiskCategoryDto } from '../../electron/common/dto';
import { pointInRing } from '../../electron/common/geo';
import { FAMILIES } from '../reference/categories';
import { TOWNS, type TownSeed } from '../reference/towns';
import type { RiskPointRow } from './model';
import type { Placer } from './placement';

export const RISK_POINT_COUNT = 22_000;
const M_PER_DEG_LAT = 111_320;

/** spread around the centre in metres: compact urban streets, wide rural towns */
function spreadM(t: TownSeed): number {
  return t.kind === 'town' ? 1600 : t.weight >= 5 ? 650 : 1100;
}

export function jitterAround(rng: Rng, t: TownSeed, outline: readonly (readonly [number, number])[]): [number, number] {
  const s = spreadM(t);
  for (let attempt = 0; attempt < 50; attempt++) {
    const dx = rng.normal() * s;
    const dy = rng.normal() * s;
    const lon = t.lon + dx / (M_PER_DEG_LAT * Math.cos((t.lat * Math.PI) / 180));
    const lat = t.lat + dy / M_PER_DEG_LAT;
    if (pointInRing(lon, lat, outline)) return [lon, lat];
  }
  return [t.lon, t.lat];
}

export function townShort(name: string): string {
  return name.replace(/(街道|镇)$/, '');
}

export function generateRiskPoints(
  rng: Rng,
  categories: readonly RiskCategoryDto[],
  placer: Placer,
  count = RISK_POINT_COUNT,
): RiskPointRow[] {
  const weights = TOWNS.map((t) => t.weight);
  const mix = new Map(FAMILIES.map((f) => [f.id, f.levelMix]));
  const rows: RiskPointRow[] = [];
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const around = rng.weighted(TOWNS, weights);
    const cat = rng.pick(categories);
    const level = rng.weighted(RISK_LEVELS, mix.get(cat.familyId) ?? [3, 12, 38, 47]);
    const { lon, lat, town, landmark } = placer.riskPoint(rng, cat.familyId, cat.name, around);
    // named after the place it is at (no street is invented: the open data has none)
    const where = landmark ?? townShort(town.name);
    const no = rng.int(1, 399);
    const sensors = Array.from(
      { length: rng.int(1, 3) },
      () => `SN-${cat.id.toString().padStart(3, '0')}-${rng.int(0, 999_999).toString().padStart(6, '0')}`,
    );
    rows.push({
      id,
      name: `${where}${cat.name}${no}号`,
      categoryId: cat.id,
      level,
      townCode: town.code,
      address: `重庆市沙坪坝区${town.name}${landmark ? `${landmark}附近` : ''}`,
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      sensorIds: sensors,
      planId: cat.planId,
    });
  }
  return rows;
}
