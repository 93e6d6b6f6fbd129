// The night watch's slice of the map wall's desired state: points a grading model moved (fresh for ten
// minutes after the change) and the open alarms. Starts the stores it reads; plays no tones here (the
// dashboard's alarm panel is where they sound).
import { computed, onBeforeUnmount, ref } from 'vue';
import type { AlarmDesired } from '../../map/layers/alarms';
import type { LevelDesired } from '../../map/layers/levels';
import { useAlarmsStore } from '../../stores/useAlarmsStore';
import { useWatchStore } from '../../stores/useWatchStore';

const FRESH_MS = 10 * 60_000;

export function useWatchDesired(riskVisible: () => boolean) {
  const watch = useWatchStore();
  const alarms = useAlarmsStore();
  void watch.start().catch(() => {});
  void alarms.start(() => false).catch(() => {});
  // "fresh" needs a coarse clock only: the map's desired state must not change every second
  const minute = ref(Date.now());
  const timer = setInterval(() => (minute.value = Date.now()), 30_000);
  onBeforeUnmount(() => clearInterval(timer));
  return computed<{ levels: LevelDesired; alarms: AlarmDesired }>(() => ({
    levels: {
      visible: riskVisible(),
      points: [...watch.moved.values()].map((p) => ({
        id: p.pointId,
        lon: p.lon,
        lat: p.lat,
        level: p.level,
        base: p.base,
        fresh: minute.value - p.changedAt < FRESH_MS,
      })),
    },
    alarms: {
      visible: true,
      // what sounds, where it happens: low-priority alarms are journal only, and a KPI has no place
      alarms: alarms.open
        .filter((a) => a.priority !== 'low' && a.source !== 'indicator')
        .map((a) => ({
          id: a.id,
          lon: a.lon,
          lat: a.lat,
          priority: a.priority,
          state: a.state,
          riskPointId: a.riskPointId,
        })),
    },
  }));
}
