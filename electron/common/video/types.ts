// What the video service hands out and takes in: play URLs per protocol, PTZ commands, platform and
// play status, and call-ups. zod schemas are the one definition; types are derived from them.
import { z } from 'zod';

/** The delivery protocols a platform may offer for one stream (ZLMediaKit/WVP naming, camelCased). */
export const PROTOCOLS = ['wsFlv', 'flv', 'hls', 'webrtc', 'mjpeg'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const STREAMS = ['sub', 'main'] as const;
export type StreamKind = (typeof STREAMS)[number];

export const VIDEO_CODECS = ['h264', 'h265', 'unknown'] as const;
export type VideoCodec = (typeof VIDEO_CODECS)[number];

export const playUrlsSchema = z.object({
  wsFlv: z.string().optional(),
  flv: z.string().optional(),
  hls: z.string().optional(),
  webrtc: z.string().optional(),
  mjpeg: z.string().optional(),
});
export type PlayUrls = z.infer<typeof playUrlsSchema>;

export const playSchema = z.object({
  cameraId: z.string(),
  stream: z.enum(STREAMS),
  urls: playUrlsSchema,
  codec: z.enum(VIDEO_CODECS),
  /** ms since the epoch after which the URLs should be asked for again */
  expiresAt: z.number().int(),
  /** the platform that handed the URLs out */
  platform: z.string(),
  /** true when the picture comes from the embedded simulator (the screen must say so) */
  simulated: z.boolean(),
});
export type PlayDto = z.infer<typeof playSchema>;

/** GB/T 28181 front-end commands as WVP names them. */
export const PTZ_COMMANDS = [
  'left',
  'right',
  'up',
  'down',
  'upleft',
  'upright',
  'downleft',
  'downright',
  'zoomin',
  'zoomout',
  'stop',
] as const;
export type PtzCommand = (typeof PTZ_COMMANDS)[number];
/** 0..1 of the platform's range (WVP: 0–255 pan/tilt, 0–15 zoom) */
export const ptzSpeedSchema = z.number().min(0).max(1);

export const presetSchema = z.object({ id: z.number().int().min(1).max(255), name: z.string() });
export type PresetDto = z.infer<typeof presetSchema>;

export const PLATFORM_KINDS = ['simulator', 'direct', 'wvp'] as const;
export type PlatformKind = (typeof PLATFORM_KINDS)[number];

export const platformStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  /** where it is (no credentials) */
  address: z.string(),
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  /** why it is not reachable, in the platform's words */
  error: z.string().nullable(),
  checkedAt: z.number().int().nullable(),
  cameras: z.number().int(),
  simulated: z.boolean(),
});
export type PlatformStatusDto = z.infer<typeof platformStatusSchema>;

export const activePlaySchema = z.object({
  cameraId: z.string(),
  stream: z.enum(STREAMS),
  platform: z.string(),
  startedAt: z.number().int(),
  expiresAt: z.number().int(),
  /** viewers connected to the console host's own stream endpoints (simulator), else null */
  viewers: z.number().int().nullable(),
});
export type ActivePlayDto = z.infer<typeof activePlaySchema>;

export const videoStatusSchema = z.object({
  platforms: z.array(platformStatusSchema),
  activePlays: z.array(activePlaySchema),
});
export type VideoStatusDto = z.infer<typeof videoStatusSchema>;

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

export const nearCameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  mount: z.enum(['fixed', 'ptz']),
  status: z.enum(['online', 'offline', 'fault']),
  lon: z.number(),
  lat: z.number(),
  distanceM: z.number(),
  bearingDeg: z.number(),
  compass: z.enum(COMPASS_POINTS),
});
export type NearCameraDto = z.infer<typeof nearCameraSchema>;

export const callUpSchema = z.object({
  /** grows with every call-up, so walls can tell a repeat from a stale one */
  seq: z.number().int(),
  lon: z.number(),
  lat: z.number(),
  requestedRadiusM: z.number(),
  /** the radius the cameras were taken from (widened when too few were near) */
  radiusM: z.number(),
  widened: z.boolean(),
  incidentId: z.string().nullable(),
  cameras: z.array(nearCameraSchema),
  at: z.number().int(),
});
export type CallUpDto = z.infer<typeof callUpSchema>;

export const snapshotSchema = z.object({
  id: z.string(),
  cameraId: z.string(),
  incidentId: z.string().nullable(),
  /** path inside the data folder */
  file: z.string(),
  bytes: z.number().int(),
  at: z.number().int(),
  /** why it could not be put on the incident's timeline (the picture is kept either way); null when it was */
  attachError: z.string().nullable().optional(),
});
export type SnapshotDto = z.infer<typeof snapshotSchema>;
