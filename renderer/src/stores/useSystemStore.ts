// Console-wide status: host version, counts, seed progress (first start), connection.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SeedProgress, SystemInfo } from '../../../electron/common/dto';
import { useClient } from '../services/client';

export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null);
  const seed = ref<SeedProgress>({ phase: 'checking', step: 'start', done: 0, total: 1 });
  const ready = computed(() => seed.value.phase === 'ready');
  /** the last progress of every phase seen, in order: one bar each */
  const phases = ref<SeedProgress[]>([]);
  const track = (p: SeedProgress) => {
    seed.value = p;
    if (p.phase !== 'seeding' || p.step === 'generate') return;
    const k = phases.value.findIndex((x) => x.step === p.step);
    if (k >= 0) phases.value[k] = p;
    else phases.value.push(p);
  };
  let started = false;

  /** Resolves once the store is seeded; shows progress meanwhile. */
  async function start(): Promise<void> {
    if (started) return;
    started = true;
    const system = useClient().get('system');
    const seeded = new Promise<void>((resolve) => {
      system.onDidSeedProgress((p) => {
        track(p);
        if (p.phase === 'ready') resolve();
      });
      // ask after subscribing so no progress is missed between the two
      void system.getInfo().then((i) => {
        info.value = i;
        if (i.seed.phase === 'ready' || seed.value.phase === 'checking') seed.value = i.seed;
        if (i.seed.phase === 'ready') resolve();
      });
    });
    await seeded;
    info.value = await system.getInfo();
  }

  return { info, seed, phases, ready, start };
});
