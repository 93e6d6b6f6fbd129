// 22,000 risk points: placed around town centres (denser in the urban east), kept inside the
// approximate outline, each with a level, an address, linked sensors and its category's plan.
import { RISK_LEVELS } from '../../electron/common/levels';
import type { Rng } from '../../electron/common/prng';
import type { RiskCategoryDto } from '../../electron/common/dto';
import { pointInRing } from '../../electron/common/geo';
import { FAMILIES } from '../reference/categories';
import { TOWNS, type TownSeed } from '../reference/towns';
import type { RiskPointRow } from './model';

export const RISK_POINT_COUNT = 22_000;
const ROAD_SUFFIXES = ['正街', '一路', '二路', '大道', '东路', '西路', '南路', '北路', '支路', '横街'];
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
  outline: readonly (readonly [number, number])[],
  count = RISK_POINT_COUNT,
): RiskPointRow[] {
  const weights = TOWNS.map((t) => t.weight);
  const mix = new Map(FAMILIES.map((f) => [f.id, f.levelMix]));
  const rows: RiskPointRow[] = [];
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const town = rng.weighted(TOWNS, weights);
    const cat = rng.pick(categories);
    const level = rng.weighted(RISK_LEVELS, mix.get(cat.familyId) ?? [3, 12, 38, 47]);
    const [lon, lat] = jitterAround(rng, town, outline);
    const road = `${townShort(town.name)}${rng.pick(ROAD_SUFFIXES)}`;
    const no = rng.int(1, 399);
    const sensors = Array.from(
      { length: rng.int(1, 3) },
      () => `SN-${cat.id.toString().padStart(3, '0')}-${rng.int(0, 999_999).toString().padStart(6, '0')}`,
    );
    rows.push({
      id,
      name: `${road}${no}号${cat.name}`,
      categoryId: cat.id,
      level,
      townCode: town.code,
      address: `重庆市沙坪坝区${town.name}${road}${no}号`,
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      sensorIds: sensors,
      planId: cat.planId,
    });
  }
  return rows;
}
