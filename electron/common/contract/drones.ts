// Drone nests: docks with readiness, aircraft, tracks, commands with their DJI outcome, the nearest
// dock for a point (the board shows it beside each incident), and live telemetry coalesced per entity.
import { z } from 'zod';
import { actorSchema, type Actor } from '../dispatch/types';
import { commandRequestSchema, type CommandDto, type CommandRequest } from '../drones/commands';
import type { AircraftState, DockDto, NearestDock, TelemetryBatch, TrackPoint } from '../drones/types';
import type { Patrol } from '../drones/wayline';
import { latSchema, lonSchema, none, type EventSource, type ServiceContract } from './base';

export interface IDronesService {
  listDocks(): Promise<DockDto[]>;
  getDock(sn: string): Promise<DockDto | null>;
  listAircraft(): Promise<AircraftState[]>;
  /** the aircraft's stored fixes (1 Hz) since `since` (ms) */
  track(sn: string, since: number): Promise<TrackPoint[]>;
  /** sends a command to a dock; its outcome follows in getCommand / onDidCommand */
  command(dockSn: string, request: CommandRequest, actor?: Actor): Promise<{ id: string }>;
  getCommand(id: string): Promise<CommandDto | null>;
  recentCommands(dockSn: string, limit?: number): Promise<CommandDto[]>;
  nearestDock(lon: number, lat: number): Promise<NearestDock | null>;
  listPatrols(): Promise<Patrol[]>;
  onDidTelemetry: EventSource<TelemetryBatch>;
  onDidCommand: EventSource<CommandDto>;
}

const sn = z.string().min(1).max(64);

export const dronesContract = {
  methods: {
    listDocks: none,
    getDock: z.tuple([sn]),
    listAircraft: none,
    track: z.tuple([sn, z.number().min(0)]),
    command: z.tuple([sn, commandRequestSchema, actorSchema.optional()]),
    getCommand: z.tuple([z.string().min(1).max(64)]),
    recentCommands: z.tuple([sn, z.number().int().min(1).max(200).optional()]),
    nearestDock: z.tuple([lonSchema, latSchema]),
    listPatrols: none,
  },
  events: ['onDidTelemetry', 'onDidCommand'],
} as const satisfies ServiceContract;
