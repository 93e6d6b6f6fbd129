// Scripted scenarios for the sensor simulator: a flood night and the August 2020 Jialing flood. A script
// is a set of tracks; each track drives some sensors through anchor values (time from the start, value),
// smoothly between anchors, each sensor scaled by its own factor so neighbouring gauges do not move in
// lock-step. Played live, the readings are stamped with the console's time and the script runs `speed`
// times faster: pending periods stay real, so a breach the compressed script holds only briefly does not
// alarm — as it would not in reality.
import { z } from 'zod';

export const SCENARIO_IDS = ['flood-night', 'flood-2020'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const scenarioTrackSchema = z.object({
  sensorIds: z.array(z.string()),
  /** per sensor, the factor its excursion from the first anchor is scaled by (default 1) */
  scales: z.array(z.number()).optional(),
  /** [ms from the start, value] */
  anchors: z.array(z.tuple([z.number(), z.number()])).min(1),
});
export type ScenarioTrack = z.infer<typeof scenarioTrackSchema>;

export const scenarioSchema = z.object({
  id: z.enum(SCENARIO_IDS),
  name: z.string(),
  nameEn: z.string(),
  /** script time it covers (ms) */
  durationMs: z.number().int(),
  defaultSpeed: z.number(),
  /** what is observed and what is assumed */
  note: z.string(),
  tracks: z.array(scenarioTrackSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioStatusSchema = z.object({
  running: z.enum(SCENARIO_IDS).nullable(),
  speed: z.number(),
  startedAt: z.number().int().nullable(),
  /** script time reached (ms from the start) */
  progressMs: z.number(),
  durationMs: z.number(),
  available: z.array(z.object({ id: z.enum(SCENARIO_IDS), name: z.string(), nameEn: z.string(), note: z.string() })),
});
export type ScenarioStatus = z.infer<typeof scenarioStatusSchema>;

/** The track's value for sensor `i` at script time `t` (half-cosine between anchors, held at the ends). */
export function trackValue(track: ScenarioTrack, i: number, t: number): number {
  const a = track.anchors;
  const base = a[0][1];
  let v: number;
  if (t <= a[0][0]) v = base;
  else if (t >= a[a.length - 1][0]) v = a[a.length - 1][1];
  else {
    let k = 0;
    while (a[k + 1][0] < t) k++;
    const [t0, v0] = a[k];
    const [t1, v1] = a[k + 1];
    const f = (1 - Math.cos((Math.PI * (t - t0)) / (t1 - t0))) / 2;
    v = v0 + (v1 - v0) * f;
  }
  const scale = track.scales?.[i] ?? 1;
  return base + (v - base) * scale;
}
