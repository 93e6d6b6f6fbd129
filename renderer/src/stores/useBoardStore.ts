// The dispatch board's state: rows from the service, filters, selection, the detail of the selected
// incident, and the last command's outcome. Live: refreshes when any console changes an incident.
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type {
  DispatchStatsDto,
  IncidentDetail,
  IncidentFilterDto,
  IncidentRow,
} from '../../../electron/common/contract';
import type { Command } from '../../../electron/common/dispatch/types';
import type { DepartmentDto, TownDto } from '../../../electron/common/dto';
import { RpcCallError } from '../../../electron/common/rpc/protocol';
import { useClient } from '../services/client';

/** What the last command did, as data: the view words it in the officer's language. */
export const NEARBY_RADIUS_M = 500;

export type Outcome =
  | { kind: 'done'; command: Command['type'] }
  | { kind: 'conflict'; by: string; status: string; version: number }
  | { kind: 'rejected'; rule: string; status?: string; failures?: string[]; message: string }
  | null;

export const useBoardStore = defineStore('board', () => {
  const rows = shallowRef<IncidentRow[]>([]);
  const total = ref(0);
  const filter = ref<IncidentFilterDto>({});
  const selectedId = ref<string | null>(null);
  const detail = shallowRef<IncidentDetail | null>(null);
  const departments = shallowRef<DepartmentDto[]>([]);
  const towns = shallowRef<TownDto[]>([]);
  const outcome = ref<Outcome>(null);
  const outline = shallowRef<[number, number][]>([]);
  const stats = shallowRef<DispatchStatsDto | null>(null);
  const loaded = ref(false);
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  const dispatch = () => useClient().get('dispatch');

  async function refresh() {
    const r = await dispatch().board({ ...filter.value, limit: 1000 });
    rows.value = r.items;
    total.value = r.total;
    stats.value = await dispatch().stats();
    if (!selectedId.value && r.items.length) selectedId.value = r.items[0].incident.id;
    await loadDetail();
    loaded.value = true;
  }

  /** cameras within NEARBY_RADIUS_M of the selected incident: the first thing an officer calls up */
  const nearbyCameras = ref<{ total: number; online: number } | null>(null);

  async function loadDetail() {
    detail.value = selectedId.value ? await dispatch().get(selectedId.value) : null;
    const r = detail.value?.incident.report;
    if (!r) {
      nearbyCameras.value = null;
      return;
    }
    const cams = await useClient().get('cameras').nearby(r.lon, r.lat, NEARBY_RADIUS_M);
    nearbyCameras.value = { total: cams.length, online: cams.filter((c) => c.status === 'online').length };
  }

  async function start() {
    const c = useClient();
    const [deps, ts, layers] = await Promise.all([
      c.get('reference').listDepartments(),
      c.get('reference').listTowns(),
      c.get('reference').getMapLayers(),
    ]);
    departments.value = deps;
    towns.value = ts;
    outline.value = layers.outline.ring;
    // coalesce bursts of changes from other consoles into one refresh
    dispatch().onDidChange(() => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void refresh();
      }, 200);
    });
    await refresh();
  }

  watch(filter, () => void refresh(), { deep: true });
  // choosing an incident flies every map wall to it (debounced so arrowing through the list does not thrash)
  let focusTimer: ReturnType<typeof setTimeout> | null = null;
  watch(selectedId, (id) => {
    void loadDetail();
    if (focusTimer) clearTimeout(focusTimer);
    if (id) focusTimer = setTimeout(() => void dispatch().focus(id), 400);
  });

  function move(delta: number) {
    const i = rows.value.findIndex((r) => r.incident.id === selectedId.value);
    const next = rows.value[Math.max(0, Math.min(rows.value.length - 1, i + delta))];
    if (next) selectedId.value = next.incident.id;
  }

  async function run(command: Command) {
    const d = detail.value;
    if (!d) return;
    try {
      await dispatch().command(d.incident.id, d.incident.version, command);
      outcome.value = { kind: 'done', command: command.type };
    } catch (e) {
      const err = e as RpcCallError;
      const det = (err.details ?? {}) as {
        current?: { version: number; status: string; lastActor: { name: string } | null };
        rule?: string;
        failures?: { id: string }[];
      };
      outcome.value =
        err.code === 'conflict' && det.current
          ? {
              kind: 'conflict',
              by: det.current.lastActor?.name ?? '?',
              status: det.current.status,
              version: det.current.version,
            }
          : {
              kind: 'rejected',
              rule: det.rule ?? err.code,
              status: d.incident.status,
              failures: det.failures?.map((f) => f.id),
              message: err.message.replace(/^dispatch\.command: /, ''),
            };
    }
    await refresh();
  }

  async function create(report: Parameters<ReturnType<typeof dispatch>['report']>[0]) {
    const i = await dispatch().report(report);
    selectedId.value = i.id;
    await refresh();
    return i;
  }

  const focusOnMap = () => {
    if (selectedId.value) void dispatch().focus(selectedId.value);
  };

  return {
    rows,
    total,
    filter,
    selectedId,
    detail,
    departments,
    towns,
    outcome,
    outline,
    stats,
    nearbyCameras,
    loaded,
    start,
    refresh,
    move,
    run,
    create,
    focusOnMap,
  };
});
