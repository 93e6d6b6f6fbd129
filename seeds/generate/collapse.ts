// The road-collapse pilot (道路塌陷综合风险评估 试点): 4.25 km² around Sanxia Square and Shabin Road as 68
// assessment cells of 250 m (a 7 × 10 grid less two corners; no road network is available here and streets
// are never invented). Surveyed factors are synthetic but deterministic: a dozen or so cells carry the
// findings (radar voids, poor drains, deep fill by the river) that put them at "medium" or above, as the
// article's 16 warnings did; the dynamic factors read the nearest seeded sensor of their kind.
import { COLLAPSE_FACTORS, type CollapseUnit } from '../../electron/common/rules/collapse';
import { haversineM } from '../../electron/common/geo';
import { createRng } from '../../electron/common/prng';
import { distanceToLineM, JIALING_BANK } from './riverDistance';
import type { SensorRow } from './sensing';

export const PILOT = { west: 106.4515, south: 29.5545, cols: 7, rows: 10, cellM: 250 };
const M_PER_DEG = 111_320;
/** cells whose findings put them at medium or above while all is calm */
export const PILOT_FLAGGED = 16;

export function buildCollapseUnits(sensors: readonly SensorRow[]): CollapseUnit[] {
  const rng = createRng(0x5a11);
  const dLat = PILOT.cellM / M_PER_DEG;
  const dLon = PILOT.cellM / (M_PER_DEG * Math.cos(((PILOT.south + 0.011) * Math.PI) / 180));
  const cells: { r: number; c: number; lon: number; lat: number; river: number }[] = [];
  for (let r = 0; r < PILOT.rows; r++) {
    for (let c = 0; c < PILOT.cols; c++) {
      // the two corners farthest from both Sanxia Square and Shabin Road are outside the pilot
      if ((r === PILOT.rows - 1 && c === 0) || (r === 0 && c === PILOT.cols - 1)) continue;
      const lon = PILOT.west + (c + 0.5) * dLon;
      const lat = PILOT.south + (r + 0.5) * dLat;
      cells.push({ r, c, lon, lat, river: distanceToLineM(lon, lat, JIALING_BANK) });
    }
  }
  const hazard = cells.map((x) => rng.next() * 0.4 + (x.river < 400 ? 0.2 : 0));
  const flagged = new Set(
    hazard
      .map((h, i) => [h, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, PILOT_FLAGGED)
      .map(([, i]) => i),
  );
  const byKind = new Map<string, SensorRow[]>();
  for (const s of sensors) {
    if (s.stationId) continue;
    const l = byKind.get(s.kind) ?? [];
    l.push(s);
    byKind.set(s.kind, l);
  }
  const nearest = (kind: string, lon: number, lat: number): string | null => {
    let best: SensorRow | null = null;
    let bestD = Infinity;
    for (const s of byKind.get(kind) ?? []) {
      const d = haversineM(lon, lat, s.lon, s.lat);
      if (d < bestD) [best, bestD] = [s, d];
    }
    return best?.id ?? null;
  };
  return cells.map((x, i) => {
    const level = flagged.has(i) ? 0.66 + rng.next() * 0.22 : 0.15 + hazard[i] * 0.8;
    const statics: Record<string, number> = {};
    const sensorsOf: Record<string, string> = {};
    for (const f of COLLAPSE_FACTORS) {
      if (f.kind === null) {
        statics[f.id] = Math.round(Math.max(0, Math.min(1, level + (rng.next() - 0.5) * 0.3)) * 100) / 100;
      } else if (f.id === 'river-stage') sensorsOf[f.id] = 'HY-CQK-01';
      else {
        const id = nearest(f.kind, x.lon, x.lat);
        if (id) sensorsOf[f.id] = id;
      }
    }
    const label = `${String.fromCharCode(65 + x.r)}${x.c + 1}`;
    return {
      id: `RC-${label}`,
      name: `三峡广场—沙滨路试点 ${label} 网格`,
      nameEn: `Sanxia Square–Shabin Road pilot, cell ${label}`,
      lon: Math.round(x.lon * 1e6) / 1e6,
      lat: Math.round(x.lat * 1e6) / 1e6,
      statics,
      sensors: sensorsOf,
      riverside: x.river < 400,
    };
  });
}
