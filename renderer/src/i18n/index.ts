// UI languages through vue-i18n: zh-CN first, English second; no string is hard-coded in a component.
// Messages are flat keys shared by both files (a unit test keeps them equal), read as they are. The
// locale is set by the settings store (which imports this module; this module imports no store).
import { createI18n } from 'vue-i18n';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const datetimeFormats = {
  'zh-CN': {
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
    short: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false },
    long: {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    },
  },
  en: {
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
    short: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
    long: {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    },
  },
} as const;

const numberFormats = {
  'zh-CN': { integer: { maximumFractionDigits: 0 }, percent: { style: 'percent', maximumFractionDigits: 1 } },
  en: { integer: { maximumFractionDigits: 0 }, percent: { style: 'percent', maximumFractionDigits: 1 } },
} as const;

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // keys are flat ('board.empty', 'board.empty.open' side by side): read them as they are, not as paths
  messageResolver: (messages, key) => ((messages as Record<string, unknown>)[key] as string | undefined) ?? null,
  messages: { 'zh-CN': zhCN, en },
  datetimeFormats,
  numberFormats,
  missingWarn: false,
  fallbackWarn: false,
});

export type DateFormat = keyof (typeof datetimeFormats)['zh-CN'];
export type NumberFormat = keyof (typeof numberFormats)['zh-CN'];

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

/** The components' view of i18n: typed message keys, and names of DTOs in the current language. */
export function useI18n() {
  const g = i18n.global;
  return {
    locale: g.locale,
    t: (key: MessageKey, params?: Record<string, string | number>): string => g.t(key, params ?? {}),
    /** a date/time in the current language (ms since the epoch) */
    d: (ms: number, format: DateFormat = 'long'): string => g.d(ms, format),
    /** a number in the current language */
    n: (x: number, format: NumberFormat = 'integer'): string => g.n(x, format),
    /** the Chinese or English name of a DTO */
    name: (o: { name: string; nameEn?: string }) => (g.locale.value === 'en' && o.nameEn ? o.nameEn : o.name),
  };
}
export type { MessageKey };
