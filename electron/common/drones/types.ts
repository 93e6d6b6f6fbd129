// Drone domain types, normalised from whatever protocol the device speaks (DJI Cloud API, MAVLink).
// SI units inside, units in the names. These zod schemas are the one definition of the DTOs.
import { z } from 'zod';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const DOCK_MODES = ['idle', 'onsite-debug', 'remote-debug', 'upgrading', 'working', 'unknown'] as const;
export type DockMode = (typeof DOCK_MODES)[number];
export const COVER_STATES = ['closed', 'open', 'half-open', 'abnormal'] as const;
export const RAINFALL = ['none', 'light', 'moderate', 'heavy'] as const;
export type Rainfall = (typeof RAINFALL)[number];

/** One dock's merged OSD (the three partials: basic, link, work). Every field may be unknown (null). */
export const dockOsdSchema = z.object({
  modeCode: z.number().int().nullable(),
  mode: z.enum(DOCK_MODES),
  droneInDock: z.boolean().nullable(),
  coverState: z.enum(COVER_STATES).nullable(),
  environmentTemperatureC: z.number().nullable(),
  insideTemperatureC: z.number().nullable(),
  humidityPct: z.number().nullable(),
  rainfall: z.enum(RAINFALL).nullable(),
  windSpeedMps: z.number().nullable(),
  network: z
    .object({ type: z.enum(['4g', 'ethernet', 'unknown']), quality: z.number(), rateKBps: z.number() })
    .nullable(),
  droneCharge: z.object({ charging: z.boolean(), capacityPct: z.number() }).nullable(),
  emergencyStop: z.boolean().nullable(),
  lon: lon.nullable(),
  lat: lat.nullable(),
  /** WGS-84 ellipsoid height of the dock (DJI `height`) */
  heightM: z.number().nullable(),
  flighttaskStepCode: z.number().int().nullable(),
  jobNumber: z.number().int().nullable(),
  storage: z.object({ totalKB: z.number(), usedKB: z.number() }).nullable(),
  /** ms of the last OSD partial */
  updatedAt: z.number(),
});
export type DockOsd = z.infer<typeof dockOsdSchema>;

export const AIRCRAFT_MODES = [
  'standby',
  'takeoff-preparing',
  'takeoff-ready',
  'manual',
  'auto-takeoff',
  'wayline',
  'panorama',
  'active-track',
  'adsb-avoidance',
  'return-home',
  'auto-landing',
  'forced-landing',
  'three-propeller-landing',
  'upgrading',
  'disconnected',
  'apas',
  'virtual-stick',
  'live-flight-control',
  'unknown',
] as const;
export type AircraftMode = (typeof AIRCRAFT_MODES)[number];

export const flightProgressSchema = z.object({
  kind: z.enum(['fly-to-point', 'wayline', 'return-home']),
  /** DJI output.status: sent, in_progress, ok, paused, rejected, failed, canceled, timeout, partially_done… */
  status: z.string(),
  percent: z.number().nullable(),
  resultCode: z.number().int(),
  message: z.string().nullable(),
  flightId: z.string().nullable(),
  at: z.number(),
});
export type FlightProgress = z.infer<typeof flightProgressSchema>;

/** Where the aircraft's live video plays while the dock pushes it (host-relative URLs). */
export const aircraftLiveSchema = z.object({
  streamId: z.string(),
  wsFlv: z.string(),
  flv: z.string(),
  hls: z.string(),
});
export type AircraftLive = z.infer<typeof aircraftLiveSchema>;

export const aircraftStateSchema = z.object({
  sn: z.string(),
  source: z.enum(['dji', 'mavlink']),
  gatewaySn: z.string().nullable(),
  lon: lon.nullable(),
  lat: lat.nullable(),
  /** WGS-84 ellipsoid height (DJI `height`; MAVLink alt is MSL and stored as such, see mavlink adapter) */
  heightM: z.number().nullable(),
  /** height above the take-off point */
  elevationM: z.number().nullable(),
  headingDeg: z.number().nullable(),
  pitchDeg: z.number().nullable(),
  rollDeg: z.number().nullable(),
  horizontalSpeedMps: z.number().nullable(),
  verticalSpeedMps: z.number().nullable(),
  homeDistanceM: z.number().nullable(),
  batteryPct: z.number().nullable(),
  remainFlightTimeS: z.number().nullable(),
  modeCode: z.number().int().nullable(),
  mode: z.enum(AIRCRAFT_MODES),
  airborne: z.boolean(),
  online: z.boolean(),
  flight: flightProgressSchema.nullable(),
  live: aircraftLiveSchema.nullable(),
  updatedAt: z.number(),
});
export type AircraftState = z.infer<typeof aircraftStateSchema>;

export const READINESS_CODES = [
  'offline',
  'not-idle',
  'aircraft-out',
  'battery-low',
  'rain',
  'wind',
  'network',
  'emergency-stop',
  'cover-fault',
  'temperature',
  'unknown',
] as const;
export type ReadinessCode = (typeof READINESS_CODES)[number];

/** Why a dock cannot fly: a code and numbers the renderer translates, with both texts ready-made. */
export const readinessReasonSchema = z.object({
  code: z.enum(READINESS_CODES),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  zh: z.string(),
  en: z.string(),
});
export type ReadinessReason = z.infer<typeof readinessReasonSchema>;
export const readinessSchema = z.object({ ready: z.boolean(), reasons: z.array(readinessReasonSchema) });
export type Readiness = z.infer<typeof readinessSchema>;

export const dockSchema = z.object({
  sn: z.string(),
  name: z.string(),
  nestId: z.string().nullable(),
  lon,
  lat,
  coverageRadiusM: z.number(),
  aircraftSn: z.string().nullable(),
  online: z.boolean(),
  /** announced itself (update_topo) since this console started */
  announced: z.boolean(),
  lastSeenAt: z.number().nullable(),
  osd: dockOsdSchema.nullable(),
  readiness: readinessSchema,
  flight: flightProgressSchema.nullable(),
});
export type DockDto = z.infer<typeof dockSchema>;

export const trackPointSchema = z.object({
  t: z.number(),
  lon,
  lat,
  heightM: z.number().nullable(),
  elevationM: z.number().nullable(),
  headingDeg: z.number().nullable(),
  speedMps: z.number().nullable(),
  batteryPct: z.number().nullable(),
});
export type TrackPoint = z.infer<typeof trackPointSchema>;

export const nearestDockSchema = z.object({
  dockSn: z.string(),
  name: z.string(),
  distanceM: z.number(),
  inRange: z.boolean(),
  coverageRadiusM: z.number(),
  /** seconds at cruise speed, straight line */
  etaS: z.number(),
  cruiseSpeedMps: z.number(),
  ready: z.boolean(),
  reasons: z.array(readinessReasonSchema),
});
export type NearestDock = z.infer<typeof nearestDockSchema>;

/** Live telemetry for windows: the latest state per entity, coalesced (≤ 10 batches a second). */
export const telemetryBatchSchema = z.object({
  docks: z.array(dockSchema),
  aircraft: z.array(aircraftStateSchema),
});
export type TelemetryBatch = z.infer<typeof telemetryBatchSchema>;
