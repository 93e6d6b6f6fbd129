// Region downloads as data: the request (a source, one area, zoom levels), the estimate shown before
// starting, and the progress a window follows (per level, rate and time left).
import { z } from 'zod';
import { isValidBBox, type BBoxArr } from './mercator';
import { sourceIdSchema } from './sources';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]);
export const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((b) => isValidBBox(b), { message: 'bbox is [minLon, minLat, maxLon, maxLat] with min < max, in degrees' });

/** The biggest download one request may start (a whole district at zoom 18 is ~60,000 tiles). */
export const MAX_DOWNLOAD_TILES = 1_000_000;

export const downloadAreaFields = {
  bbox: bboxSchema.optional(),
  /** a drawn polygon: [lon, lat] points, closed or not */
  polygon: z.array(lonLat).min(3).max(2_000).optional(),
  /** a town/street by its statistical code */
  townCode: z
    .string()
    .regex(/^\d{9,12}$/, 'a town code is its 9–12 digit statistical code')
    .optional(),
  /** around an incident */
  incidentId: z.string().min(1).max(64).optional(),
  radiusM: z.number().min(100).max(20_000).optional(),
};

const AREA_KEYS = ['bbox', 'polygon', 'townCode', 'incidentId'] as const;

/** Exactly one area; a radius only with an incident. Issues name the field. */
export function checkOneArea(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const given = AREA_KEYS.filter((k) => v[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [given[1] ?? 'bbox'],
      message: 'give exactly one area: bbox, polygon, townCode, or incidentId with radiusM',
    });
  }
  if ((v.incidentId === undefined) !== (v.radiusM === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['radiusM'], message: 'incidentId and radiusM go together' });
  }
}

export const downloadRequestSchema = z
  .object({
    source: sourceIdSchema,
    ...downloadAreaFields,
    minZoom: z.number().int().min(0).max(20),
    maxZoom: z.number().int().min(0).max(20),
  })
  .superRefine((v, ctx) => {
    checkOneArea(v, ctx);
    if (v.minZoom > v.maxZoom) ctx.addIssue({ code: 'custom', path: ['minZoom'], message: 'minZoom is above maxZoom' });
  });
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;

/** The resolved area a download keeps (a town or an incident turned into its polygon or box). */
export const resolvedAreaSchema = z.union([
  z.object({ bbox: bboxSchema, label: z.string() }),
  z.object({ ring: z.array(lonLat).min(3), label: z.string() }),
]);
export type ResolvedArea = z.infer<typeof resolvedAreaSchema>;

export const levelEstimateSchema = z.object({ z: z.number().int(), tiles: z.number().int() });

export const downloadEstimateSchema = z.object({
  source: z.string(),
  area: z.string().describe('what the area was read as'),
  tilesTotal: z.number().int(),
  /** tiles already in the source's cache (they are not fetched again) */
  tilesCached: z.number().int(),
  bytesEstimate: z.number().int(),
  levels: z.array(levelEstimateSchema),
});
export type DownloadEstimate = z.infer<typeof downloadEstimateSchema>;

export const DOWNLOAD_STATES = ['running', 'paused', 'done', 'failed', 'cancelled'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

export const levelProgressSchema = z.object({
  z: z.number().int(),
  tilesTotal: z.number().int(),
  tilesDone: z.number().int(),
  tilesFailed: z.number().int(),
  bytes: z.number().int(),
});
export type LevelProgress = z.infer<typeof levelProgressSchema>;

export const downloadStatusSchema = z.object({
  id: z.string(),
  source: z.string(),
  area: z.string(),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  state: z.enum(DOWNLOAD_STATES),
  tilesTotal: z.number().int(),
  tilesDone: z.number().int().describe('fetched, or already in the cache'),
  tilesFailed: z.number().int().describe('gave up after retries (kept out of the cache)'),
  bytes: z.number().int(),
  bytesEstimate: z.number().int(),
  levels: z.array(levelProgressSchema),
  /** tiles per second over the last few seconds (0 when not running) */
  ratePerS: z.number(),
  /** seconds left at that rate; null when unknown or not running */
  etaS: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type DownloadStatus = z.infer<typeof downloadStatusSchema>;

/** Tiles per second over a sliding window of (time, done) samples; a clock is passed in. */
export class RateMeter {
  private samples: { t: number; done: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  add(t: number, done: number): void {
    this.samples.push({ t, done });
    while (this.samples.length > 2 && t - this.samples[0].t > this.windowMs) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  rate(): number {
    if (this.samples.length < 2) return 0;
    const a = this.samples[0];
    const b = this.samples[this.samples.length - 1];
    return b.t > a.t ? ((b.done - a.done) * 1000) / (b.t - a.t) : 0;
  }

  etaS(remaining: number): number | null {
    const r = this.rate();
    if (remaining <= 0) return 0;
    return r > 0 ? Math.ceil(remaining / r) : null;
  }
}

export const bboxLabel = (b: BBoxArr) => `bbox ${b.map((v) => v.toFixed(4)).join(',')}`;
