// Wires the stores to the Cesium controller: load data, create the viewer, then one sync step that
// hands the desired state (computed from the stores) to the map whenever it changes. The controller
// is never reactive.
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useI18n } from '../../i18n/index';
import type { PickId } from '../../map/cesium';
import { MapWallController } from '../../map/controller';
import type { MapDesired } from '../../map/types';
import { schematicMode, useBasemapStore } from '../../stores/useBasemapStore';
import { useDronesStore } from '../../stores/useDronesStore';
import { useWatchDesired } from '../watch/watchDesired';
import { useRiskMapStore } from '../../stores/useRiskMapStore';
import { droneDesired } from '../drones/mapDesired';
import { useWorkspaceStore } from '../../stores/useWorkspaceStore';

export type MapState = 'loading' | 'ready' | 'error';

declare global {
  interface Window {
    __lianqinMap?: MapWallController;
  }
}

export function useMapWall(container: Ref<HTMLElement | null>) {
  const store = useRiskMapStore();
  const workspace = useWorkspaceStore();
  const drones = useDronesStore();
  const basemap = useBasemapStore();
  const watchLayers = useWatchDesired(() => store.visibleLayers.risk);
  const { name, locale } = useI18n();
  const state = ref<MapState>('loading');
  const error = ref('');
  const drawn = ref(0);
  let ctl: MapWallController | null = null;

  /** the incident every window was last asked to show */
  const focused = computed(() => workspace.state.focus?.incidentId ?? '');
  const desired = computed<MapDesired>(() => {
    const on = store.visibleLayers;
    const focus = workspace.state.focus;
    return {
      risk: { visible: on.risk, levels: { ...store.visibleLevels } },
      outline: { visible: on.outline },
      river: { visible: on.river },
      labels: { visible: on.labels, locale: locale.value },
      cameras: { visible: on.cameras },
      nests: { visible: on.nests, locale: locale.value },
      drones: droneDesired(on.nests, drones.docks, drones.aircraft, drones.trails),
      focus: focus ? { seq: focus.seq, lon: focus.lon, lat: focus.lat } : null,
      basemap: basemap.desired,
      ...watchLayers.value,
    };
  });

  const onPick = (p: PickId | null) => {
    if (!p) return store.clearSelection();
    if (p.kind === 'risk') void store.selectRisk(p.id);
    else if (p.kind === 'camera') {
      store.selectCamera(p.id);
      // every video wall plays it in its selected tile
      void workspace.selectCamera(p.id);
    } else if (p.kind === 'nest') store.selectNest(p.id);
    else if (p.kind === 'alarm' && p.riskPointId !== null) void store.selectRisk(p.riskPointId);
  };

  onMounted(async () => {
    try {
      // without the maps service (an older console) the map still opens, on Cesium's own imagery
      await Promise.all([store.load(), workspace.start(), basemap.start().catch(() => {})]);
      // drones join when they can; the map does not wait for them
      void drones.start().catch(() => {});
      if (!container.value || !store.points || !store.layers) throw new Error('map data missing');
      ctl = await MapWallController.create(
        container.value,
        {
          points: store.points,
          layers: store.layers,
          towns: store.towns,
          cameras: store.cameras,
          nests: store.nests,
          townLabel: (t) => name(t),
          nestLabel: (n) => n.name,
          schematic: basemap.schematic ?? undefined,
          schematicMode: schematicMode(),
        },
        onPick,
      );
      ctl.sync(desired.value);
      drawn.value = ctl.risk.drawnCount;
      // diagnostics for benchmarks and support: only on request
      if (new URLSearchParams(location.search).has('diagnostics')) window.__lianqinMap = ctl;
      state.value = 'ready';
    } catch (e) {
      error.value = (e as Error).message;
      state.value = 'error';
    }
  });

  watch(desired, (d) => ctl?.sync(d));

  onBeforeUnmount(() => {
    ctl?.destroy();
    ctl = null;
  });

  return {
    state,
    error,
    drawn,
    focused,
    flyTo: (lon: number, lat: number) => ctl?.flyTo(lon, lat),
    viewBBox: () => ctl?.viewBBox() ?? null,
  };
}
