// The flood watch's shapes: gauging stations with their real warning and guarantee levels (and the datum
// they are on), forecasts (imported, or the console's simple model, always labelled as which), and what
// floods at a given Ciqikou stage.
import { z } from 'zod';

const ms = z.number().int();

export const stationSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  river: z.string(),
  riverEn: z.string(),
  lon: z.number(),
  lat: z.number(),
  /** the water-level sensor that reports the station's stage */
  sensorId: z.string(),
  warningM: z.number(),
  guaranteeM: z.number(),
  /** the datum the levels are on, and any caveat (agencies publish on different datums) */
  datumNote: z.string(),
  /** thresholds another agency publishes for the same gauge, with why they differ */
  altThresholds: z.object({ warningM: z.number(), guaranteeM: z.number(), note: z.string() }).nullable(),
  peak2020: z.object({ stageM: z.number(), at: ms, aboveGuaranteeM: z.number() }),
  /** order on the flood screen (Ciqikou first) */
  order: z.number().int(),
  sources: z.array(z.string()),
});
export type StationDef = z.infer<typeof stationSchema>;

export const forecastPointSchema = z.object({ t: ms, stageM: z.number() });
export type ForecastPoint = z.infer<typeof forecastPointSchema>;

export const FORECAST_KINDS = ['imported', 'simple-model'] as const;
export const forecastSchema = z.object({
  stationId: z.string(),
  kind: z.enum(FORECAST_KINDS),
  /** who made it: the imported file's source, or how the console's model works */
  label: z.string(),
  issuedAt: ms,
  points: z.array(forecastPointSchema),
  peak: forecastPointSchema.nullable(),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const STAGE_STATES = ['normal', 'warning', 'guarantee'] as const;
export type StageState = (typeof STAGE_STATES)[number];

export const stationStatusSchema = stationSchema.extend({
  stageM: z.number().nullable(),
  stageAt: ms.nullable(),
  stageState: z.enum(STAGE_STATES),
  /** metres above warning (negative: below) */
  aboveWarningM: z.number().nullable(),
  aboveGuaranteeM: z.number().nullable(),
  /** hourly mean stage, last 72 h */
  hourly: z.array(z.object({ t: ms, stageM: z.number() })),
  forecast: forecastSchema.nullable(),
});
export type StationStatus = z.infer<typeof stationStatusSchema>;

export const floodedTownSchema = z.object({
  townCode: z.string(),
  name: z.string(),
  nameEn: z.string(),
  points: z.number().int(),
});
export const floodOverviewSchema = z.object({
  at: ms,
  stations: z.array(stationStatusSchema),
  /** hourly rainfall (mean of the district's rain gauges, mm/h), last 72 h */
  rainfall: z.array(z.object({ t: ms, mm: z.number() })),
  /** the stage used for "what floods": the forecast peak, else the current stage at Ciqikou */
  floodStageM: z.number().nullable(),
  floodStageKind: z.enum(['forecast-peak', 'current']),
  floodedPoints: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      townCode: z.string(),
      lon: z.number(),
      lat: z.number(),
      floodStageM: z.number(),
    }),
  ),
  floodedTowns: z.array(floodedTownSchema),
  /** the flood-season 24-hour video links to every town/street */
  videoLinks: z.array(
    z.object({
      townCode: z.string(),
      name: z.string(),
      nameEn: z.string(),
      cameraIds: z.array(z.string()),
      online: z.number().int(),
      total: z.number().int(),
      linked: z.boolean(),
    }),
  ),
});
export type FloodOverview = z.infer<typeof floodOverviewSchema>;

/** Where a stage stands against a station's levels. */
export function stageState(stageM: number | null, s: Pick<StationDef, 'warningM' | 'guaranteeM'>): StageState {
  if (stageM === null) return 'normal';
  if (stageM >= s.guaranteeM) return 'guarantee';
  if (stageM >= s.warningM) return 'warning';
  return 'normal';
}
