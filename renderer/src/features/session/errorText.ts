// A sign-in refusal in the officer's language.
import type { SessionError } from '../../stores/useSessionStore';
import type { MessageKey } from '../../i18n/index';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function errorText(t: T, e: SessionError): string {
  if (e.key === 'session.err.locked') return t(e.key, { s: e.s });
  if (e.key === 'session.err.other') return t(e.key, { msg: e.msg ?? '' });
  return t(e.key);
}
