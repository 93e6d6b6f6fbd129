// What the map wall draws for the night watch: points whose level a grading model moved (kept in place
// from sensing.onDidChangeLevel) and the scenario the simulator plays. DTOs only.
import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import type { MovedPoint } from '../../../electron/common/contract/sensing';
import type { LevelChange } from '../../../electron/common/sensors/types';
import { useClient } from '../services/client';

export const useWatchStore = defineStore('watch', () => {
  const moved = shallowRef<ReadonlyMap<number, MovedPoint & { changedAt: number }>>(new Map());
  const recent = shallowRef<readonly LevelChange[]>([]);
  let started: Promise<void> | null = null;
  const sensing = () => useClient().get('sensing');

  function apply(c: LevelChange, lonLat?: { lon: number; lat: number }): void {
    const next = new Map(moved.value);
    const prev = next.get(c.pointId);
    const at = prev ?? lonLat;
    if (at)
      next.set(
        c.pointId,
        markRaw({
          ...(prev ?? { pointId: c.pointId, base: c.from, lon: at.lon, lat: at.lat }),
          level: c.to,
          since: c.at,
          changedAt: c.at,
        }),
      );
    moved.value = next;
    recent.value = [markRaw(c), ...recent.value].slice(0, 50);
  }

  function start(): Promise<void> {
    started ??= (async () => {
      sensing().onDidChangeLevel((c) => {
        if (moved.value.has(c.pointId)) return apply(c);
        // a point moved for the first time: its place comes with the list of moved points
        void sensing()
          .movedPoints()
          .then((list) => {
            const p = list.find((x) => x.pointId === c.pointId);
            apply(c, p);
          });
      });
      const list = await sensing().movedPoints();
      moved.value = new Map(list.map((p) => [p.pointId, markRaw({ ...p, changedAt: p.since })]));
    })();
    return started;
  }

  return { moved, recent, start };
});
