// How the simulated dock answers each DJI service: refusals carry the codes a real dock uses
// (busy, emergency stop, battery, aircraft not in the dock, wayline checks), otherwise it acts.
import { readKmz } from '../drones/waylines';
import type { DockSim } from './dockSim';

export interface ServiceOutcome {
  result: number;
  status: 'ok' | 'failed' | 'rejected' | 'in_progress';
}

const ok: ServiceOutcome = { result: 0, status: 'ok' };
const refuse = (result: number): ServiceOutcome => ({ result, status: 'failed' });

/** Checks a dock does before it lets the aircraft out. */
function launchRefusal(sim: DockSim): number | null {
  if (sim.emergencyStop) return 316026;
  if (sim.modeCode === 1 || sim.modeCode === 2) return sim.modeCode === 1 ? 319037 : 319036;
  if (sim.modeCode === 3) return 319038;
  if (sim.task) return 319001;
  if (sim.aircraft.batteryPct < 50) return 316009;
  return null;
}

export async function handleService(
  sim: DockSim,
  method: string,
  data: Record<string, unknown>,
): Promise<ServiceOutcome> {
  const airborne = sim.aircraft.phase !== 'docked';
  switch (method) {
    case 'fly_to_point': {
      const pts = Array.isArray(data.points)
        ? (data.points as { latitude?: unknown; longitude?: unknown; height?: unknown }[])
        : [];
      const p = pts[0];
      if (
        pts.length !== 1 ||
        typeof p?.latitude !== 'number' ||
        typeof p.longitude !== 'number' ||
        typeof p.height !== 'number'
      )
        return refuse(319032);
      if (!airborne) {
        const why = launchRefusal(sim);
        if (why !== null) return refuse(why);
      }
      const id = typeof data.fly_to_id === 'string' ? data.fly_to_id : 'fly-to';
      const speed = typeof data.max_speed === 'number' ? Math.min(15, Math.max(1, data.max_speed)) : 12;
      sim.task = { kind: 'fly-to', id, started: sim.simNow, total: 1 };
      sim.launch([{ lon: p.longitude, lat: p.latitude, heightM: p.height }], speed, 'hover');
      sim.flyToProgress('wayline_progress', 0);
      return ok;
    }
    case 'fly_to_point_stop':
      if (sim.task?.kind !== 'fly-to') return refuse(319023);
      sim.flyToProgress('wayline_cancel', 0);
      sim.task = null;
      sim.aircraft = { ...sim.aircraft, target: null, route: [], phase: 'hover' };
      return ok;
    case 'return_home':
      if (!airborne) return refuse(316024);
      if (sim.task?.kind === 'fly-to') sim.flyToProgress('wayline_cancel', 0);
      sim.task = sim.task?.kind === 'wayline' ? sim.task : null;
      sim.goHome();
      return ok;
    case 'return_home_cancel':
      if (sim.aircraft.phase !== 'return') return refuse(319043);
      sim.aircraft = { ...sim.aircraft, target: null, phase: 'hover', modeCode: 5 };
      return ok;
    case 'flighttask_prepare': {
      const file = data.file as { url?: unknown; fingerprint?: unknown } | undefined;
      const flightId = data.flight_id;
      if (typeof flightId !== 'string') return refuse(314001);
      if (typeof file?.url !== 'string' || !file.url) return refuse(314013);
      if (typeof file.fingerprint !== 'string' || !file.fingerprint) return refuse(314002);
      let bytes: Uint8Array;
      try {
        bytes = await sim.o.fetchFile(file.url);
      } catch {
        return refuse(314013);
      }
      const r = readKmz(bytes, file.fingerprint);
      if (!r.ok) return refuse(r.code);
      sim.prepared.set(flightId, r.waypoints);
      return ok;
    }
    case 'flighttask_execute': {
      const id = data.flight_id;
      const w = typeof id === 'string' ? sim.prepared.get(id) : undefined;
      if (!w || typeof id !== 'string') return refuse(319003);
      const why = airborne ? 319001 : launchRefusal(sim);
      if (why !== null) return refuse(why);
      sim.prepared.delete(id);
      sim.task = { kind: 'wayline', id, started: sim.simNow, total: w.length };
      sim.launch(sim.route(w), 10, 'return');
      sim.progress('sent');
      return ok;
    }
    case 'flighttask_undo': {
      const ids = Array.isArray(data.flight_ids) ? data.flight_ids : [];
      for (const id of ids) if (typeof id === 'string') sim.prepared.delete(id);
      return ok;
    }
    case 'live_start_push':
      if (typeof data.url !== 'string') return refuse(514100);
      await sim.o.live?.start(sim.o.nest.aircraftSn, data.url);
      return ok;
    case 'live_stop_push':
      await sim.o.live?.stop(sim.o.nest.aircraftSn);
      return ok;
    case 'debug_mode_open':
      if (sim.task || airborne) return refuse(319001);
      sim.modeCode = 2;
      return ok;
    case 'debug_mode_close':
      if (sim.modeCode === 2) sim.modeCode = 0;
      return ok;
    case 'cover_open':
    case 'cover_close':
    case 'charge_open':
    case 'charge_close':
    case 'device_reboot':
      if (sim.modeCode !== 2) return refuse(514100); // debug commands need remote debug mode first
      if (method === 'cover_open') sim.coverState = 1;
      if (method === 'cover_close') sim.coverState = 0;
      return ok;
    default:
      return refuse(514100);
  }
}
