// Alarms as a window sees them: the open ones kept in place from alarms.onDidChange, the desk this
// workstation answers for (kept per workstation), floods grouped per desk, and the tones that are due —
// one per flood, one per other alarm that sounds here, louder once escalated. DTOs only (markRaw).
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import {
  annunciation,
  byPriority,
  floods as floodsOf,
  TONE_POLICY,
} from '../../../electron/common/alarms/annunciation';
import {
  ALARM_SEATS,
  ESCALATION_SEAT,
  type Alarm,
  type AlarmPriority,
  type AlarmSeat,
  type ShelveRequest,
} from '../../../electron/common/alarms/types';
import { useClient } from '../services/client';

const KEY = 'lianqin.alarmDesk';
export type AlarmDesk = AlarmSeat | 'all';

function loadDesk(): AlarmDesk {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return v && (ALARM_SEATS as readonly string[]).includes(v) ? (v as AlarmSeat) : 'all';
}

export const useAlarmsStore = defineStore('alarms', () => {
  const byId = shallowRef<ReadonlyMap<string, Alarm>>(new Map());
  const desk = ref<AlarmDesk>(loadDesk());
  const now = ref(Date.now());
  /** how many tones this window asked to play (tests read it as data-tones) */
  const tones = ref(0);
  const muted = ref(false);
  const lastTone = new Map<string, number>();
  watch(desk, (d) => typeof localStorage !== 'undefined' && localStorage.setItem(KEY, d));
  const alarms = () => useClient().get('alarms');
  let started: Promise<void> | null = null;

  const mine = (a: Alarm) =>
    desk.value === 'all' || a.seat === desk.value || (desk.value === ESCALATION_SEAT && a.escalatedAt !== null);
  const open = computed(() => [...byId.value.values()].filter((a) => a.state !== 'cleared').sort(byPriority));
  const visible = computed(() => open.value.filter(mine));
  const floods = computed(() =>
    floodsOf(open.value, now.value).filter((f) => desk.value === 'all' || f.seat === desk.value),
  );
  const inFlood = computed(() => new Set(floods.value.flatMap((f) => f.alarmIds)));

  function apply(a: Alarm): void {
    const next = new Map(byId.value);
    if (a.state === 'cleared') next.delete(a.id);
    else next.set(a.id, markRaw(a));
    byId.value = next;
  }

  /** Plays what is due now: one tone per flood banner, and each other alarm on its repeat. */
  function sound(play: (p: AlarmPriority, loud: boolean) => boolean): void {
    const t = now.value;
    for (const f of floods.value) {
      if ((lastTone.get(`flood:${f.seat}`) ?? 0) + 15_000 > t) continue;
      lastTone.set(`flood:${f.seat}`, t);
      if (!muted.value) play(f.priority, false);
      tones.value++;
    }
    for (const a of open.value) {
      if (inFlood.value.has(a.id)) continue;
      const an = annunciation(a, t);
      if (!an || !(desk.value === 'all' || an.seats.includes(desk.value as AlarmSeat))) continue;
      const last = lastTone.get(`${a.id}:${an.loud}`);
      if (last !== undefined && t - last < (TONE_POLICY[a.priority].repeatMs ?? Infinity)) continue;
      lastTone.set(`${a.id}:${an.loud}`, t);
      if (!muted.value) play(a.priority, an.loud);
      tones.value++;
    }
  }

  function start(play: (p: AlarmPriority, loud: boolean) => boolean): Promise<void> {
    started ??= (async () => {
      alarms().onDidChange(apply);
      const list = await alarms().list({ limit: 5_000 });
      byId.value = new Map(list.map((a) => [a.id, markRaw(a)]));
      setInterval(() => {
        now.value = Date.now();
        sound(play);
      }, 1_000);
    })();
    return started;
  }

  const act = async (f: () => Promise<Alarm>) => apply(await f());
  return {
    byId,
    desk,
    now,
    tones,
    muted,
    open,
    visible,
    floods,
    inFlood,
    start,
    ack: (id: string) => act(() => alarms().ack(id)),
    shelve: (id: string, r: ShelveRequest) => act(() => alarms().shelve(id, r)),
    unshelve: (id: string) => act(() => alarms().unshelve(id)),
    outOfService: (id: string, reason: string) => act(() => alarms().setOutOfService(id, reason)),
    returnToService: (id: string) => act(() => alarms().returnToService(id)),
    toIncident: async (id: string) => {
      const r = await alarms().toIncident(id);
      apply(r.alarm);
      return r.incident;
    },
    detail: (id: string) => alarms().get(id),
  };
});
