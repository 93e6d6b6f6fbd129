// Commands an officer sends to a dock: what each takes, who may send it, and how it becomes the DJI
// service payload. Pure: ids, the clock and the dock's height come in as arguments.
import { z } from 'zod';
import type { Actor } from '../dispatch/types';

export const DEFAULT_FLY_HEIGHT_M = 120;
export const DEFAULT_MAX_SPEED_MPS = 12;
/** DJI: an aircraft below 20 m climbs to 20 m first; we refuse targets lower than that above the dock */
export const MIN_FLY_HEIGHT_M = 20;
export const MAX_FLY_HEIGHT_M = 500;

const lonLat = { lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) };
const empty = z.object({}).strict();

/** Each method's parameters as the console takes them (camelCase, SI), checked before anything is sent. */
export const COMMAND_PARAMS = {
  fly_to_point: z
    .object({
      ...lonLat,
      heightM: z.number().min(MIN_FLY_HEIGHT_M).max(MAX_FLY_HEIGHT_M).default(DEFAULT_FLY_HEIGHT_M),
      maxSpeedMps: z.number().min(1).max(15).default(DEFAULT_MAX_SPEED_MPS),
    })
    .strict(),
  fly_to_point_stop: empty,
  return_home: empty,
  return_home_cancel: empty,
  flighttask_prepare: z.object({ patrolId: z.string().min(1).max(64) }).strict(),
  flighttask_execute: z.object({ flightId: z.string().min(1).max(64) }).strict(),
  flighttask_undo: z.object({ flightId: z.string().min(1).max(64) }).strict(),
  live_start_push: z.object({ videoQuality: z.number().int().min(0).max(4).default(0) }).strict(),
  live_stop_push: empty,
  debug_mode_open: empty,
  debug_mode_close: empty,
  cover_open: empty,
  cover_close: empty,
  charge_open: empty,
  charge_close: empty,
  device_reboot: empty,
} as const;
export type CommandMethod = keyof typeof COMMAND_PARAMS;
export const COMMAND_METHODS = Object.keys(COMMAND_PARAMS) as CommandMethod[];

/** Dock debug commands: only for the roles below (the duty leader and the supervisor), never the desk officer. */
export const DEBUG_METHODS: readonly CommandMethod[] = [
  'debug_mode_open',
  'debug_mode_close',
  'cover_open',
  'cover_close',
  'charge_open',
  'charge_close',
  'device_reboot',
];
export const DEBUG_ROLES: readonly Actor['role'][] = ['leader', 'supervisor'];

export function mayUse(method: CommandMethod, actor: Actor): boolean {
  return !DEBUG_METHODS.includes(method) || DEBUG_ROLES.includes(actor.role);
}

export const commandRequestSchema = z.object({
  method: z.enum(COMMAND_METHODS as [CommandMethod, ...CommandMethod[]]),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const COMMAND_STATES = ['sent', 'accepted', 'failed', 'timed-out'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export const commandSchema = z.object({
  id: z.string(),
  dockSn: z.string(),
  method: z.enum(COMMAND_METHODS as [CommandMethod, ...CommandMethod[]]),
  params: z.record(z.string(), z.unknown()),
  state: z.enum(COMMAND_STATES),
  /** DJI result code of the reply (0 = accepted), null while none arrived */
  resultCode: z.number().int().nullable(),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  tid: z.string(),
  bid: z.string(),
  actorName: z.string(),
  /** ids the dock will report progress under (flight_id, fly_to_id) */
  flightId: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CommandDto = z.infer<typeof commandSchema>;

/** Target height for DJI: WGS-84 ellipsoid height = the dock's own ellipsoid height + height above the dock. */
export function ellipsoidTargetHeightM(dockEllipsoidHeightM: number, aboveDockM: number): number {
  return Math.round((dockEllipsoidHeightM + aboveDockM) * 10) / 10;
}

export interface BuildContext {
  /** fresh id for fly_to_id / flight_id */
  newId: () => string;
  now: number;
  dockHeightM: number | null;
  aircraftSn: string | null;
  /** the stored patrol's wayline file, for flighttask_prepare */
  wayline?: { url: string; fingerprint: string } | null;
  /** where the aircraft should push its video, for live_start_push */
  live?: { urlType: number; url: string } | null;
}

export type BuildResult =
  | { ok: true; data: Record<string, unknown>; flightId: string | null }
  | { ok: false; code: 'unavailable' | 'rejected' | 'not-found'; message: string };

/** The DJI service `data` for a checked command. */
export function buildServiceData(
  method: CommandMethod,
  params: Record<string, unknown>,
  ctx: BuildContext,
): BuildResult {
  switch (method) {
    case 'fly_to_point': {
      const p = params as z.infer<(typeof COMMAND_PARAMS)['fly_to_point']>;
      if (ctx.dockHeightM === null)
        return {
          ok: false,
          code: 'unavailable',
          message: 'the dock has not reported its height yet; cannot set a safe target height',
        };
      const id = ctx.newId();
      return {
        ok: true,
        flightId: id,
        data: {
          fly_to_id: id,
          max_speed: p.maxSpeedMps,
          points: [{ latitude: p.lat, longitude: p.lon, height: ellipsoidTargetHeightM(ctx.dockHeightM, p.heightM) }],
        },
      };
    }
    case 'flighttask_prepare': {
      if (!ctx.wayline) return { ok: false, code: 'not-found', message: `no stored patrol ${String(params.patrolId)}` };
      const id = ctx.newId();
      return {
        ok: true,
        flightId: id,
        data: {
          flight_id: id,
          execute_time: ctx.now,
          task_type: 0,
          wayline_type: 0,
          file: ctx.wayline,
          rth_altitude: 100,
          rth_mode: 1,
          out_of_control_action: 0,
          exit_wayline_when_rc_lost: 0,
        },
      };
    }
    case 'flighttask_execute':
    case 'flighttask_undo': {
      const flightId = String(params.flightId);
      return {
        ok: true,
        flightId,
        data: method === 'flighttask_undo' ? { flight_ids: [flightId] } : { flight_id: flightId },
      };
    }
    case 'live_start_push': {
      if (!ctx.aircraftSn) return { ok: false, code: 'rejected', message: 'the dock has no aircraft to stream from' };
      if (!ctx.live)
        return { ok: false, code: 'unavailable', message: 'the video network has no ingest for aircraft streams yet' };
      return {
        ok: true,
        flightId: null,
        data: {
          url_type: ctx.live.urlType,
          url: ctx.live.url,
          video_id: `${ctx.aircraftSn}/39-0-7/normal-0`,
          video_quality: (params as { videoQuality: number }).videoQuality,
        },
      };
    }
    case 'live_stop_push':
      if (!ctx.aircraftSn) return { ok: false, code: 'rejected', message: 'the dock has no aircraft to stream from' };
      return { ok: true, flightId: null, data: { video_id: `${ctx.aircraftSn}/39-0-7/normal-0` } };
    default:
      return { ok: true, flightId: null, data: {} };
  }
}
