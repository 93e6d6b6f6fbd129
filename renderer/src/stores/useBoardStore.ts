// The dispatch board's state: the open incidents in board order, filters, selection, the selected
// incident's detail, and the last command's outcome. Live: a change from any console carries the
// incident as it now is, and is applied in place (no refetch of the list).
import { defineStore } from 'pinia';
import { ref, shallowRef, triggerRef, watch } from 'vue';
import type { DispatchStats, IncidentChange, IncidentDetail, IncidentFilter } from '../../../electron/common/contract';
import { boardCompare, matchesFilter } from '../../../electron/common/dispatch/board';
import type { Command, Incident, IncidentReport } from '../../../electron/common/dispatch/types';
import type { DepartmentDto, TownDto } from '../../../electron/common/dto';
import { RpcCallError } from '../../../electron/common/rpc/protocol';
import { useClient } from '../services/client';
import { useWorkspaceStore } from './useWorkspaceStore';

/** cameras within this distance of the selected incident: the first thing an officer calls up */
export const NEARBY_RADIUS_M = 500;
/** statistics are a whole-table scan: refreshed at most this often while changes arrive */
const STATS_EVERY_MS = 10_000;

/** What the last command did, as data: the view words it in the officer's language. */
export type Outcome =
  | { kind: 'done'; command: Command['type'] }
  | { kind: 'conflict'; by: string; status: string; version: number }
  | { kind: 'rejected'; rule: string; status?: string; failures?: string[]; message: string }
  | null;

export const useBoardStore = defineStore('board', () => {
  const rows = shallowRef<Incident[]>([]);
  const total = ref(0);
  const filter = ref<IncidentFilter>({});
  const selectedId = ref<string | null>(null);
  const detail = shallowRef<IncidentDetail | null>(null);
  const departments = shallowRef<DepartmentDto[]>([]);
  const towns = shallowRef<TownDto[]>([]);
  const outcome = ref<Outcome>(null);
  const outline = shallowRef<[number, number][]>([]);
  const stats = shallowRef<DispatchStats | null>(null);
  const loaded = ref(false);
  /** cameras within NEARBY_RADIUS_M of the selected incident */
  const nearbyCameras = ref<{ total: number; online: number } | null>(null);
  let statsTimer: ReturnType<typeof setTimeout> | null = null;

  const dispatch = () => useClient().get('dispatch');

  async function refresh() {
    const r = await dispatch().board({ ...filter.value, limit: 1000 });
    rows.value = r.items;
    total.value = r.total;
    if (!selectedId.value && r.items.length) selectedId.value = r.items[0].id;
    await loadDetail();
    loaded.value = true;
  }

  async function loadStats() {
    statsTimer = null;
    stats.value = await dispatch().stats();
  }
  const statsSoon = () => {
    statsTimer ??= setTimeout(() => void loadStats(), STATS_EVERY_MS);
  };

  async function loadDetail() {
    const id = selectedId.value;
    const d = id ? await dispatch().get(id) : null;
    if (id !== selectedId.value) return; // the officer moved on meanwhile
    detail.value = d;
    if (!d) {
      nearbyCameras.value = null;
      return;
    }
    const cams = await useClient().get('cameras').nearby(d.report.lon, d.report.lat, NEARBY_RADIUS_M);
    nearbyCameras.value = { total: cams.length, online: cams.filter((c) => c.status === 'online').length };
  }

  /** A change from this or another console: put the incident where it now belongs, or take it out. */
  function applyChange(c: IncidentChange) {
    const list = rows.value;
    const at = list.findIndex((r) => r.id === c.id);
    if (at >= 0 && list[at].version >= c.version) return; // already have this or newer
    const belongs = matchesFilter(c.incident, { ...filter.value, status: 'open' });
    if (at >= 0) list.splice(at, 1);
    if (belongs) {
      const now = Date.now();
      let k = 0;
      while (k < list.length && boardCompare(list[k], c.incident, now) <= 0) k++;
      list.splice(k, 0, c.incident);
    }
    total.value += (belongs ? 1 : 0) - (at >= 0 ? 1 : 0);
    triggerRef(rows);
    if (c.id === selectedId.value) void loadDetail();
    statsSoon();
  }

  async function start() {
    const c = useClient();
    const [deps, ts, layers] = await Promise.all([
      c.get('reference').listDepartments(),
      c.get('reference').listTowns(),
      c.get('reference').getMapLayers(),
      useWorkspaceStore().start(),
    ]);
    departments.value = deps;
    towns.value = ts;
    outline.value = layers.outline.ring;
    dispatch().onDidChange(applyChange);
    await Promise.all([refresh(), loadStats()]);
  }

  watch(filter, () => void refresh(), { deep: true });
  // choosing an incident flies every window to it (debounced so arrowing through the list does not thrash)
  let focusTimer: ReturnType<typeof setTimeout> | null = null;
  watch(selectedId, (id) => {
    void loadDetail();
    if (focusTimer) clearTimeout(focusTimer);
    if (id) focusTimer = setTimeout(() => void useWorkspaceStore().focusIncident(id), 400);
  });

  function move(delta: number) {
    const i = rows.value.findIndex((r) => r.id === selectedId.value);
    const next = rows.value[Math.max(0, Math.min(rows.value.length - 1, i + delta))];
    if (next) selectedId.value = next.id;
  }

  async function run(command: Command) {
    const d = detail.value;
    if (!d) return;
    try {
      await dispatch().command(d.id, d.version, command);
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
              status: d.status,
              failures: det.failures?.map((f) => f.id),
              message: err.message.replace(/^dispatch\.command: /, ''),
            };
      await loadDetail();
    }
  }

  async function create(report: IncidentReport) {
    const i = await dispatch().report(report);
    selectedId.value = i.id;
    return i;
  }

  const focusOnMap = () => {
    if (selectedId.value) void useWorkspaceStore().focusIncident(selectedId.value);
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
    applyChange,
  };
});
