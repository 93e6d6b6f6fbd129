// The risk map: 22,000 points packed as typed arrays, searches and box queries.
import { z } from 'zod';
import type { LevelCounts, PackedRiskPoints, RiskPointDetail, RiskPointSummary } from '../dto';
import { RISK_LEVELS } from '../levels';
import { latSchema, limitSchema, lonSchema, none, type ServiceContract } from './base';

export const riskQuerySchema = z
  .object({
    bbox: z
      .tuple([lonSchema, latSchema, lonSchema, latSchema])
      .refine((b) => b[0] <= b[2] && b[1] <= b[3], 'bbox min must not exceed max'),
    level: z.enum(RISK_LEVELS).optional(),
    categoryId: z.number().int().min(1).optional(),
    limit: limitSchema.optional(),
  })
  .strict();
export type RiskQuery = z.infer<typeof riskQuerySchema>;

export interface IRiskMapService {
  getPackedPoints(): Promise<PackedRiskPoints>;
  getLevelCounts(): Promise<LevelCounts>;
  getPoint(id: number): Promise<RiskPointDetail | null>;
  search(text: string, limit?: number): Promise<RiskPointSummary[]>;
  query(q: RiskQuery): Promise<RiskPointSummary[]>;
}

export const riskmapContract = {
  methods: {
    getPackedPoints: none,
    getLevelCounts: none,
    getPoint: z.tuple([z.number().int().min(1)]),
    search: z.tuple([z.string().trim().min(1).max(100), limitSchema.optional()]),
    query: z.tuple([riskQuerySchema]),
  },
  events: [],
} as const satisfies ServiceContract;
