// The map wall's state: reference DTOs, layer toggles, level filter, selection. Large sets (the packed
// risk points) and the Cesium viewer stay outside reactivity; this store holds ids and DTOs only.
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type {
  PackedRiskPoints,
  CameraDto,
  DroneNestDto,
  LevelCounts,
  MapLayersDto,
  RiskCategoryDto,
  RiskFamilyDto,
  RiskPointDetail,
  TownDto,
} from '../../../electron/common/dto';
import { RISK_LEVELS, type RiskLevel } from '../../../electron/common/levels';
import type { LayerId } from '../map/types';
import { useClient } from '../services/client';

export type Selection =
  | { kind: 'risk'; detail: RiskPointDetail }
  | { kind: 'camera'; detail: CameraDto }
  | { kind: 'nest'; detail: DroneNestDto };

export const useRiskMapStore = defineStore('riskmap', () => {
  const towns = shallowRef<TownDto[]>([]);
  const families = shallowRef<RiskFamilyDto[]>([]);
  const categories = shallowRef<RiskCategoryDto[]>([]);
  const nests = shallowRef<DroneNestDto[]>([]);
  const cameras = shallowRef<CameraDto[]>([]);
  const layers = shallowRef<MapLayersDto | null>(null);
  const levelCounts = ref<LevelCounts>({ major: 0, high: 0, moderate: 0, low: 0 });
  const points = shallowRef<PackedRiskPoints | null>(null);
  const visibleLevels = ref<Record<RiskLevel, boolean>>({ major: true, high: true, moderate: true, low: true });
  const visibleLayers = ref<Record<LayerId, boolean>>({
    risk: true,
    cameras: true,
    nests: true,
    outline: true,
    river: true,
    labels: true,
  });
  const selection = shallowRef<Selection | null>(null);
  const loadError = ref<string | null>(null);

  async function load(): Promise<void> {
    const c = useClient();
    const [t, f, cat, n, cams, l, counts, packed] = await Promise.all([
      c.get('reference').listTowns(),
      c.get('reference').listFamilies(),
      c.get('reference').listCategories(),
      c.get('reference').listNests(),
      c.get('cameras').list(),
      c.get('reference').getMapLayers(),
      c.get('riskmap').getLevelCounts(),
      c.get('riskmap').getPackedPoints(),
    ]);
    towns.value = markRaw(t);
    families.value = markRaw(f);
    categories.value = markRaw(cat);
    nests.value = markRaw(n);
    cameras.value = markRaw(cams);
    layers.value = markRaw(l);
    levelCounts.value = counts;
    points.value = markRaw(packed);
  }

  async function selectRisk(id: number) {
    const d = await useClient().get('riskmap').getPoint(id);
    selection.value = d ? { kind: 'risk', detail: d } : null;
  }
  function selectCamera(id: string) {
    const d = cameras.value.find((c) => c.id === id);
    selection.value = d ? { kind: 'camera', detail: d } : null;
  }
  function selectNest(id: string) {
    const d = nests.value.find((x) => x.id === id);
    selection.value = d ? { kind: 'nest', detail: d } : null;
  }
  const clearSelection = () => {
    selection.value = null;
  };
  const toggleLevel = (l: RiskLevel) => {
    visibleLevels.value[l] = !visibleLevels.value[l];
  };
  const toggleLayer = (id: LayerId) => {
    visibleLayers.value[id] = !visibleLayers.value[id];
  };

  /** points per family for the chart */
  function familyCounts(): { family: RiskFamilyDto; count: number }[] {
    const p = points.value;
    if (!p) return [];
    const famOf = new Map(categories.value.map((c) => [c.id, c.familyId]));
    const counts = new Map<string, number>();
    for (let i = 0; i < p.count; i++) {
      const f = famOf.get(p.category[i]);
      if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    return families.value.map((family) => ({ family, count: counts.get(family.id) ?? 0 }));
  }

  return {
    towns,
    families,
    categories,
    nests,
    cameras,
    layers,
    levelCounts,
    points,
    visibleLevels,
    visibleLayers,
    selection,
    loadError,
    levels: RISK_LEVELS,
    load,
    selectRisk,
    selectCamera,
    selectNest,
    clearSelection,
    toggleLevel,
    toggleLayer,
    familyCounts,
  };
});
