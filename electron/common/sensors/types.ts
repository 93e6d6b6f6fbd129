// What crosses the contract about sensors: the sensor with its thresholds, state and latest reading, its
// down-sampled series, the ingest answer, and a risk point's dynamic level with its history.
import { z } from 'zod';
import { riskPointDetailSchema } from '../dto';
import { RISK_LEVELS } from '../levels';
import { RULE_STATES, SEVERITIES } from '../rules/engine';
import { DIRECTIONS } from '../rules/threshold';
import { SENSOR_KINDS } from './kinds';

const ms = z.number().int();

export const thresholdsSchema = z.object({
  direction: z.enum(DIRECTIONS),
  warning: z.number(),
  critical: z.number(),
  recovery: z.number(),
  pendingMs: ms,
  noDataAfterMs: ms,
});

export const readingSchema = z.object({ ts: ms, value: z.number() });
export type Reading = z.infer<typeof readingSchema>;

export const sensorSchema = z.object({
  id: z.string(),
  kind: z.enum(SENSOR_KINDS),
  name: z.string(),
  riskPointId: z.number().int().nullable(),
  /** a river gauging station's id (water-level sensors of the hydrology network) */
  stationId: z.string().nullable(),
  townCode: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  unit: z.string(),
  thresholds: thresholdsSchema,
  intervalS: z.number().int(),
  state: z.enum(RULE_STATES),
  severity: z.enum(SEVERITIES).nullable(),
  /** when the state began (reading time) */
  since: ms,
  latest: readingSchema.nullable(),
});
export type SensorDto = z.infer<typeof sensorSchema>;

export const sensorPageSchema = z.object({ total: z.number().int(), items: z.array(sensorSchema) });
export type SensorPage = z.infer<typeof sensorPageSchema>;

export const SERIES_RESOLUTIONS = ['5m', '1h'] as const;
export type SeriesResolution = (typeof SERIES_RESOLUTIONS)[number];
export const RESOLUTION_MS: Record<SeriesResolution, number> = { '5m': 300_000, '1h': 3_600_000 };

export const seriesPointSchema = z.object({
  /** bucket start (ms) */
  t: ms,
  n: z.number().int(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  last: z.number(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export const seriesSchema = z.object({
  sensorId: z.string(),
  resolution: z.enum(SERIES_RESOLUTIONS),
  unit: z.string(),
  thresholds: thresholdsSchema,
  points: z.array(seriesPointSchema),
});
export type SeriesDto = z.infer<typeof seriesSchema>;

export const REJECT_REASONS = [
  'not-an-object',
  'unknown-sensor',
  'not-a-number',
  'bad-timestamp',
  'future-timestamp',
  'out-of-range',
  'overload',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.enum(REJECT_REASONS), detail: z.string() })),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

export const levelFactorSchema = z.object({
  sensorId: z.string(),
  kind: z.enum(SENSOR_KINDS),
  state: z.enum(RULE_STATES),
  severity: z.enum(SEVERITIES).nullable(),
  value: z.number().nullable(),
  weight: z.number(),
});
export type LevelFactor = z.infer<typeof levelFactorSchema>;

export const levelChangeSchema = z.object({
  id: z.string(),
  pointId: z.number().int(),
  at: ms,
  from: z.enum(RISK_LEVELS),
  to: z.enum(RISK_LEVELS),
  model: z.string(),
  score: z.number(),
  /** the reason as recorded (Chinese); `factors` lets a window word it in its own language */
  reason: z.string(),
  factors: z.array(levelFactorSchema),
});
export type LevelChange = z.infer<typeof levelChangeSchema>;

export const riskPointWatchSchema = riskPointDetailSchema.extend({
  /** the level the risk list gave the point (the seeded assessment) */
  baseLevel: z.enum(RISK_LEVELS),
  /** the level now, after the dynamic grading model */
  level: z.enum(RISK_LEVELS),
  levelSince: ms.nullable(),
  model: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
  score: z.number(),
  history: z.array(levelChangeSchema),
  sensors: z.array(sensorSchema),
  /** the Ciqikou stage (m) at which the point floods, for points by the Jialing */
  floodStageM: z.number().nullable(),
});
export type RiskPointWatch = z.infer<typeof riskPointWatchSchema>;

/** A batch of sensor state changes for windows (coalesced: one entry per sensor). */
export const sensorStateChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(SENSOR_KINDS),
  riskPointId: z.number().int().nullable(),
  state: z.enum(RULE_STATES),
  severity: z.enum(SEVERITIES).nullable(),
  since: ms,
  latest: readingSchema.nullable(),
});
export type SensorStateChange = z.infer<typeof sensorStateChangeSchema>;
