// Offline maps: the layers a window can draw (schematic basemap, MBTiles files, web sources with their
// caches), adding and removing web sources, and region downloads (estimate first, then progress).
import { z } from 'zod';
import type { DownloadEstimate, DownloadStatus } from '../tiles/download';
import { downloadRequestSchema } from '../tiles/download';
import type { MapLayer } from '../tiles/layers';
import type { SchematicData } from '../tiles/schematic';
import { sourceIdSchema, sourceInputSchema, type SourceInput } from '../tiles/sources';
import type { DownloadRequest } from '../tiles/download';
import { none, type EventSource, type ServiceContract } from './base';

export const DOWNLOAD_ACTIONS = ['pause', 'resume', 'cancel'] as const;
export type DownloadAction = (typeof DOWNLOAD_ACTIONS)[number];

export interface IMapsService {
  layers(): Promise<MapLayer[]>;
  addSource(input: SourceInput): Promise<MapLayer>;
  removeSource(id: string): Promise<void>;
  estimateDownload(req: DownloadRequest): Promise<DownloadEstimate>;
  startDownload(req: DownloadRequest): Promise<DownloadStatus>;
  downloads(): Promise<DownloadStatus[]>;
  download(id: string): Promise<DownloadStatus | null>;
  controlDownload(id: string, action: DownloadAction): Promise<DownloadStatus>;
  /** the open data the schematic basemap is drawn from (ODbL), for windows that draw it as vectors */
  schematic(): Promise<SchematicData>;
  onDidChangeDownload: EventSource<DownloadStatus>;
  onDidChangeLayers: EventSource<{ at: number }>;
}

const downloadId = z.string().min(1).max(64);

export const mapsContract = {
  methods: {
    layers: none,
    addSource: z.tuple([sourceInputSchema]),
    removeSource: z.tuple([sourceIdSchema]),
    estimateDownload: z.tuple([downloadRequestSchema]),
    startDownload: z.tuple([downloadRequestSchema]),
    downloads: none,
    download: z.tuple([downloadId]),
    controlDownload: z.tuple([downloadId, z.enum(DOWNLOAD_ACTIONS)]),
    schematic: none,
  },
  events: ['onDidChangeDownload', 'onDidChangeLayers'],
} as const satisfies ServiceContract;
