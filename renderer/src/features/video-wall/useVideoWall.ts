// The video wall's state and rules: layout, which camera is on which tile, the selected and the
// maximised tile, the carousel, call-ups ("cameras near the scene") and the workspace's selected
// camera. Layouts are kept per workstation through the workspace service. Players are not here:
// each tile owns its controller.
import { computed, onBeforeUnmount, reactive, ref, shallowRef, watch } from 'vue';
import { carouselAt } from '../../../../electron/common/video/carousel';
import { isLayoutId, layoutFor, tileCount, wallLayout, type LayoutId } from '../../../../electron/common/video/layouts';
import type { CompassPoint, NearCameraDto } from '../../../../electron/common/video/types';
import { useClient } from '../../services/client';
import { useVideoStore } from '../../stores/useVideoStore';
import { useWorkspaceStore } from '../../stores/useWorkspaceStore';

export const MAX_TILES = 16;
export const CAROUSEL_INTERVALS_S = [10, 30, 60, 300] as const;

export interface NearInfo {
  lon: number;
  lat: number;
  radiusM: number;
  widened: boolean;
  incidentId: string | null;
  count: number;
}

interface SavedLayout {
  layout: LayoutId;
  cameras: (string | null)[];
  carousel: { on: boolean; intervalS: number; groupId: string };
}

export function useVideoWall() {
  const video = useVideoStore();
  const workspace = useWorkspaceStore();
  const layout = ref<LayoutId>('4');
  const assigned = ref<(string | null)[]>(Array(MAX_TILES).fill(null));
  const labels = shallowRef<ReadonlyMap<string, { distanceM: number; compass: CompassPoint }>>(new Map());
  const selected = ref(0);
  const maximised = ref<number | null>(null);
  const muted = ref(true);
  const near = shallowRef<NearInfo | null>(null);
  const carousel = reactive({ on: false, intervalS: 30, groupId: 'flood-season', startedAt: 0, page: 0, pageCount: 0 });
  let carouselTimer: ReturnType<typeof setTimeout> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let restoring = true;

  const wall = computed(() => wallLayout(layout.value));
  const tiles = computed(() => wall.value.tiles.map((rect, i) => ({ index: i, rect, cameraId: assigned.value[i] })));
  const group = (id: string) => video.groups.find((g) => g.id === id)?.cameraIds ?? [];

  function setLayout(id: LayoutId): void {
    layout.value = id;
    if (selected.value >= tileCount(id)) selected.value = 0;
    if (maximised.value !== null && maximised.value >= tileCount(id)) maximised.value = null;
    if (carousel.on) turnCarousel();
  }

  function assign(tile: number, cameraId: string | null): void {
    if (tile < 0 || tile >= tileCount(layout.value)) return;
    stopCarousel();
    const next = [...assigned.value];
    next[tile] = cameraId;
    assigned.value = next;
  }

  function fill(ids: readonly string[]): void {
    const n = tileCount(layout.value);
    assigned.value = Array.from({ length: MAX_TILES }, (_, i) => (i < n ? (ids[i] ?? null) : null));
  }

  /** the wall shows the cameras near a point: layout sized to them, each labelled with distance and bearing */
  function showNear(
    scene: { cameras: NearCameraDto[]; lon: number; lat: number; radiusM: number; widened: boolean },
    incidentId: string | null,
  ) {
    stopCarousel();
    maximised.value = null;
    const ids = scene.cameras.map((c) => c.id);
    layout.value = layoutFor(Math.max(ids.length, 4));
    labels.value = new Map(scene.cameras.map((c) => [c.id, { distanceM: c.distanceM, compass: c.compass }]));
    near.value = {
      lon: scene.lon,
      lat: scene.lat,
      radiusM: scene.radiusM,
      widened: scene.widened,
      incidentId,
      count: ids.length,
    };
    fill(ids);
    selected.value = 0;
  }

  function turnCarousel(): void {
    if (carouselTimer) clearTimeout(carouselTimer);
    const ids = group(carousel.groupId);
    if (!ids.length) return;
    const p = carouselAt(ids, tileCount(layout.value), carousel.intervalS, carousel.startedAt, Date.now());
    carousel.page = p.page;
    carousel.pageCount = p.pageCount;
    fill(p.cameraIds);
    carouselTimer = setTimeout(turnCarousel, Math.max(50, p.nextAt - Date.now()));
  }

  function startCarousel(intervalS = carousel.intervalS, groupId = carousel.groupId): void {
    Object.assign(carousel, { on: true, intervalS, groupId, startedAt: Date.now() });
    near.value = null;
    labels.value = new Map();
    turnCarousel();
  }

  function stopCarousel(): void {
    if (carouselTimer) clearTimeout(carouselTimer);
    carouselTimer = null;
    carousel.on = false;
  }

  const toggleMaximise = (tile: number) => {
    maximised.value = maximised.value === tile ? null : tile;
    selected.value = tile;
  };

  function save(): void {
    if (restoring) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const s: SavedLayout = {
        layout: layout.value,
        cameras: assigned.value.slice(0, tileCount(layout.value)),
        carousel: { on: carousel.on, intervalS: carousel.intervalS, groupId: carousel.groupId },
      };
      void useClient()
        .get('workspace')
        .setLayout('video-wall', s as unknown as Record<string, unknown>);
    }, 400);
  }

  /** URL first (?layout=16, ?near=lon,lat&radius=m), else what this workstation last had, else four from the group */
  async function start(): Promise<void> {
    await Promise.all([video.load(), workspace.start()]);
    const q = new URLSearchParams(location.search);
    const nearParam = q.get('near');
    if (nearParam) {
      const [lon, lat] = nearParam.split(',').map(Number);
      const radius = q.get('radius') ? Number(q.get('radius')) : undefined;
      if (Number.isFinite(lon) && Number.isFinite(lat)) showNear(await video.near(lon, lat, radius), null);
    } else if (isLayoutId(q.get('layout'))) {
      layout.value = q.get('layout') as LayoutId;
      fill(group('flood-season'));
    } else {
      const saved = (await useClient().get('workspace').getLayout('video-wall')) as unknown as SavedLayout | null;
      if (saved && isLayoutId(saved.layout)) {
        layout.value = saved.layout;
        fill((saved.cameras ?? []).map((id) => (id && video.byId.has(id) ? id : null)) as string[]);
        if (saved.carousel?.on) startCarousel(saved.carousel.intervalS, saved.carousel.groupId);
      } else fill(group('flood-season'));
    }
    restoring = false;
  }

  const offCallUp = video.onCallUp((c) => showNear(c, c.incidentId));
  // a camera chosen anywhere (the map wall, the board) plays in the selected tile
  watch(
    () => workspace.state.selectedCameraId,
    (id) => {
      if (id && !restoring && video.byId.has(id)) assign(selected.value, id);
    },
  );
  watch([layout, assigned, () => carousel.on, () => carousel.intervalS], save);

  onBeforeUnmount(() => {
    offCallUp();
    stopCarousel();
    if (saveTimer) clearTimeout(saveTimer);
  });

  return {
    layout,
    wall,
    tiles,
    assigned,
    labels,
    selected,
    maximised,
    muted,
    near,
    carousel,
    start,
    setLayout,
    assign,
    showNear,
    startCarousel,
    stopCarousel,
    toggleMaximise,
  };
}
