// DJI Cloud API messages as they arrive on the bus: the envelope every message shares, and the
// shapes of the data the console reads. Parsing never throws: a bad message comes back with a reason
// code (counted per source) and a detail naming what was wrong.
import type { DjiTopicKind } from '../bus/topics';
import {
  checkFlag,
  checkNumber,
  checkShape,
  checkString,
  flag,
  int,
  isObject,
  list,
  num,
  obj,
  str,
  type Checked,
} from './check';

export const MAX_MESSAGE_BYTES = 64 * 1024;

export const DOCK_OSD = {
  mode_code: int(0, 255),
  drone_in_dock: flag,
  cover_state: int(0, 3),
  putter_state: int(0, 3),
  environment_temperature: num(-80, 100),
  temperature: num(-80, 150),
  humidity: num(0, 100),
  rainfall: int(0, 3),
  wind_speed: num(0, 200),
  network_state: obj({ type: int(0, 10), quality: int(0, 5), rate: num(0, 1e9) }),
  drone_charge_state: obj({ state: int(0, 10), capacity_percent: num(0, 100) }),
  emergency_stop_state: flag,
  latitude: num(-90, 90),
  longitude: num(-180, 180),
  height: num(-1_000, 10_000),
  flighttask_step_code: int(0, 65_535),
  job_number: int(0, 1e9),
  storage: obj({ total: num(0, 1e15), used: num(0, 1e15) }),
  alarm_state: flag,
  sub_device: obj({ device_sn: str(64), device_online_status: flag, device_paired: flag }),
};
export type DockOsdRaw = Checked<typeof DOCK_OSD>;

export const AIRCRAFT_OSD = {
  latitude: num(-90, 90),
  longitude: num(-180, 180),
  height: num(-1_000, 20_000),
  elevation: num(-2_000, 20_000),
  attitude_head: num(-360, 360),
  attitude_pitch: num(-180, 180),
  attitude_roll: num(-180, 180),
  horizontal_speed: num(0, 200),
  vertical_speed: num(-100, 100),
  home_distance: num(0, 1e6),
  battery: obj({
    capacity_percent: num(0, 100),
    remain_flight_time: num(0, 1e6),
    return_home_power: num(0, 100),
    landing_power: num(0, 100),
  }),
  mode_code: int(0, 255),
  wind_speed: num(0, 1_000),
  wind_direction: int(0, 360),
};
export type AircraftOsdRaw = Checked<typeof AIRCRAFT_OSD>;

export const UPDATE_TOPO = {
  domain: int(0, 100),
  type: int(0, 1e6),
  sub_type: int(0, 1e6),
  device_secret: str(256),
  nonce: str(256),
  thing_version: str(64),
  sub_devices: list(
    obj({ sn: str(64), domain: int(0, 100), type: int(0, 1e6), sub_type: int(0, 1e6), index: str(32) }),
    16,
  ),
};
export type UpdateTopoRaw = Checked<typeof UPDATE_TOPO>;

export const REPLY = { result: int(-(2 ** 31), 2 ** 31), output: obj({ status: str(32) }) };

export const PROGRESS_EVENT = {
  result: int(-(2 ** 31), 2 ** 31),
  output: obj({
    status: str(32),
    progress: obj({ current_step: int(0, 1e6), percent: num(0, 100) }),
    ext: obj({ flight_id: str(64), current_waypoint_index: int(0, 1e6), track_id: str(64) }),
  }),
  // fly_to_point_progress carries its fields at the top of data
  fly_to_id: str(64),
  status: str(32),
  way_point_index: int(0, 1e6),
  remaining_distance: num(0, 1e7),
  remaining_time: num(0, 1e7),
};
export type ProgressRaw = Checked<typeof PROGRESS_EVENT>;

/** Events the console understands; the first group updates a flight, the rest is acknowledged. */
export const PROGRESS_EVENTS = ['flighttask_progress', 'fly_to_point_progress', 'return_home_info'] as const;
export const KNOWN_EVENTS = [
  ...PROGRESS_EVENTS,
  'flighttask_ready',
  'hms',
  'device_exit_homing_notify',
  'file_upload_callback',
  'highest_priority_upload_flighttask_media',
  'takeoff_to_point_progress',
  'device_reboot',
  'cover_open',
  'cover_close',
  'charge_open',
  'charge_close',
  'debug_mode_open',
  'debug_mode_close',
] as const;
export const KNOWN_REQUESTS = [
  'config',
  'flighttask_resource_get',
  'airport_bind_status',
  'storage_config_get',
] as const;

export interface Envelope {
  tid: string;
  bid: string;
  timestamp: number;
  gateway?: string;
  method?: string;
  need_reply?: 0 | 1 | boolean;
  data: Record<string, unknown>;
}

export type ParseResult = { ok: true; env: Envelope } | { ok: false; reason: string; detail: string };

const bad = (reason: string, detail: string): ParseResult => ({ ok: false, reason, detail });

export const ENVELOPE = {
  tid: str(128),
  bid: str(128),
  timestamp: num(0, 1e14),
  gateway: str(64),
  method: str(64),
  need_reply: flag,
};

// One decoder for every message (decode() without `stream` keeps no state between calls).
const UTF8 = new TextDecoder();

/** The envelope and, for the kinds the console reads, the data's shape. */
export function parseDjiPayload(kind: DjiTopicKind, payload: Uint8Array | string): ParseResult {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size > MAX_MESSAGE_BYTES) return bad('too-large', `${size} bytes (limit ${MAX_MESSAGE_BYTES})`);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof payload === 'string' ? payload : UTF8.decode(payload));
  } catch (e) {
    return bad('not-json', (e as Error).message);
  }
  if (!isObject(raw)) return bad('bad-envelope', 'the message is not a JSON object');
  const envErr = checkEnvelope(raw);
  if (envErr) return bad('bad-envelope', envErr);
  if (raw.tid === undefined || raw.tid === null) return bad('bad-envelope', 'tid is missing');
  if (raw.bid === undefined || raw.bid === null) return bad('bad-envelope', 'bid is missing');
  if (raw.timestamp === undefined || raw.timestamp === null) return bad('bad-envelope', 'timestamp is missing');
  if (!isObject(raw.data)) return bad('bad-envelope', 'data must be an object');
  const needsGateway = kind === 'osd' || kind === 'state';
  if (needsGateway && typeof raw.gateway !== 'string') return bad('bad-envelope', 'gateway is missing');
  const needsMethod = kind !== 'osd' && kind !== 'state';
  if (needsMethod && typeof raw.method !== 'string') return bad('bad-envelope', 'method is missing');
  return { ok: true, env: raw as unknown as Envelope };
}

// Hand-written forms of checkShape for the envelope and the aircraft OSD, the shapes every OSD message
// goes through (hundreds a second): the same order, bounds (read from the specs above, the one
// definition) and words as checkShape, without walking a spec per message. A unit test holds them equal.
type NumSpec = Parameters<typeof checkNumber>[1];
/** absent, or a number plainly inside the spec's bounds (NaN for a missing bound sends it to checkNumber) */
const fits = (v: unknown, s: NumSpec): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'number' && v >= (s.min ?? NaN) && v <= (s.max ?? NaN) && (s.t === 'num' || Number.isInteger(v)));
const numAt = (v: unknown, s: NumSpec, path: string) => (fits(v, s) ? null : checkNumber(v, s, path));
const strAt = (v: unknown, s: { max?: number }, path: string) =>
  v === undefined || v === null ? null : checkString(v, s, path);
const flagAt = (v: unknown, path: string) => (v === undefined || v === null ? null : checkFlag(v, path));

/** checkShape(o, ENVELOPE), written out. */
export function checkEnvelope(o: Record<string, unknown>): string | null {
  const E = ENVELOPE;
  return (
    strAt(o.tid, E.tid, 'tid') ??
    strAt(o.bid, E.bid, 'bid') ??
    numAt(o.timestamp, E.timestamp, 'timestamp') ??
    strAt(o.gateway, E.gateway, 'gateway') ??
    strAt(o.method, E.method, 'method') ??
    flagAt(o.need_reply, 'need_reply')
  );
}

/** checkData(d, AIRCRAFT_OSD), written out. */
export function checkAircraftOsd(d: Record<string, unknown>): string | null {
  const A = AIRCRAFT_OSD;
  return (
    numAt(d.latitude, A.latitude, 'data.latitude') ??
    numAt(d.longitude, A.longitude, 'data.longitude') ??
    numAt(d.height, A.height, 'data.height') ??
    numAt(d.elevation, A.elevation, 'data.elevation') ??
    numAt(d.attitude_head, A.attitude_head, 'data.attitude_head') ??
    numAt(d.attitude_pitch, A.attitude_pitch, 'data.attitude_pitch') ??
    numAt(d.attitude_roll, A.attitude_roll, 'data.attitude_roll') ??
    numAt(d.horizontal_speed, A.horizontal_speed, 'data.horizontal_speed') ??
    numAt(d.vertical_speed, A.vertical_speed, 'data.vertical_speed') ??
    numAt(d.home_distance, A.home_distance, 'data.home_distance') ??
    checkBattery(d.battery) ??
    numAt(d.mode_code, A.mode_code, 'data.mode_code') ??
    numAt(d.wind_speed, A.wind_speed, 'data.wind_speed') ??
    numAt(d.wind_direction, A.wind_direction, 'data.wind_direction')
  );
}

function checkBattery(b: unknown): string | null {
  if (b === undefined || b === null) return null;
  if (!isObject(b)) return 'data.battery must be an object';
  const B = AIRCRAFT_OSD.battery.fields;
  return (
    numAt(b.capacity_percent, B.capacity_percent, 'data.battery.capacity_percent') ??
    numAt(b.remain_flight_time, B.remain_flight_time, 'data.battery.remain_flight_time') ??
    numAt(b.return_home_power, B.return_home_power, 'data.battery.return_home_power') ??
    numAt(b.landing_power, B.landing_power, 'data.battery.landing_power')
  );
}

/** Checks a message's data against the shape for what it is; null when it fits. */
export function checkData(data: Record<string, unknown>, shape: Parameters<typeof checkShape>[1]): string | null {
  return checkShape(data, shape, 'data');
}
