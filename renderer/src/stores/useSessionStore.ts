// Who is signed in at this window: the session of its connection (resumed from the workstation's token),
// sign-in, sign-out, and the idle lock — after `idleLockMs` without input the window locks until the
// officer types the password again. The signed-in officer is the actor of everything the window does.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Actor } from '../../../electron/common/dispatch/types';
import { isIdle } from '../../../electron/common/officers/idle';
import { actorOf, type SessionInfo } from '../../../electron/common/officers/types';
import { RpcCallError } from '../../../electron/common/rpc/protocol';
import { useClient } from '../services/client';
import { sessionToken } from '../services/sessionToken';

export type SessionError =
  | { key: 'session.err.bad' | 'session.err.ended' | 'session.err.other'; msg?: string }
  | {
      key: 'session.err.locked';
      s: number;
    };

/** `?idleLockS=<n>` shortens the idle lock for this window (never lengthens what the console set). */
function idleOverrideMs(): number | null {
  const v = Number(new URLSearchParams(location.search).get('idleLockS'));
  return Number.isFinite(v) && v > 0 ? v * 1000 : null;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'pointermove', 'touchstart'] as const;

export const useSessionStore = defineStore('session', () => {
  const info = shallowRef<SessionInfo | null>(null);
  const locked = ref(false);
  const error = shallowRef<SessionError | null>(null);
  const busy = ref(false);
  const officer = computed(() => info.value?.officer ?? null);
  const actor = computed<Actor | null>(() => (officer.value ? actorOf(officer.value) : null));
  /** this window may do nothing until someone signs in */
  const required = computed(() => info.value?.required ?? false);
  const idleLockMs = computed(() => {
    const own = info.value?.idleLockMs ?? 0;
    const o = idleOverrideMs();
    return o !== null && (own === 0 || o < own) ? o : own;
  });
  let lastInput = Date.now();
  let started: Promise<void> | null = null;
  const svc = () => useClient().get('session');

  function apply(s: SessionInfo): void {
    info.value = s;
    if (!s.officer) locked.value = false;
    if (sessionToken.get() !== s.token) sessionToken.set(s.token);
  }

  function failure(e: unknown): SessionError {
    const err = e instanceof RpcCallError ? e : null;
    const retry = (err?.details as { retryAfterS?: number } | undefined)?.retryAfterS;
    if (retry) return { key: 'session.err.locked', s: retry };
    if (err?.code === 'unauthorized' && /ended/.test(err.message)) return { key: 'session.err.ended' };
    if (err?.code === 'unauthorized') return { key: 'session.err.bad' };
    return { key: 'session.err.other', msg: (e as Error)?.message ?? String(e) };
  }

  /** asks the console again (another window signed in or out, or a call was refused as unauthorized) */
  async function refresh(): Promise<void> {
    const token = sessionToken.get();
    try {
      apply(token ? await svc().resume(token) : await svc().current());
    } catch {
      sessionToken.set(null);
      apply(await svc().current());
    }
  }

  function start(): Promise<void> {
    started ??= (async () => {
      await refresh();
      sessionToken.onChange(() => void refresh().catch(() => {}));
      const seen = () => (lastInput = Date.now());
      for (const ev of INPUT_EVENTS) window.addEventListener(ev, seen, { capture: true, passive: true });
      setInterval(() => {
        if (officer.value && !locked.value && isIdle(lastInput, Date.now(), idleLockMs.value)) locked.value = true;
      }, 1000);
    })();
    return started;
  }

  async function run(fn: () => Promise<SessionInfo>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      apply(await fn());
      lastInput = Date.now();
      return true;
    } catch (e) {
      error.value = failure(e);
      if (error.value.key === 'session.err.ended') await refresh().catch(() => {});
      return false;
    } finally {
      busy.value = false;
    }
  }

  const signIn = (officerId: string, password: string) => run(() => svc().signIn(officerId, password));
  const unlock = async (password: string) => {
    const ok = await run(() => svc().unlock(password));
    if (ok) locked.value = false;
    return ok;
  };
  const signOut = () => run(() => svc().signOut());
  const clearError = () => (error.value = null);

  return {
    info,
    officer,
    actor,
    required,
    locked,
    error,
    busy,
    idleLockMs,
    start,
    refresh,
    signIn,
    unlock,
    signOut,
    clearError,
  };
});
