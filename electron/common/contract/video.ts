// The video network: play URLs per camera (from whichever platform serves it), PTZ and presets,
// platform status, cameras near the scene, call-ups that every open video wall follows, carousel
// groups and snapshots.
import { z } from 'zod';
import {
  callUpSchema,
  PTZ_COMMANDS,
  ptzSpeedSchema,
  STREAMS,
  type CallUpDto,
  type PlayDto,
  type PresetDto,
  type PtzCommand,
  type SnapshotDto,
  type StreamKind,
  type VideoStatusDto,
} from '../video/types';
import { latSchema, lonSchema, none, type EventSource, type ServiceContract } from './base';

export const nearSceneSchema = callUpSchema.omit({ seq: true, incidentId: true, at: true });
export type NearSceneDto = z.infer<typeof nearSceneSchema>;

export const cameraGroupSchema = z.object({
  id: z.string(),
  /** Chinese name (the UI translates known ids) */
  name: z.string(),
  cameraIds: z.array(z.string()),
});
export type CameraGroupDto = z.infer<typeof cameraGroupSchema>;

/** A JPEG as base64 (the WebSocket carries text from windows); 1 MiB of picture at most. */
export const MAX_SNAPSHOT_BYTES = 1 << 20;

export interface IVideoService {
  /** URLs to play a camera now; not-found for an unknown camera, unavailable (with the reason) when it or its platform is down */
  play(cameraId: string, stream?: StreamKind): Promise<PlayDto>;
  stop(cameraId: string, stream?: StreamKind): Promise<void>;
  /** conflict for a fixed camera */
  ptz(cameraId: string, command: PtzCommand, speed?: number): Promise<void>;
  presets(cameraId: string): Promise<PresetDto[]>;
  gotoPreset(cameraId: string, presetId: number): Promise<void>;
  status(): Promise<VideoStatusDto>;
  /** the cameras near a point (500 m, widened to 1 km when fewer than four), without telling anyone */
  near(lon: number, lat: number, radiusM?: number | null): Promise<NearSceneDto>;
  /** every open video wall fills with the cameras near the point */
  callUp(lon: number, lat: number, radiusM?: number | null, incidentId?: string | null): Promise<CallUpDto>;
  /** carousel groups: the 66 video-network points of the towns are the flood-season group */
  groups(): Promise<CameraGroupDto[]>;
  /** stores a frame in the data folder, attached to an incident when one is given */
  snapshot(cameraId: string, jpegBase64: string, incidentId?: string | null): Promise<SnapshotDto>;
  snapshots(incidentId: string): Promise<SnapshotDto[]>;
  onDidCallUp: EventSource<CallUpDto>;
  onDidSnapshot: EventSource<SnapshotDto>;
}

const cameraId = z.string().min(1).max(64);
const radius = z.number().min(10).max(5_000);
export const videoContract = {
  methods: {
    play: z.tuple([cameraId, z.enum(STREAMS).optional()]),
    stop: z.tuple([cameraId, z.enum(STREAMS).optional()]),
    ptz: z.tuple([cameraId, z.enum(PTZ_COMMANDS), ptzSpeedSchema.optional()]),
    presets: z.tuple([cameraId]),
    gotoPreset: z.tuple([cameraId, z.number().int().min(1).max(255)]),
    status: none,
    // JSON carries an absent middle argument as null
    near: z.tuple([lonSchema, latSchema, radius.nullable().optional()]),
    callUp: z.tuple([
      lonSchema,
      latSchema,
      radius.nullable().optional(),
      z.string().min(1).max(40).nullable().optional(),
    ]),
    groups: none,
    snapshot: z.tuple([
      cameraId,
      z
        .string()
        .min(8)
        .max(Math.ceil((MAX_SNAPSHOT_BYTES * 4) / 3) + 4),
      z.string().min(1).max(40).nullable().optional(),
    ]),
    snapshots: z.tuple([z.string().min(1).max(40)]),
  },
  events: ['onDidCallUp', 'onDidSnapshot'],
} as const satisfies ServiceContract;
