// Edge validation of one reading, the same for MQTT and HTTP: a known sensor, a finite number within
// what the device can report, and a timestamp that is an integer in milliseconds and not far ahead of
// the console's clock (a device with a wrong clock must not hold a condition in the future).
import { inRange, SENSOR_KIND_DEFS, type SensorKind } from './kinds';
import type { RejectReason } from './types';

/** how far ahead of the console's clock a reading may be dated (clock skew of field devices) */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** the earliest plausible reading (2000-01-01): anything older is a unit mix-up (seconds, not ms) */
export const EARLIEST_TS = 946_684_800_000;

export interface Rejection {
  reason: RejectReason;
  detail: string;
}

const describe = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/**
 * Checks `ts` and `value` of a reading of a known sensor of `kind`; null when acceptable. `sensorId` is
 * only used in the message.
 */
export function checkReading(
  sensorId: string,
  kind: SensorKind,
  ts: unknown,
  value: unknown,
  now: number,
): Rejection | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { reason: 'not-a-number', detail: `value of ${sensorId} must be a finite number, got ${describe(value)}` };
  if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < EARLIEST_TS)
    return {
      reason: 'bad-timestamp',
      detail: `ts of ${sensorId} must be milliseconds since 1970 (integer, after 2000), got ${describe(ts)}`,
    };
  if (ts > now + FUTURE_TOLERANCE_MS)
    return {
      reason: 'future-timestamp',
      detail:
        `ts of ${sensorId} is ${Math.round((ts - now) / 1000)} s ahead of the console's clock ` +
        `(at most ${FUTURE_TOLERANCE_MS / 1000} s)`,
    };
  if (!inRange(kind, value)) {
    const d = SENSOR_KIND_DEFS[kind];
    return {
      reason: 'out-of-range',
      detail: `value ${value} ${d.unit} of ${sensorId} is outside what a ${kind} device reports (${d.range[0]}..${d.range[1]})`,
    };
  }
  return null;
}

/** The sensor id of an HTTP item, or the rejection of an item that is not `{sensorId, ts, value}`. */
export function itemSensorId(item: unknown): string | Rejection {
  if (!item || typeof item !== 'object' || Array.isArray(item))
    return { reason: 'not-an-object', detail: `each reading must be an object {sensorId, ts, value}` };
  const id = (item as { sensorId?: unknown }).sensorId;
  if (typeof id !== 'string' || !id)
    return { reason: 'unknown-sensor', detail: `sensorId must be a non-empty string, got ${describe(id)}` };
  return id;
}
