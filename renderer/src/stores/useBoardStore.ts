// The dispatch board's state: the open incidents in board order (new reports on top), filters, the
// selection and its detail, arrivals, and the last command's outcome. Live: a change from any console
// carries the incident as it now is and is applied in place (no refetch of the list).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef, watch } from 'vue';
import type {
  DispatchStats,
  EvidenceUpload,
  IncidentChange,
  IncidentDetail,
  IncidentFilter,
} from '../../../electron/common/contract';
import { boardCompare, matchesFilter } from '../../../electron/common/dispatch/board';
import type { Command, Incident, IncidentReport } from '../../../electron/common/dispatch/types';
import type { DepartmentDto, TownDto } from '../../../electron/common/dto';
import { RpcCallError } from '../../../electron/common/rpc/protocol';
import { useClient } from '../services/client';
import { useSeatStore } from './useSeatStore';
import { useWorkspaceStore } from './useWorkspaceStore';

/** cameras within this distance of the selected incident: the first thing an officer calls up */
export const NEARBY_RADIUS_M = 500;
/** statistics are a whole-table scan: refreshed at most this often while changes arrive */
const STATS_EVERY_MS = 10_000;

/** What the last command did, as data: the view words it in the officer's language. */
export type Outcome =
  | { kind: 'done'; commands: Command['type'][] }
  | { kind: 'conflict'; by: string; status: string; version: number; at: number }
  | { kind: 'rejected'; rule: string; status?: string; failures?: string[]; message: string }
  | null;

export const useBoardStore = defineStore('board', () => {
  const rows = shallowRef<(Incident & { pending?: boolean })[]>([]);
  const total = ref(0);
  const filter = ref<IncidentFilter>({});
  /** which queue the board shows: the open work (board order), recently closed, or the supervision list */
  const view = ref<'open' | 'closed' | 'supervision'>('open');
  const selectedId = ref<string | null>(null);
  const detail = shallowRef<IncidentDetail | null>(null);
  const departments = shallowRef<DepartmentDto[]>([]);
  const towns = shallowRef<TownDto[]>([]);
  const outcome = ref<Outcome>(null);
  const outline = shallowRef<[number, number][]>([]);
  const stats = shallowRef<DispatchStats | null>(null);
  const loaded = ref(false);
  /** new reports since this board opened, newest first: Space takes the first */
  const arrivals = ref<string[]>([]);
  /** cameras within NEARBY_RADIUS_M of the selected incident */
  const nearbyCameras = ref<{ total: number; online: number } | null>(null);
  const seat = useSeatStore();
  const actor = computed(() => seat.actor);
  const arrivalListeners = new Set<(i: Incident) => void>();
  /** reports this board is creating itself: not an arrival (no tone, no banner) */
  const ownReports = new Set<string>();
  let statsTimer: ReturnType<typeof setTimeout> | null = null;

  const dispatch = () => useClient().get('dispatch');
  const boardFilter = computed<IncidentFilter>(() =>
    view.value === 'open'
      ? { ...filter.value, status: 'open' }
      : { ...filter.value, status: 'closed', ...(view.value === 'supervision' ? { supervision: true } : {}) },
  );

  async function refresh() {
    const r =
      view.value === 'open'
        ? await dispatch().board({ ...filter.value, limit: 1000 })
        : await dispatch().list({ ...boardFilter.value, limit: 500 });
    rows.value = r.items;
    total.value = r.total;
    followFilters();
    await loadDetail();
    loaded.value = true;
  }

  /** The detail shows an incident the list shows: when the filters hide it, the first row instead. */
  function followFilters() {
    if (!rows.value.some((r) => r.id === selectedId.value)) selectedId.value = rows.value[0]?.id ?? null;
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
    // the camera count follows; a command's confirmation does not wait for it
    void useClient()
      .get('cameras')
      .nearby(d.report.lon, d.report.lat, NEARBY_RADIUS_M)
      .then((cams) => {
        if (selectedId.value === d.id) {
          nearbyCameras.value = { total: cams.length, online: cams.filter((c) => c.status === 'online').length };
        }
      })
      .catch(() => (nearbyCameras.value = null));
  }

  /** A change from this or another console: put the incident where it now belongs, or take it out. */
  function applyChange(c: IncidentChange) {
    const list = rows.value;
    const at = list.findIndex((r) => r.id === c.id);
    // already have this or newer (a command accepted by the authority as shown while pending: unmark it)
    if (
      at >= 0 &&
      (list[at].version > c.version || (list[at].version === c.version && !!list[at].pending === !!c.pending))
    )
      return;
    const incident = c.pending ? { ...c.incident, pending: true } : c.incident;
    const belongs = matchesFilter(c.incident, boardFilter.value);
    if (at >= 0) list.splice(at, 1);
    if (belongs && view.value !== 'open')
      list.unshift(incident); // closed queues: newest first
    else if (belongs) {
      const now = Date.now();
      let k = 0;
      while (k < list.length && boardCompare(list[k], c.incident, now) <= 0) k++;
      list.splice(k, 0, incident);
    }
    total.value += (belongs ? 1 : 0) - (at >= 0 ? 1 : 0);
    triggerRef(rows);
    const own = c.version === 1 && ownReports.delete(`${c.incident.report.title}|${c.incident.report.lon}`);
    if (c.version === 1 && !own && at < 0) {
      arrivals.value = [c.id, ...arrivals.value.filter((x) => x !== c.id)].slice(0, 50);
      arrivalListeners.forEach((l) => l(c.incident));
    }
    if (c.id === selectedId.value) {
      if (belongs) void loadDetail();
      else followFilters();
    }
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

  watch([filter, view], () => void refresh(), { deep: true });
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

  /** Space: the newest arrival still new on the board — select it, acknowledge it, fly every map there. */
  async function takeNewest(): Promise<string | null> {
    const id = arrivals.value.find((x) => rows.value.some((r) => r.id === x && r.status === 'reported')) ?? null;
    const target = id ?? rows.value.find((r) => r.status === 'reported' && r.acknowledgedAt === null)?.id ?? null;
    if (!target) return null;
    arrivals.value = arrivals.value.filter((x) => x !== target);
    selectedId.value = target;
    void useWorkspaceStore().focusIncident(target);
    const row = rows.value.find((r) => r.id === target);
    if (row && row.acknowledgedAt === null && actor.value.role !== 'department') {
      await run([{ type: 'acknowledge' }], row.version, target);
    }
    return target;
  }

  /** Sends commands as one act on the selected incident (or `id`), at the version the officer saw. */
  async function run(commands: Command[], version?: number, id?: string): Promise<boolean> {
    const target = id ?? detail.value?.id;
    const seen = version ?? detail.value?.version;
    if (!target || seen === undefined) return false;
    try {
      const i = await dispatch().act(target, seen, commands, actor.value);
      outcome.value = { kind: 'done', commands: commands.map((c) => c.type) };
      applyChange({ id: i.id, version: i.version, incident: i });
      if (target === selectedId.value) await loadDetail();
      return true;
    } catch (e) {
      const err = e as RpcCallError;
      const det = (err.details ?? {}) as {
        current?: { version: number; status: string; lastActor: { name: string } | null; updatedAt: number };
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
              at: det.current.updatedAt,
            }
          : {
              kind: 'rejected',
              rule: det.rule ?? err.code,
              status: detail.value?.status,
              failures: det.failures?.map((f) => f.id),
              message: err.message.replace(/^dispatch\.\w+: /, ''),
            };
      await loadDetail();
      return false;
    }
  }

  async function attach(file: EvidenceUpload): Promise<boolean> {
    const d = detail.value;
    if (!d) return false;
    try {
      await dispatch().attachFile(d.id, d.version, file, actor.value);
      await loadDetail();
      return true;
    } catch (e) {
      outcome.value = { kind: 'rejected', rule: (e as RpcCallError).code, message: (e as Error).message };
      return false;
    }
  }

  async function create(report: IncidentReport) {
    const key = `${report.title}|${report.lon}`;
    ownReports.add(key);
    try {
      const i = await dispatch().report(report);
      applyChange({ id: i.id, version: i.version, incident: i });
      selectedId.value = i.id;
      return i;
    } finally {
      setTimeout(() => ownReports.delete(key), 5_000);
    }
  }

  const focusOnMap = () => {
    if (selectedId.value) void useWorkspaceStore().focusIncident(selectedId.value);
  };
  /** every open video wall shows the cameras around the selected incident (and the map flies there) */
  const callUpVideo = async () => {
    const d = detail.value;
    if (!d) return;
    focusOnMap();
    await useClient().get('video').callUp(d.report.lon, d.report.lat, null, d.id);
  };
  const onArrival = (l: (i: Incident) => void) => {
    arrivalListeners.add(l);
    return () => arrivalListeners.delete(l);
  };

  return {
    rows,
    total,
    filter,
    view,
    selectedId,
    detail,
    departments,
    towns,
    outcome,
    outline,
    stats,
    nearbyCameras,
    loaded,
    arrivals,
    actor,
    start,
    refresh,
    move,
    run,
    attach,
    create,
    takeNewest,
    focusOnMap,
    callUpVideo,
    applyChange,
    onArrival,
  };
});
