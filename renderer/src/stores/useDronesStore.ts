// Drone nests as windows see them: docks with readiness, aircraft, the live 10-minute trail of each
// aircraft, and commands with their outcome. Telemetry arrives coalesced (≤ 10 batches a second) and
// is applied in place; DTOs only (markRaw), nothing Cesium here.
import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import type { CommandDto, CommandMethod } from '../../../electron/common/drones/commands';
import { LIVE_TRAIL_MS, trimTrail } from '../../../electron/common/drones/track';
import type { AircraftState, DockDto, NearestDock, TelemetryBatch } from '../../../electron/common/drones/types';
import type { Patrol } from '../../../electron/common/drones/wayline';
import { useClient } from '../services/client';

export interface TrailPoint {
  t: number;
  lon: number;
  lat: number;
  heightM: number;
}

const bySn = <T extends { sn: string }>(list: T[]) => new Map(list.map((x) => [x.sn, x]));

export const useDronesStore = defineStore('drones', () => {
  const docks = shallowRef<ReadonlyMap<string, DockDto>>(new Map());
  const aircraft = shallowRef<ReadonlyMap<string, AircraftState>>(new Map());
  const trails = shallowRef<ReadonlyMap<string, TrailPoint[]>>(new Map());
  const commands = shallowRef<readonly CommandDto[]>([]);
  const patrols = shallowRef<readonly Patrol[]>([]);
  /** bumps when readiness may have changed (nearest-dock answers are asked again) */
  const readinessSeq = shallowRef(0);
  let started: Promise<void> | null = null;
  const drones = () => useClient().get('drones');

  function addFix(next: Map<string, TrailPoint[]>, a: AircraftState, now: number): void {
    if (!a.airborne || a.lon === null || a.lat === null) return;
    const trail = next.get(a.sn) ?? [];
    const last = trail[trail.length - 1];
    if (last && last.lon === a.lon && last.lat === a.lat && last.heightM === (a.heightM ?? 0)) return;
    next.set(a.sn, trimTrail([...trail, { t: a.updatedAt, lon: a.lon, lat: a.lat, heightM: a.heightM ?? 0 }], now));
  }

  function apply(b: TelemetryBatch): void {
    if (b.docks.length) {
      const d = new Map(docks.value);
      let changed = false;
      for (const x of b.docks) {
        const prev = d.get(x.sn);
        if (!prev || prev.readiness.ready !== x.readiness.ready || prev.online !== x.online) changed = true;
        d.set(x.sn, markRaw(x));
      }
      docks.value = d;
      if (changed) readinessSeq.value++;
    }
    if (b.aircraft.length) {
      const a = new Map(aircraft.value);
      const tr = new Map(trails.value);
      const now = Math.max(...b.aircraft.map((x) => x.updatedAt));
      for (const x of b.aircraft) {
        a.set(x.sn, markRaw(x));
        addFix(tr, x, now);
      }
      aircraft.value = a;
      trails.value = tr;
    }
  }

  function upsertCommand(c: CommandDto): void {
    const rest = commands.value.filter((x) => x.id !== c.id);
    commands.value = [markRaw(c), ...rest].sort((x, y) => y.createdAt - x.createdAt).slice(0, 100);
  }

  function start(): Promise<void> {
    started ??= (async () => {
      drones().onDidTelemetry(apply);
      drones().onDidCommand(upsertCommand);
      const [d, a, p] = await Promise.all([drones().listDocks(), drones().listAircraft(), drones().listPatrols()]);
      docks.value = bySn(d.map((x) => markRaw(x)));
      aircraft.value = bySn(a.map((x) => markRaw(x)));
      patrols.value = markRaw(p);
      // the live trail starts with what was flown in the last ten minutes
      const since = Date.now() - LIVE_TRAIL_MS;
      const tr = new Map<string, TrailPoint[]>();
      for (const x of a.filter((y) => y.airborne)) {
        const pts = await drones().track(x.sn, since);
        tr.set(
          x.sn,
          pts.map((q) => ({ t: q.t, lon: q.lon, lat: q.lat, heightM: q.heightM ?? 0 })),
        );
      }
      trails.value = tr;
      const recent = await Promise.all(d.map((x) => drones().recentCommands(x.sn, 20)));
      for (const c of recent.flat()) upsertCommand(c);
      readinessSeq.value++;
    })();
    return started;
  }

  const send = (dockSn: string, method: CommandMethod, params: Record<string, unknown> = {}) =>
    drones().command(dockSn, { method, params });

  return {
    docks,
    aircraft,
    trails,
    commands,
    patrols,
    readinessSeq,
    start,
    send,
    track: (sn: string, since: number) => drones().track(sn, since),
    nearest: (lon: number, lat: number): Promise<NearestDock | null> => drones().nearestDock(lon, lat),
  };
});
