// Basemaps as windows see them: every layer the console can draw (schematic basemap, MBTiles files,
// web sources with their caches), the base and overlays chosen on this workstation (kept locally), the
// schematic basemap's open data for labels, and region downloads with their progress.
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { DownloadAction } from '../../../electron/common/contract/maps';
import type { DownloadEstimate, DownloadRequest, DownloadStatus } from '../../../electron/common/tiles/download';
import type { MapLayer } from '../../../electron/common/tiles/layers';
import { SCHEMATIC_ID, type SchematicData } from '../../../electron/common/tiles/schematic';
import type { SourceInput } from '../../../electron/common/tiles/sources';
import type { BasemapDesired, BasemapEntry } from '../map/layers/basemap';
import { useClient } from '../services/client';

const BASE_KEY = 'lianqin.basemap.base';
const OVERLAYS_KEY = 'lianqin.basemap.overlays';

function stored<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : (JSON.parse(v) as T);
  } catch {
    return fallback;
  }
}

/**
 * How the schematic basemap is drawn. Measured on SwiftShader (tests/bench/basemap.bench.ts): vector
 * primitives paint first in about the time of the map itself (10.6 s vs 12.2 s without a basemap) and keep
 * street-level frames near the no-basemap cost (378 vs 337 ms), where raster tiles (reprojected Web
 * Mercator textures) took 23.7 s and 681 ms. ?schematic=raster|vector overrides (benchmarks).
 */
export const SCHEMATIC_MODE: 'raster' | 'vector' = 'vector';
export function schematicMode(): 'raster' | 'vector' {
  const q = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('schematic');
  return q === 'vector' || q === 'raster' ? q : SCHEMATIC_MODE;
}

export const useBasemapStore = defineStore('basemap', () => {
  const layers = shallowRef<readonly MapLayer[]>([]);
  const baseId = ref<string>(stored(BASE_KEY, SCHEMATIC_ID));
  const overlayIds = ref<string[]>(stored(OVERLAYS_KEY, []));
  const schematic = shallowRef<SchematicData | null>(null);
  const downloads = shallowRef<ReadonlyMap<string, DownloadStatus>>(new Map());
  const rev = ref(0);
  const error = ref('');
  let started: Promise<void> | null = null;
  const maps = () => useClient().get('maps');

  async function refresh(): Promise<void> {
    layers.value = markRaw(await maps().layers());
    // '' is no basemap (Cesium's own world imagery); a base that is gone falls back to the schematic one
    if (baseId.value && !layers.value.some((l) => l.id === baseId.value)) baseId.value = SCHEMATIC_ID;
  }

  function start(): Promise<void> {
    started ??= (async () => {
      const [, data, list] = await Promise.all([refresh(), maps().schematic(), maps().downloads()]);
      schematic.value = markRaw(data);
      downloads.value = new Map(list.map((d) => [d.id, markRaw(d)]));
      maps().onDidChangeLayers(() => void refresh());
      maps().onDidChangeDownload((d) => {
        const next = new Map(downloads.value);
        const before = next.get(d.id);
        next.set(d.id, markRaw(d));
        downloads.value = next;
        // finished: tiles of that source may be new; the layer list shows what is held now
        if (before?.state !== d.state && d.state !== 'running') {
          rev.value++;
          void refresh();
        }
      });
    })();
    return started;
  }

  const entry = (l: MapLayer): BasemapEntry => ({
    id: l.id,
    url: l.tileUrl,
    minZoom: l.minZoom,
    maxZoom: l.maxZoom,
    corrected: l.corrected,
    bounds: l.bounds,
  });

  const base = computed(() => layers.value.find((l) => l.id === baseId.value) ?? null);
  const overlays = computed(() => layers.value.filter((l) => overlayIds.value.includes(l.id) && l.id !== baseId.value));
  const desired = computed<BasemapDesired>(() => ({
    base: base.value ? entry(base.value) : null,
    overlays: overlays.value.map(entry),
    rev: rev.value,
  }));

  function setBase(id: string): void {
    baseId.value = id;
    localStorage.setItem(BASE_KEY, JSON.stringify(id));
  }

  function toggleOverlay(id: string): void {
    overlayIds.value = overlayIds.value.includes(id)
      ? overlayIds.value.filter((x) => x !== id)
      : [...overlayIds.value, id];
    localStorage.setItem(OVERLAYS_KEY, JSON.stringify(overlayIds.value));
  }

  async function addSource(input: SourceInput): Promise<MapLayer> {
    const l = await maps().addSource(input);
    await refresh();
    return l;
  }

  async function removeSource(id: string): Promise<void> {
    await maps().removeSource(id);
    await refresh();
  }

  const estimate = (req: DownloadRequest): Promise<DownloadEstimate> => maps().estimateDownload(req);

  async function startDownload(req: DownloadRequest): Promise<DownloadStatus> {
    const s = await maps().startDownload(req);
    downloads.value = new Map(downloads.value).set(s.id, markRaw(s));
    return s;
  }

  async function control(id: string, action: DownloadAction): Promise<void> {
    const s = await maps().controlDownload(id, action);
    downloads.value = new Map(downloads.value).set(s.id, markRaw(s));
  }

  return {
    layers,
    baseId,
    overlayIds,
    schematic,
    downloads,
    error,
    base,
    overlays,
    desired,
    start,
    refresh,
    setBase,
    toggleOverlay,
    addSource,
    removeSource,
    estimate,
    startDownload,
    control,
  };
});
