// Who sits at this board: the officer signed in at this window (electron/common/officers); on a console
// that does not require sign-in and with nobody signed in, the duty officer's seat, as before sign-in
// existed. Commands carry this actor, the board offers only what it may do (common/dispatch/roles.ts),
// and the console records the signed-in officer whatever a client sends.
import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Actor } from '../../../electron/common/dispatch/types';
import { useSessionStore } from './useSessionStore';

/** the seat of a console nobody has signed in to (the console's own duty officer) */
export const DUTY_SEAT: Actor = { id: 'console-officer', name: '联勤值班员', role: 'officer' };

export const useSeatStore = defineStore('seat', () => {
  const session = useSessionStore();
  const actor = computed<Actor>(() => session.actor ?? DUTY_SEAT);
  const signedIn = computed(() => session.actor !== null);
  return { actor, signedIn };
});
