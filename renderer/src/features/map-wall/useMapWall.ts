// Wires the store to the Cesium controller: load data, create the viewer, then one sync step that
// pushes desired layer/level state to the map whenever it changes. The controller is never reactive.
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useI18n } from '../../i18n/index';
import type { PickId } from '../../map/cesium';
import { MapWallController } from '../../map/controller';
import { useRiskMapStore } from '../../stores/useRiskMapStore';
import { useClient } from '../../services/client';

export type MapState = 'loading' | 'ready' | 'error';

declare global {
  interface Window {
    __lianqinMap?: MapWallController;
  }
}

export function useMapWall(container: Ref<HTMLElement | null>) {
  const store = useRiskMapStore();
  const { name, locale } = useI18n();
  const state = ref<MapState>('loading');
  const error = ref('');
  const drawn = ref(0);
  /** the incident a dispatch board last asked every map wall to show */
  const focused = ref('');
  let ctl: MapWallController | null = null;
  const offFocus = useClient()
    .get('dispatch')
    .onDidFocus((f) => {
      focused.value = f.id;
      ctl?.markIncident(f.lon, f.lat);
      ctl?.flyTo(f.lon, f.lat, 2_500);
    });

  const onPick = (p: PickId | null) => {
    if (!p) return store.clearSelection();
    if (p.kind === 'risk') void store.selectRisk(p.id);
    else if (p.kind === 'camera') store.selectCamera(p.id);
    else if (p.kind === 'nest') store.selectNest(p.id);
  };

  onMounted(async () => {
    try {
      await store.load();
      if (!container.value || !store.points || !store.layers) throw new Error('map data missing');
      ctl = await MapWallController.create(
        container.value,
        store.points,
        {
          layers: store.layers,
          towns: store.towns,
          cameras: store.cameras,
          nests: store.nests,
          townLabel: (t) => name(t),
          nestLabel: (n) => n.name,
        },
        onPick,
      );
      ctl.apply({ levels: store.visibleLevels, layers: store.visibleLayers });
      drawn.value = ctl.risk.drawnCount;
      // diagnostics for benchmarks and support: only on request
      if (new URLSearchParams(location.search).has('diagnostics')) window.__lianqinMap = ctl;
      state.value = 'ready';
    } catch (e) {
      error.value = (e as Error).message;
      state.value = 'error';
    }
  });

  watch(
    () => [store.visibleLevels, store.visibleLayers],
    () => {
      ctl?.apply({ levels: store.visibleLevels, layers: store.visibleLayers });
    },
    { deep: true },
  );
  watch(locale, () => ctl?.overlays.relabel({ townLabel: (t) => name(t), nestLabel: (n) => n.name }));

  onBeforeUnmount(() => {
    offFocus();
    ctl?.destroy();
    ctl = null;
  });

  return { state, error, drawn, focused, flyTo: (lon: number, lat: number) => ctl?.flyTo(lon, lat) };
}
