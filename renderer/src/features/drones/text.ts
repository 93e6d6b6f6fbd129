// Words and colours for drone states, from the DTOs' codes and numbers (the host's ready-made texts
// are for logs and HTTP clients; windows word things in their own language).
import type { CommandDto } from '../../../../electron/common/drones/commands';
import type { DockDto, ReadinessReason } from '../../../../electron/common/drones/types';
import type { MessageKey } from '../../i18n/index';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const round = (x: number | null, digits = 0) => (x === null ? '—' : x.toFixed(digits));

export function reasonText(t: T, r: ReadinessReason): string {
  switch (r.code) {
    case 'rain':
      return t('drones.reason.rain', { level: t(`drones.rain.${r.value ?? 0}` as MessageKey) });
    case 'wind':
      return t('drones.reason.wind', { value: round(r.value, 1), limit: round(r.limit) });
    default:
      return t(`drones.reason.${r.code}` as MessageKey, { value: round(r.value), limit: round(r.limit) });
  }
}

export type Tone = 'ready' | 'not-ready' | 'offline';

export const toneOf = (d: Pick<DockDto, 'online' | 'readiness'>): Tone =>
  !d.online ? 'offline' : d.readiness.ready ? 'ready' : 'not-ready';

export const TONE_COLOUR: Record<Tone, string> = { ready: '#4ade80', 'not-ready': '#f59e0b', offline: '#64748b' };

export const toneKey = (tone: Tone): MessageKey =>
  tone === 'ready' ? 'drones.ready' : tone === 'offline' ? 'drones.offline' : 'drones.notReady';

/** The outcome in the window's language: the DJI code's words come from the host in both languages. */
export function commandOutcome(c: CommandDto, locale: string): string {
  const msg = locale === 'en' ? (c.messageEn ?? c.message) : c.message;
  return msg ?? '';
}

export const km = (m: number) => (m / 1000).toFixed(1);
export const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));

const FLIGHT_STATUSES = new Set([
  'sent',
  'in_progress',
  'ok',
  'paused',
  'rejected',
  'failed',
  'canceled',
  'timeout',
  'partially_done',
  'wayline_sent',
  'wayline_progress',
  'wayline_ok',
  'wayline_failed',
  'wayline_cancel',
]);

/** A DJI task status in words; one the table does not know is shown as the dock sent it. */
export const flightStatusText = (t: T, status: string): string =>
  FLIGHT_STATUSES.has(status) ? t(`drones.status.${status}` as MessageKey) : status;
