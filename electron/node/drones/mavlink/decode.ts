// MAVLink messages the console reads, as plain numbers (pure mapping, no I/O): HEARTBEAT (0),
// SYS_STATUS (1), GLOBAL_POSITION_INT (33), BATTERY_STATUS (147) → a patch of the aircraft state.
import type { AircraftState } from '../../../common/drones/types';

export const MSG = { HEARTBEAT: 0, SYS_STATUS: 1, GLOBAL_POSITION_INT: 33, BATTERY_STATUS: 147 } as const;

const MAV_MODE_FLAG_SAFETY_ARMED = 128;
const MAV_STATE_ACTIVE = 4;

export type AircraftPatch = Partial<
  Pick<
    AircraftState,
    | 'lon'
    | 'lat'
    | 'heightM'
    | 'elevationM'
    | 'headingDeg'
    | 'horizontalSpeedMps'
    | 'verticalSpeedMps'
    | 'batteryPct'
    | 'airborne'
    | 'mode'
  >
>;

export type Decoded = { ok: true; patch: AircraftPatch } | { ok: false; reason: string; detail: string };

const fin = (...xs: number[]) => xs.every((x) => typeof x === 'number' && Number.isFinite(x));

export function decodeHeartbeat(d: { baseMode: number; systemStatus: number }): Decoded {
  if (!fin(d.baseMode, d.systemStatus)) return { ok: false, reason: 'bad-field', detail: 'heartbeat fields' };
  const armed = (d.baseMode & MAV_MODE_FLAG_SAFETY_ARMED) !== 0;
  const airborne = armed && d.systemStatus === MAV_STATE_ACTIVE;
  return { ok: true, patch: { airborne, mode: airborne ? 'manual' : 'standby' } };
}

export function decodeGlobalPosition(d: {
  lat: number;
  lon: number;
  alt: number;
  relativeAlt: number;
  vx: number;
  vy: number;
  vz: number;
  hdg: number;
}): Decoded {
  if (!fin(d.lat, d.lon, d.alt, d.relativeAlt, d.vx, d.vy, d.vz, d.hdg))
    return { ok: false, reason: 'bad-field', detail: 'global position fields' };
  const lat = d.lat / 1e7;
  const lon = d.lon / 1e7;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return { ok: false, reason: 'bad-field', detail: `position ${lat},${lon} out of range` };
  return {
    ok: true,
    patch: {
      lat,
      lon,
      // MAVLink alt is above mean sea level (not the WGS-84 ellipsoid DJI uses); kept as reported
      heightM: d.alt / 1000,
      elevationM: d.relativeAlt / 1000,
      horizontalSpeedMps: Math.hypot(d.vx, d.vy) / 100,
      verticalSpeedMps: -d.vz / 100, // NED: positive vz is down
      ...(d.hdg === 65535 ? {} : { headingDeg: d.hdg / 100 }),
    },
  };
}

export function decodeBattery(remainingPct: number): Decoded {
  if (!fin(remainingPct)) return { ok: false, reason: 'bad-field', detail: 'battery_remaining' };
  if (remainingPct < 0) return { ok: true, patch: {} }; // -1: unknown
  return { ok: true, patch: { batteryPct: Math.min(100, remainingPct) } };
}
