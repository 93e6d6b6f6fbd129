// Tiny i18n: zh-CN first, English second; no string is hard-coded in a component.
import { computed } from 'vue';
import { useSettingsStore } from '../stores/useSettingsStore';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`)) : text;
}

export function useI18n() {
  const settings = useSettingsStore();
  const locale = computed(() => settings.locale);
  return {
    locale,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(settings.locale, key, params),
    /** picks the Chinese or English name of a DTO */
    name: (o: { name: string; nameEn?: string }) => (settings.locale === 'en' && o.nameEn ? o.nameEn : o.name),
  };
}
export type { MessageKey };
