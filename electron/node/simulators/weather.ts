// The simulators' weather script: deterministic from (time, site, seed), so a night on duty has a rain
// band passing the nests one after the other and a few gusts over the dock's wind limit — readiness
// changes while officers watch, and tests can ask for the weather at any time.
import { createRng } from '../../common/prng';

export interface Weather {
  /** 0 none, 1 light, 2 moderate, 3 heavy (DJI `rainfall`) */
  rainfall: 0 | 1 | 2 | 3;
  windMps: number;
  temperatureC: number;
  humidityPct: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
const GUST_WINDOW_MS = 5 * 60_000;

/** When the rain band reaches site `index` on the local day starting at `dayStart` (Beijing time): 01:00 + 40 min per site, 90 min long. */
export function rainBand(
  dayStart: number,
  index: number,
): { from: number; to: number; heavy: boolean; seedDay: number } {
  const seedDay = Math.floor((dayStart + BEIJING) / DAY);
  const from = dayStart + HOUR + index * 40 * 60_000;
  const heavy = createRng(seedDay * 7919 + 17).next() > 0.7;
  return { from, to: from + 90 * 60_000, heavy, seedDay };
}

export function weatherAt(t: number, index: number, seed = 1): Weather {
  const local = t + BEIJING;
  const dayStart = Math.floor(local / DAY) * DAY - BEIJING;
  const hour = (local % DAY) / HOUR;
  const band = rainBand(dayStart, index);
  let rainfall: Weather['rainfall'] = 0;
  if (t >= band.from && t < band.to) {
    const m = (t - band.from) / 60_000;
    rainfall = m < 20 || m >= 70 ? 1 : band.heavy ? 3 : 2;
  }
  const gustRng = createRng((Math.floor(t / GUST_WINDOW_MS) * 31 + index * 1_000_003 + seed * 7) >>> 0);
  const gust = gustRng.next() < 0.06;
  const base = 2.5 + 1.5 * Math.sin(((hour - 4) / 24) * 2 * Math.PI) + (rainfall ? 4 : 0) + gustRng.next();
  const windMps = Math.round((gust ? 12.5 + gustRng.next() * 3.5 : base) * 10) / 10;
  const temperatureC = Math.round((19 + 5 * Math.cos(((hour - 15) / 24) * 2 * Math.PI) - (rainfall ? 2 : 0)) * 10) / 10;
  const humidityPct = Math.min(100, Math.round(68 + 10 * Math.cos(((hour - 4) / 24) * 2 * Math.PI) + rainfall * 8));
  return { rainfall, windMps, temperatureC, humidityPct };
}
