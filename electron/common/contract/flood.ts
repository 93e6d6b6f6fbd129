// The flood watch: the gauging stations (Ciqikou first) against their warning and guarantee levels with a
// three-day forecast, hourly rainfall, what floods at the forecast peak, the towns' 24-hour video links,
// forecast files imported, and the August 2020 flood run through the rules (what would have alarmed when).
import { z } from 'zod';
import type { Forecast, FloodOverview, StationStatus } from '../flood/types';
import type { RuleStateName, Severity } from '../rules/engine';
import type { ServiceContract } from './base';

export interface ReplayTransition {
  stationId: string;
  at: number;
  to: RuleStateName;
  severity: Severity | null;
  stageM: number | null;
}

export interface IFloodService {
  stations(): Promise<StationStatus[]>;
  overview(): Promise<FloodOverview>;
  /** a forecast file (CSV `time,stage_m` or JSON), for `stationId` unless the file names one */
  importForecast(text: string, stationId?: string): Promise<Forecast>;
  /** the 2020 hydrograph through each station's rule, on its own timestamps */
  replay2020(): Promise<ReplayTransition[]>;
}

export const floodContract = {
  methods: {
    stations: z.tuple([]),
    overview: z.tuple([]),
    importForecast: z.tuple([z.string().min(1).max(1_000_000), z.string().min(1).max(40).optional()]),
    replay2020: z.tuple([]),
  },
  events: [],
} as const satisfies ServiceContract;
