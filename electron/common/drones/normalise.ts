// DJI OSD (snake_case, codes) → the console's drone types (camelCase, SI, labels). Dock OSD comes as
// partial messages; each merges into the dock's last state, keys absent from a partial keep their value.
import type { AircraftOsdRaw, DockOsdRaw } from './djiMessages';
import {
  AIRCRAFT_MODES,
  COVER_STATES,
  RAINFALL,
  type AircraftMode,
  type AircraftState,
  type DockMode,
  type DockOsd,
} from './types';

const DOCK_MODE_BY_CODE: DockMode[] = ['idle', 'onsite-debug', 'remote-debug', 'upgrading', 'working'];

export function dockModeOf(code: number | null): DockMode {
  return code !== null && code >= 0 && code < DOCK_MODE_BY_CODE.length ? DOCK_MODE_BY_CODE[code] : 'unknown';
}

export function aircraftModeOf(code: number | null): AircraftMode {
  return code !== null && code >= 0 && code < AIRCRAFT_MODES.length - 1 ? AIRCRAFT_MODES[code] : 'unknown';
}

/** Modes in which the aircraft is off the ground (or about to be). */
const AIRBORNE: readonly AircraftMode[] = [
  'auto-takeoff',
  'wayline',
  'panorama',
  'active-track',
  'adsb-avoidance',
  'return-home',
  'auto-landing',
  'forced-landing',
  'three-propeller-landing',
  'manual',
  'apas',
  'virtual-stick',
  'live-flight-control',
];

export function emptyDockOsd(at: number): DockOsd {
  return {
    modeCode: null,
    mode: 'unknown',
    droneInDock: null,
    coverState: null,
    environmentTemperatureC: null,
    insideTemperatureC: null,
    humidityPct: null,
    rainfall: null,
    windSpeedMps: null,
    network: null,
    droneCharge: null,
    emergencyStop: null,
    lon: null,
    lat: null,
    heightM: null,
    flighttaskStepCode: null,
    jobNumber: null,
    storage: null,
    updatedAt: at,
  };
}

const has = (v: unknown): boolean => v !== undefined && v !== null;
const bool = (v: boolean | 0 | 1): boolean => v === true || v === 1;

/** Merges one OSD partial into the dock's state (a new object; `prev` is not changed). */
export function mergeDockOsd(prev: DockOsd | null, d: DockOsdRaw, at: number): DockOsd {
  const s: DockOsd = { ...(prev ?? emptyDockOsd(at)), updatedAt: at };
  if (has(d.mode_code)) {
    s.modeCode = d.mode_code!;
    s.mode = dockModeOf(d.mode_code!);
  }
  if (has(d.drone_in_dock)) s.droneInDock = bool(d.drone_in_dock!);
  if (has(d.cover_state)) s.coverState = COVER_STATES[d.cover_state!];
  if (has(d.environment_temperature)) s.environmentTemperatureC = d.environment_temperature!;
  if (has(d.temperature)) s.insideTemperatureC = d.temperature!;
  if (has(d.humidity)) s.humidityPct = d.humidity!;
  if (has(d.rainfall)) s.rainfall = RAINFALL[d.rainfall!];
  if (has(d.wind_speed)) s.windSpeedMps = d.wind_speed!;
  if (d.network_state) {
    const n = d.network_state;
    s.network = {
      type: n.type === 1 ? '4g' : n.type === 2 ? 'ethernet' : (s.network?.type ?? 'unknown'),
      quality: n.quality ?? s.network?.quality ?? 0,
      rateKBps: n.rate ?? s.network?.rateKBps ?? 0,
    };
  }
  if (d.drone_charge_state) {
    const c = d.drone_charge_state;
    s.droneCharge = {
      charging: has(c.state) ? c.state === 1 : (s.droneCharge?.charging ?? false),
      capacityPct: c.capacity_percent ?? s.droneCharge?.capacityPct ?? 0,
    };
  }
  if (has(d.emergency_stop_state)) s.emergencyStop = bool(d.emergency_stop_state!);
  // DJI sends 0,0 before a fix: not a position
  if (has(d.latitude) && has(d.longitude) && !(d.latitude === 0 && d.longitude === 0)) {
    s.lat = d.latitude!;
    s.lon = d.longitude!;
  }
  if (has(d.height)) s.heightM = d.height!;
  if (has(d.flighttask_step_code)) s.flighttaskStepCode = d.flighttask_step_code!;
  if (has(d.job_number)) s.jobNumber = d.job_number!;
  if (d.storage) s.storage = { totalKB: d.storage.total ?? 0, usedKB: d.storage.used ?? 0 };
  return s;
}

export function emptyAircraft(
  sn: string,
  source: AircraftState['source'],
  gatewaySn: string | null,
  at: number,
): AircraftState {
  return {
    sn,
    source,
    gatewaySn,
    lon: null,
    lat: null,
    heightM: null,
    elevationM: null,
    headingDeg: null,
    pitchDeg: null,
    rollDeg: null,
    horizontalSpeedMps: null,
    verticalSpeedMps: null,
    homeDistanceM: null,
    batteryPct: null,
    remainFlightTimeS: null,
    modeCode: null,
    mode: 'unknown',
    airborne: false,
    online: true,
    flight: null,
    live: null,
    updatedAt: at,
  };
}

/** Merges one aircraft OSD into its state (a new object; `prev` is not changed). */
export function mergeAircraftOsd(prev: AircraftState, d: AircraftOsdRaw, at: number): AircraftState {
  return mergeAircraftOsdInto({ ...prev }, d, at);
}

/** The same merge, written into `s` itself: for the owner of a state on the hot ingest path (no copy per message). */
export function mergeAircraftOsdInto(s: AircraftState, d: AircraftOsdRaw, at: number): AircraftState {
  s.updatedAt = at;
  s.online = true;
  if (d.latitude != null && d.longitude != null && !(d.latitude === 0 && d.longitude === 0)) {
    s.lat = d.latitude;
    s.lon = d.longitude;
  }
  if (d.height != null) s.heightM = d.height;
  if (d.elevation != null) s.elevationM = d.elevation;
  if (d.attitude_head != null) s.headingDeg = ((d.attitude_head % 360) + 360) % 360;
  if (d.attitude_pitch != null) s.pitchDeg = d.attitude_pitch;
  if (d.attitude_roll != null) s.rollDeg = d.attitude_roll;
  if (d.horizontal_speed != null) s.horizontalSpeedMps = d.horizontal_speed;
  if (d.vertical_speed != null) s.verticalSpeedMps = d.vertical_speed;
  if (d.home_distance != null) s.homeDistanceM = d.home_distance;
  const b = d.battery;
  if (b) {
    if (b.capacity_percent != null) s.batteryPct = b.capacity_percent;
    if (b.remain_flight_time != null) s.remainFlightTimeS = b.remain_flight_time;
  }
  if (d.mode_code != null && d.mode_code !== s.modeCode) {
    s.modeCode = d.mode_code;
    s.mode = aircraftModeOf(d.mode_code);
    s.airborne = AIRBORNE.includes(s.mode);
  }
  return s;
}
