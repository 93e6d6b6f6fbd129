// The video wall's reference data and calls: cameras (by id), towns for grouping, carousel groups,
// platform status (is it simulated?), and the service calls tiles make. DTOs only; players live in
// the tiles' controllers, outside reactivity.
import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import type { CameraGroupDto } from '../../../electron/common/contract';
import type { CameraDto, TownDto } from '../../../electron/common/dto';
import type { CallUpDto, PtzCommand, StreamKind, VideoStatusDto } from '../../../electron/common/video/types';
import { useClient } from '../services/client';

export const useVideoStore = defineStore('video', () => {
  const cameras = shallowRef<CameraDto[]>([]);
  const byId = shallowRef<ReadonlyMap<string, CameraDto>>(new Map());
  const towns = shallowRef<TownDto[]>([]);
  const groups = shallowRef<CameraGroupDto[]>([]);
  const status = shallowRef<VideoStatusDto | null>(null);
  /** the seeded cameras play from the embedded simulator: the screen must say so */
  const simulated = computed(() => !!status.value?.platforms.some((p) => p.simulated));
  let loaded: Promise<void> | null = null;
  const video = () => useClient().get('video');

  function load(): Promise<void> {
    loaded ??= (async () => {
      const c = useClient();
      const [cams, t, g, s] = await Promise.all([
        c.get('cameras').list(),
        c.get('reference').listTowns(),
        video().groups(),
        video().status(),
      ]);
      cameras.value = markRaw(cams);
      byId.value = markRaw(new Map(cams.map((x) => [x.id, x])));
      towns.value = markRaw(t);
      groups.value = markRaw(g);
      status.value = markRaw(s);
    })();
    return loaded;
  }

  const search = async (text: string): Promise<CameraDto[]> =>
    text.trim() ? useClient().get('cameras').search(text, 300) : [];

  return {
    cameras,
    byId,
    towns,
    groups,
    status,
    simulated,
    load,
    search,
    play: (id: string, stream: StreamKind) => video().play(id, stream),
    ptz: (id: string, command: PtzCommand, speed?: number) => video().ptz(id, command, speed),
    presets: (id: string) => video().presets(id),
    gotoPreset: (id: string, preset: number) => video().gotoPreset(id, preset),
    near: (lon: number, lat: number, radiusM?: number) => video().near(lon, lat, radiusM),
    snapshot: (id: string, jpeg: string, incidentId: string | null) => video().snapshot(id, jpeg, incidentId),
    onCallUp: (l: (c: CallUpDto) => void) => video().onDidCallUp(l),
  };
});
