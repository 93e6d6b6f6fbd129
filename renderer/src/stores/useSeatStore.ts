// Who sits at this board: the duty officer by default, or a shift leader, a district leader or a
// department's liaison. Commands carry this seat as their actor and the board offers only what the
// seat may do (electron/common/dispatch/roles.ts). Kept per workstation until sign-in replaces it.
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Actor } from '../../../electron/common/dispatch/types';

const KEY = 'lianqin.seat';
export type SeatRole = 'officer' | 'supervisor' | 'leader' | 'department';
export interface Seat {
  role: SeatRole;
  departmentId?: string;
}

function load(): Seat {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Seat | null;
    if (s && ['officer', 'supervisor', 'leader', 'department'].includes(s.role)) return s;
  } catch {
    /* a damaged setting falls back to the duty seat */
  }
  return { role: 'officer' };
}

export const useSeatStore = defineStore('seat', () => {
  const seat = ref<Seat>(typeof localStorage === 'undefined' ? { role: 'officer' } : load());
  watch(seat, (s) => localStorage.setItem(KEY, JSON.stringify(s)), { deep: true });

  /** the actor commands are sent as; `departmentName` names a liaison's department */
  const actorWith = (departmentName: (id: string) => string) =>
    computed<Actor>(() => {
      const s = seat.value;
      if (s.role === 'department' && s.departmentId) {
        return {
          id: `liaison-${s.departmentId}`,
          name: `${departmentName(s.departmentId)}联络员`.slice(0, 64),
          role: 'department',
          departmentId: s.departmentId,
        };
      }
      if (s.role === 'supervisor') return { id: 'seat-supervisor', name: '值班长', role: 'supervisor' };
      if (s.role === 'leader') return { id: 'seat-leader', name: '区领导', role: 'leader' };
      return { id: 'console-officer', name: '联勤值班员', role: 'officer' };
    });

  return { seat, actorWith };
});
