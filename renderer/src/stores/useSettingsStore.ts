// Per-workstation UI settings kept in the browser's storage: the UI language.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { LOCALES, setLocale, type Locale } from '../i18n/index';

const KEY = 'lianqin.locale';

export const useSettingsStore = defineStore('settings', () => {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  const locale = ref<Locale>(LOCALES.includes(saved as Locale) ? (saved as Locale) : 'zh-CN');
  watch(
    locale,
    (l) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, l);
      setLocale(l);
    },
    { immediate: true },
  );
  const toggleLocale = () => {
    locale.value = locale.value === 'zh-CN' ? 'en' : 'zh-CN';
  };
  return { locale, toggleLocale };
});
