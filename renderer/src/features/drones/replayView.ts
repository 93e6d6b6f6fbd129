// Projection for the replay plot (pure): the track and the nest's ring fitted into a small SVG.
import { circleRing } from '../../../../electron/common/geo';

export interface PlotFrame {
  path: string;
  ring: string;
  x: (lon: number) => number;
  y: (lat: number) => number;
}

export function plotFrame(
  track: readonly { lon: number; lat: number }[],
  nest: { lon: number; lat: number; radiusM: number } | null,
  w: number,
  h: number,
  pad = 10,
): PlotFrame {
  const ring = nest ? circleRing(nest.lon, nest.lat, nest.radiusM, 48) : [];
  const all = [...track.map((p) => [p.lon, p.lat] as [number, number]), ...ring];
  if (!all.length) all.push([106.45, 29.56]);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const s = Math.min((w - 2 * pad) / (Math.max(...xs) - x0 || 1e-3), (h - 2 * pad) / (Math.max(...ys) - y0 || 1e-3));
  const x = (lon: number) => pad + (lon - x0) * s;
  const y = (lat: number) => h - pad - (lat - y0) * s;
  const line = (pts: readonly (readonly [number, number])[]) =>
    pts.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
  return { path: line(track.map((p) => [p.lon, p.lat])), ring: ring.length ? `${line(ring)}Z` : '', x, y };
}
