// Forecasts of a station's stage three days ahead. An imported forecast file (the hydrology bureau's, as
// CSV `time,stage_m` or JSON) is used while it covers the coming hours; otherwise the console's simple
// model, labelled as such: the recent trend, damped (half-life 12 h), plus the upstream station's recent
// rise arriving after the travel time. It is a rough guide for the night watch, not a hydrological model.
import { forecastPointSchema, type Forecast, type ForecastPoint } from './types';
import { z } from 'zod';

const H = 3_600_000;
export const FORECAST_HOURS = 72;
/** Beibei → Ciqikou: the 2020 peaks were 13.5 h apart (12:35 on the 19th, 02:00 on the 20th) */
export const UPSTREAM_LAG_H = 13;
export const SIMPLE_MODEL_LABEL =
  '简易模型（非水文预报）：近6小时趋势外推（12小时半衰）＋上游北碚近13小时涨幅按传播时间叠加 / ' +
  'Simple model (not a hydrological forecast): 6-hour trend, damped (12 h half-life), plus the rise at Beibei ' +
  'over the last 13 h arriving after the travel time';

export class ForecastFileError extends Error {}

const fileSchema = z.object({
  station: z.string().min(1).max(40),
  issuedAt: z.union([z.number().int(), z.string()]),
  source: z.string().min(1).max(200),
  points: z.array(forecastPointSchema).min(1).max(10_000),
});

function parseTime(v: string | number, where: string): number {
  const t = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(t)) throw new ForecastFileError(`${where}: ${JSON.stringify(v)} is not a time (ISO 8601 or ms)`);
  return t;
}

/**
 * Reads a forecast file: JSON `{station, issuedAt, source, points: [{t, stageM}]}` or CSV with a header
 * `time,stage_m` (time ISO 8601 with its offset; `#station=` and `#source=` comment lines). Throws
 * ForecastFileError naming the line or field that is wrong.
 */
export function parseForecastFile(
  text: string,
  defaults: { station: string; issuedAt: number },
): { station: string; issuedAt: number; source: string; points: ForecastPoint[] } {
  const trimmed = text.trim();
  if (!trimmed) throw new ForecastFileError('the forecast file is empty');
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new ForecastFileError('the forecast file is not valid JSON');
    }
    const r = fileSchema.safeParse(json);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new ForecastFileError(`field '${i.path.join('.')}': ${i.message}`);
    }
    const points = [...r.data.points].sort((a, b) => a.t - b.t);
    return { station: r.data.station, issuedAt: parseTime(r.data.issuedAt, 'issuedAt'), source: r.data.source, points };
  }
  let station = defaults.station;
  let source = 'imported CSV';
  const points: ForecastPoint[] = [];
  const lines = trimmed.split(/\r?\n/);
  let header = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const m = /^#\s*(station|source)\s*=\s*(.+)$/.exec(line);
      if (m?.[1] === 'station') station = m[2].trim();
      if (m?.[1] === 'source') source = m[2].trim();
      return;
    }
    if (!header) {
      if (!/^time\s*,\s*stage_m$/i.test(line))
        throw new ForecastFileError(`line ${i + 1}: the header must be "time,stage_m", got ${JSON.stringify(line)}`);
      header = true;
      return;
    }
    const [t, v, extra] = line.split(',');
    const stageM = Number(v);
    if (extra !== undefined || v === undefined || !Number.isFinite(stageM))
      throw new ForecastFileError(`line ${i + 1}: expected "time,stage_m", got ${JSON.stringify(line.slice(0, 80))}`);
    points.push({ t: parseTime(t.trim(), `line ${i + 1}`), stageM });
  });
  if (!points.length) throw new ForecastFileError('the forecast file has no rows');
  points.sort((a, b) => a.t - b.t);
  return { station, issuedAt: defaults.issuedAt, source, points };
}

export function peakOf(points: readonly ForecastPoint[]): ForecastPoint | null {
  let best: ForecastPoint | null = null;
  for (const p of points) if (!best || p.stageM > best.stageM) best = p;
  return best;
}

/** An imported forecast restricted to the next 72 hours; null when it no longer covers any of them. */
export function importedForecast(
  stationId: string,
  file: { issuedAt: number; source: string; points: readonly ForecastPoint[] },
  now: number,
): Forecast | null {
  const points = file.points.filter((p) => p.t >= now && p.t <= now + FORECAST_HOURS * H);
  if (!points.length) return null;
  return { stationId, kind: 'imported', label: file.source, issuedAt: file.issuedAt, points, peak: peakOf(points) };
}

/** Stage at time t from a series (linear between neighbours; null outside it). */
function at(series: readonly ForecastPoint[], t: number): number | null {
  if (!series.length || t < series[0].t || t > series[series.length - 1].t) return null;
  let lo = 0;
  let hi = series.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (series[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = series[lo];
  const b = series[hi];
  return b.t === a.t ? a.stageM : a.stageM + ((b.stageM - a.stageM) * (t - a.t)) / (b.t - a.t);
}

/**
 * The console's simple model from the station's own recent stages and the upstream station's, both as
 * time-ordered series; hourly points for the next 72 h. Null without at least 6 h of the station's stage.
 */
export function simpleForecast(
  stationId: string,
  own: readonly ForecastPoint[],
  upstream: readonly ForecastPoint[],
  now: number,
): Forecast | null {
  const current = at(own, Math.min(now, own.at(-1)?.t ?? now));
  const sixAgo = at(own, now - 6 * H);
  if (current === null || sixAgo === null) return null;
  const trend = (current - sixAgo) / 6; // m/h
  const upNow = at(upstream, Math.min(now, upstream.at(-1)?.t ?? now));
  const upThen = at(upstream, now - UPSTREAM_LAG_H * H);
  // the upstream rise of the last lag hours reaches us spread over the next lag hours
  const upRise = upNow !== null && upThen !== null ? Math.max(0, upNow - upThen) * 0.8 : 0;
  const points: ForecastPoint[] = [];
  let stage = current;
  for (let h = 1; h <= FORECAST_HOURS; h++) {
    stage += trend * 0.5 ** (h / 12) + (h <= UPSTREAM_LAG_H ? upRise / UPSTREAM_LAG_H : 0);
    points.push({ t: now + h * H, stageM: Math.round(stage * 100) / 100 });
  }
  return { stationId, kind: 'simple-model', label: SIMPLE_MODEL_LABEL, issuedAt: now, points, peak: peakOf(points) };
}

/** A smooth hydrograph through anchor points (half-cosine between neighbours), sampled every stepMs. */
export function hydrograph(anchors: readonly ForecastPoint[], stepMs: number): ForecastPoint[] {
  const out: ForecastPoint[] = [];
  for (let i = 0; i + 1 < anchors.length; i++) {
    const a = anchors[i];
    const b = anchors[i + 1];
    for (let t = a.t; t < b.t; t += stepMs) {
      const k = (1 - Math.cos((Math.PI * (t - a.t)) / (b.t - a.t))) / 2;
      out.push({ t, stageM: Math.round((a.stageM + (b.stageM - a.stageM) * k) * 1000) / 1000 });
    }
  }
  if (anchors.length) out.push({ ...anchors[anchors.length - 1] });
  return out;
}

export interface Exposure {
  id: number;
  name: string;
  townCode: string;
  lon: number;
  lat: number;
  floodStageM: number;
}

/** The points that flood at `stageM`, lowest first, and the towns/streets they are in. */
export function floodedAt(
  exposures: readonly Exposure[],
  stageM: number,
): { points: Exposure[]; towns: { townCode: string; points: number }[] } {
  const points = exposures.filter((e) => e.floodStageM <= stageM).sort((a, b) => a.floodStageM - b.floodStageM);
  const per = new Map<string, number>();
  for (const p of points) per.set(p.townCode, (per.get(p.townCode) ?? 0) + 1);
  const towns = [...per].map(([townCode, n]) => ({ townCode, points: n })).sort((a, b) => b.points - a.points);
  return { points, towns };
}
