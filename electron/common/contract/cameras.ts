// Cameras of the video network and public safety, with nearby lookups (R*Tree).
import { z } from 'zod';
import type { CameraDto, NearbyCameraDto } from '../dto';
import { latSchema, limitSchema, lonSchema, none, type ServiceContract } from './base';

export interface ICameraService {
  list(): Promise<CameraDto[]>;
  get(id: string): Promise<CameraDto | null>;
  nearby(lon: number, lat: number, radiusM: number, limit?: number): Promise<NearbyCameraDto[]>;
  /** cameras whose name contains the text (full-text, Chinese included) */
  search(text: string, limit?: number): Promise<CameraDto[]>;
}

export const camerasContract = {
  methods: {
    list: none,
    get: z.tuple([z.string().min(1).max(64)]),
    nearby: z.tuple([lonSchema, latSchema, z.number().positive().max(100_000), limitSchema.optional()]),
    search: z.tuple([z.string().max(100), z.number().int().min(1).max(2_000).optional()]),
  },
  events: [],
} as const satisfies ServiceContract;
