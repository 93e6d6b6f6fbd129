// The night theme for the small hours: automatic (22:00–06:00 China time), always, or never, kept per
// workstation; applied to the page as data-theme="night" (shell/night.css dims and warms the colours).
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { isSmallHours } from '../../../electron/common/handover/shifts';
import '../shell/night.css';

const KEY = 'lianqin.theme';
export type ThemeMode = 'auto' | 'night' | 'day';
const MODES: ThemeMode[] = ['auto', 'night', 'day'];

export const useThemeStore = defineStore('theme', () => {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  const mode = ref<ThemeMode>(MODES.includes(saved as ThemeMode) ? (saved as ThemeMode) : 'auto');
  const now = ref(Date.now());
  if (typeof window !== 'undefined') setInterval(() => (now.value = Date.now()), 60_000);
  const night = computed(() => mode.value === 'night' || (mode.value === 'auto' && isSmallHours(now.value)));
  watch(
    [mode, night],
    ([m, n]) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, m);
      if (typeof document !== 'undefined') document.documentElement.dataset.theme = n ? 'night' : 'day';
    },
    { immediate: true },
  );
  const cycle = () => (mode.value = MODES[(MODES.indexOf(mode.value) + 1) % MODES.length]);
  return { mode, night, cycle };
});
