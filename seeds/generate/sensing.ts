// The night watch's seed: a sensor for every id the risk points link (kind from the category, thresholds
// from the kind or the category), the river stations' gauges with their real levels, the Ciqikou stage at
// which each point by the Jialing floods, the road-collapse pilot's assessment units, the KPI library and
// the scripted scenarios. Deterministic: the same district gives the same sensing.
import { buildIndicatorLibrary, type IndicatorDef } from '../../electron/common/indicators/indicators';
import type { CollapseUnit } from '../../electron/common/rules/collapse';
import type { StationDef } from '../../electron/common/flood/types';
import { createRng, fnv1a } from '../../electron/common/prng';
import type { RuleSpec } from '../../electron/common/rules/threshold';
import { SENSOR_KIND_DEFS, type SensorKind } from '../../electron/common/sensors/kinds';
import type { Scenario } from '../../electron/common/sensors/scenario';
import { CALM_STAGE_M, CIQIKOU_TOWN, STATIONS } from '../reference/hydrology';
import { CATEGORY_CALM, CATEGORY_KINDS, CATEGORY_RULES, FAMILY_KINDS } from '../reference/sensorLinks';
import { buildCollapseUnits } from './collapse';
import { distanceToLineM, JIALING_BANK } from './riverDistance';
import type { SeedBundle } from './model';
import { buildScenarios } from './scenarios';

export interface SensorRow {
  id: string;
  kind: SensorKind;
  riskPointId: number | null;
  stationId: string | null;
  townCode: string | null;
  name: string;
  lon: number;
  lat: number;
  rule: RuleSpec;
  intervalS: number;
}

export interface SensingBundle {
  sensors: SensorRow[];
  stations: StationDef[];
  /** the simulator's calm value where a sensor's differs from its kind's */
  calm: Record<string, number>;
  exposure: { pointId: number; stationId: string; floodStageM: number }[];
  collapseUnits: CollapseUnit[];
  indicators: IndicatorDef[];
  scenarios: Scenario[];
}

/** Points within this distance of the Jialing are exposed to its stage. */
export const EXPOSURE_BAND_M = 800;

export function buildSensing(b: SeedBundle): SensingBundle {
  const cats = new Map(b.categories.map((c) => [c.id, c]));
  const sensors: SensorRow[] = [];
  const calm: Record<string, number> = {};
  const seen = new Set<string>();
  for (const p of b.riskPoints) {
    const cat = cats.get(p.categoryId)!;
    const kinds = CATEGORY_KINDS[cat.name] ?? FAMILY_KINDS[cat.familyId] ?? ['temperature'];
    p.sensorIds.forEach((id, i) => {
      // a handful of ids are linked by two points: the device is one, owned by the first
      if (seen.has(id)) return;
      seen.add(id);
      const kind = kinds[i % kinds.length];
      const k = SENSOR_KIND_DEFS[kind];
      const override = CATEGORY_RULES[cat.name]?.[kind];
      const c = CATEGORY_CALM[cat.name]?.[kind];
      if (c !== undefined) calm[id] = c;
      sensors.push({
        id,
        kind,
        riskPointId: p.id,
        stationId: null,
        townCode: p.townCode,
        name: `${p.name} ${k.name}`,
        lon: p.lon,
        lat: p.lat,
        rule: override ? { ...k.rule, ...override } : k.rule,
        intervalS: k.intervalS,
      });
    });
  }
  for (const s of STATIONS) {
    const k = SENSOR_KIND_DEFS['water-level'];
    calm[s.sensorId] = CALM_STAGE_M[s.id];
    sensors.push({
      id: s.sensorId,
      kind: 'water-level',
      riskPointId: null,
      stationId: s.id,
      townCode: s.id === 'cqk' ? CIQIKOU_TOWN : null,
      name: `${s.river}${s.name}水文站`,
      lon: s.lon,
      lat: s.lat,
      rule: {
        ...k.rule,
        warning: s.warningM,
        critical: s.guaranteeM,
        recovery: Math.round((s.warningM - 0.3) * 100) / 100,
      },
      intervalS: k.intervalS,
    });
  }

  const present = new Map<SensorKind, Set<string>>();
  for (const s of sensors) {
    if (!s.townCode) continue;
    const set = present.get(s.kind) ?? new Set<string>();
    set.add(s.townCode);
    present.set(s.kind, set);
  }
  return {
    sensors,
    stations: [...STATIONS],
    calm,
    exposure: buildExposure(b),
    collapseUnits: buildCollapseUnits(sensors),
    indicators: buildIndicatorLibrary(present, b.towns),
    scenarios: buildScenarios(sensors),
  };
}

/**
 * The Ciqikou stage at which each point near the river floods: higher the farther from the bank (the
 * banks rise steeply), from 183 m at the water's edge to about 203 m at 800 m; Ciqikou's old town lies
 * low (it was under water at 194 m in 2020). Our estimate for the seed, not surveyed.
 */
function buildExposure(b: SeedBundle): SensingBundle['exposure'] {
  const out: SensingBundle['exposure'] = [];
  for (const p of b.riskPoints) {
    const d = distanceToLineM(p.lon, p.lat, JIALING_BANK);
    if (d > EXPOSURE_BAND_M) continue;
    const jitter = (createRng(fnv1a(`flood-${p.id}`)).next() - 0.5) * 1.5;
    const low = p.townCode === CIQIKOU_TOWN ? -3 : 0;
    const stage = 183 + (d / EXPOSURE_BAND_M) * 20 + jitter + low;
    out.push({ pointId: p.id, stationId: 'cqk', floodStageM: Math.round(Math.max(181, stage) * 100) / 100 });
  }
  return out;
}
