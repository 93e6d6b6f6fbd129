import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { Locale } from '../i18n/index';

const KEY = 'lianqin.locale';

export const useSettingsStore = defineStore('settings', () => {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  const locale = ref<Locale>(saved === 'en' ? 'en' : 'zh-CN');
  watch(
    locale,
    (l) => {
      localStorage.setItem(KEY, l);
      document.documentElement.lang = l;
    },
    { immediate: true },
  );
  const toggleLocale = () => {
    locale.value = locale.value === 'zh-CN' ? 'en' : 'zh-CN';
  };
  return { locale, toggleLocale };
});
