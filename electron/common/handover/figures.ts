// Figures for the handover report as plain drawing lists (lines, dots, rectangles, text in a box of known
// size), so the same picture becomes SVG in the HTML report and vector drawing in the PDF, with no
// browser: the map of level changes and alarms, the Ciqikou stage against its levels, alarms per hour.
import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-f]{6}$/i);
export const figureItemSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('line'),
    pts: z.array(z.tuple([z.number(), z.number()])),
    c: colour,
    w: z.number(),
    dash: z.boolean().optional(),
  }),
  z.object({ t: z.literal('dot'), x: z.number(), y: z.number(), r: z.number(), c: colour }),
  z.object({ t: z.literal('rect'), x: z.number(), y: z.number(), w: z.number(), h: z.number(), c: colour }),
  z.object({
    t: z.literal('text'),
    x: z.number(),
    y: z.number(),
    s: z.string(),
    size: z.number(),
    c: colour,
    anchor: z.enum(['start', 'middle', 'end']),
  }),
]);
export type FigureItem = z.infer<typeof figureItemSchema>;
export const figureSchema = z.object({ w: z.number(), h: z.number(), items: z.array(figureItemSchema) });
export type Figure = z.infer<typeof figureSchema>;

const GRID = '#5b6b7f';
const TEXT = '#1d2733';
const round = (x: number) => Math.round(x * 10) / 10;

/** lon/lat → figure coordinates, keeping the aspect (cos of the mid latitude) */
export function projector(bbox: [number, number, number, number], w: number, h: number, pad = 8) {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const sx = (w - 2 * pad) / Math.max(1e-9, (maxLon - minLon) * kx);
  const sy = (h - 2 * pad) / Math.max(1e-9, maxLat - minLat);
  const s = Math.min(sx, sy);
  return (lon: number, lat: number): [number, number] => [
    round(pad + (lon - minLon) * kx * s),
    round(h - pad - (lat - minLat) * s),
  ];
}

export function mapFigure(
  outline: readonly (readonly [number, number])[],
  river: readonly (readonly [number, number])[],
  dots: readonly { lon: number; lat: number; colour: string; r?: number }[],
  w = 480,
  h = 360,
): Figure {
  const lons = outline.map((p) => p[0]);
  const lats = outline.map((p) => p[1]);
  const p = projector([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], w, h);
  const items: FigureItem[] = [
    { t: 'line', pts: outline.map(([x, y]) => p(x, y)), c: '#7fa7c7', w: 1.2 },
    { t: 'line', pts: river.map(([x, y]) => p(x, y)), c: '#2e86de', w: 2 },
  ];
  for (const d of dots) {
    const [x, y] = p(d.lon, d.lat);
    items.push({ t: 'dot', x, y, r: d.r ?? 3, c: d.colour });
  }
  return { w, h, items };
}

/** A time series against horizontal levels (warning, guarantee), with an optional dashed forecast. */
export function lineFigure(
  series: readonly { t: number; v: number }[],
  levels: readonly { v: number; label: string; colour: string }[],
  forecast: readonly { t: number; v: number }[] = [],
  w = 480,
  h = 200,
): Figure {
  const all = [...series, ...forecast];
  const items: FigureItem[] = [];
  if (!all.length) {
    items.push({ t: 'text', x: w / 2, y: h / 2, s: '—', size: 12, c: TEXT, anchor: 'middle' });
    return { w, h, items };
  }
  const vs = [...all.map((p) => p.v), ...levels.map((l) => l.v)];
  const lo = Math.floor(Math.min(...vs) - 0.5);
  const hi = Math.ceil(Math.max(...vs) + 0.5);
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t), t0 + 1);
  const L = 40;
  const B = 18;
  const x = (t: number) => round(L + ((t - t0) / (t1 - t0)) * (w - L - 6));
  const y = (v: number) => round(h - B - ((v - lo) / (hi - lo)) * (h - B - 6));
  items.push(axes(L, B, w, h));
  for (const v of [lo, (lo + hi) / 2, hi])
    items.push({
      t: 'text',
      x: L - 4,
      y: y(v) + 4,
      s: String(Math.round(v * 10) / 10),
      size: 9,
      c: TEXT,
      anchor: 'end',
    });
  for (const l of levels) {
    items.push({
      t: 'line',
      pts: [
        [L, y(l.v)],
        [w - 6, y(l.v)],
      ],
      c: l.colour,
      w: 1,
      dash: true,
    });
    items.push({ t: 'text', x: w - 8, y: y(l.v) - 3, s: l.label, size: 9, c: l.colour, anchor: 'end' });
  }
  if (series.length) items.push({ t: 'line', pts: series.map((p) => [x(p.t), y(p.v)]), c: '#0b6bcb', w: 1.8 });
  if (forecast.length)
    items.push({ t: 'line', pts: forecast.map((p) => [x(p.t), y(p.v)]), c: '#8e44ad', w: 1.4, dash: true });
  return { w, h, items };
}

/** the left and bottom axes of a chart area with margins L (left) and B (bottom) */
const axes = (L: number, B: number, w: number, h: number): FigureItem => ({
  t: 'line',
  pts: [
    [L, 6],
    [L, h - B],
    [w - 6, h - B],
  ],
  c: GRID,
  w: 1,
});

/** Bars (alarms raised per hour of the shift), labelled every few bars. */
export function barFigure(bars: readonly { label: string; v: number }[], w = 480, h = 160): Figure {
  const items: FigureItem[] = [];
  const max = Math.max(1, ...bars.map((b) => b.v));
  const L = 28;
  const B = 18;
  const bw = (w - L - 6) / Math.max(1, bars.length);
  items.push(axes(L, B, w, h));
  items.push({ t: 'text', x: L - 4, y: 12, s: String(max), size: 9, c: TEXT, anchor: 'end' });
  bars.forEach((b, i) => {
    const bh = ((h - B - 8) * b.v) / max;
    if (b.v > 0)
      items.push({
        t: 'rect',
        x: round(L + i * bw + 1),
        y: round(h - B - bh),
        w: round(bw - 2),
        h: round(bh),
        c: '#e67e22',
      });
    if (i % Math.ceil(bars.length / 8) === 0)
      items.push({
        t: 'text',
        x: round(L + i * bw + bw / 2),
        y: h - 5,
        s: b.label,
        size: 9,
        c: TEXT,
        anchor: 'middle',
      });
  });
  return { w, h, items };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function toSvg(f: Figure): string {
  const parts = f.items.map((i) => {
    switch (i.t) {
      case 'line':
        return (
          `<polyline fill="none" stroke="${i.c}" stroke-width="${i.w}"${i.dash ? ' stroke-dasharray="4 3"' : ''} ` +
          `points="${i.pts.map((p) => p.join(',')).join(' ')}"/>`
        );
      case 'dot':
        return `<circle cx="${i.x}" cy="${i.y}" r="${i.r}" fill="${i.c}"/>`;
      case 'rect':
        return `<rect x="${i.x}" y="${i.y}" width="${i.w}" height="${i.h}" fill="${i.c}"/>`;
      case 'text':
        return `<text x="${i.x}" y="${i.y}" font-size="${i.size}" fill="${i.c}" text-anchor="${i.anchor}">${esc(i.s)}</text>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}">${parts.join('')}</svg>`;
}
