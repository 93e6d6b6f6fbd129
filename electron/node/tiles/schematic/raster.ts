// A small anti-aliased rasteriser for map tiles: polygons filled by scanline (four sub-scanlines per
// pixel, exact horizontal coverage), lines stroked as quads with round-ish joins, all composited with
// alpha onto an RGBA buffer. Enough for flat schematic styles; no text (labels are drawn by windows).

export type Rgba = readonly [number, number, number, number];

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  dir: 1 | -1;
  slope: number;
}

const SS = 4;

export class Raster {
  readonly px: Uint8ClampedArray;
  private readonly cov: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgba,
  ) {
    this.px = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < this.px.length; i += 4) this.px.set(background, i);
    this.cov = new Float32Array(width * height);
  }

  /** Fills rings given as flat pixel coordinates [x0, y0, x1, y1, …] (closed implicitly). */
  fill(rings: readonly (readonly number[])[], colour: Rgba, rule: 'nonzero' | 'evenodd' = 'nonzero'): void {
    const edges: Edge[] = [];
    let yMin = Infinity;
    let yMax = -Infinity;
    for (const r of rings) {
      const n = r.length >> 1;
      if (n < 3) continue;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        const ax = r[2 * i];
        const ay = r[2 * i + 1];
        const bx = r[2 * j];
        const by = r[2 * j + 1];
        if (ay === by) continue;
        const e: Edge =
          ay < by
            ? { x0: ax, y0: ay, x1: bx, y1: by, dir: 1, slope: (bx - ax) / (by - ay) }
            : { x0: bx, y0: by, x1: ax, y1: ay, dir: -1, slope: (ax - bx) / (ay - by) };
        edges.push(e);
        yMin = Math.min(yMin, e.y0);
        yMax = Math.max(yMax, e.y1);
      }
    }
    if (!edges.length) return;
    const rowStart = Math.max(0, Math.floor(yMin));
    const rowEnd = Math.min(this.height - 1, Math.ceil(yMax));
    if (rowStart > rowEnd) return;
    edges.sort((a, b) => a.y0 - b.y0);
    const active: Edge[] = [];
    let next = 0;
    const xs: { x: number; dir: number }[] = [];
    let dirtyLo = this.width;
    let dirtyHi = -1;
    for (let row = rowStart; row <= rowEnd; row++) {
      for (let k = 0; k < SS; k++) {
        const sy = row + (k + 0.5) / SS;
        while (next < edges.length && edges[next].y0 <= sy) active.push(edges[next++]);
        xs.length = 0;
        for (let i = active.length - 1; i >= 0; i--) {
          const e = active[i];
          if (e.y1 <= sy) {
            active[i] = active[active.length - 1];
            active.pop();
          } else if (e.y0 <= sy) xs.push({ x: e.x0 + (sy - e.y0) * e.slope, dir: e.dir });
        }
        if (xs.length < 2) continue;
        xs.sort((a, b) => a.x - b.x);
        let wind = 0;
        for (let i = 0; i + 1 < xs.length; i++) {
          wind += rule === 'nonzero' ? xs[i].dir : 1;
          const inside = rule === 'nonzero' ? wind !== 0 : (wind & 1) === 1;
          if (!inside) continue;
          const a = Math.max(0, xs[i].x);
          const b = Math.min(this.width, xs[i + 1].x);
          if (b <= a) continue;
          this.span(row, a, b);
          dirtyLo = Math.min(dirtyLo, Math.floor(a));
          dirtyHi = Math.max(dirtyHi, Math.ceil(b));
        }
      }
      if (dirtyHi >= dirtyLo) this.composite(row, dirtyLo, Math.min(this.width - 1, dirtyHi), colour);
      dirtyLo = this.width;
      dirtyHi = -1;
    }
  }

  /** Strokes a polyline given as flat pixel coordinates. */
  stroke(line: readonly number[], widthPx: number, colour: Rgba): void {
    const h = widthPx / 2;
    const quads: number[][] = [];
    const n = line.length >> 1;
    for (let i = 0; i + 1 < n; i++) {
      const ax = line[2 * i];
      const ay = line[2 * i + 1];
      const bx = line[2 * i + 2];
      const by = line[2 * i + 3];
      const len = Math.hypot(bx - ax, by - ay);
      if (len === 0) continue;
      // extended by half the width at both ends: consecutive pieces overlap at the joins
      const ux = ((bx - ax) / len) * h;
      const uy = ((by - ay) / len) * h;
      quads.push([
        ax - ux - uy,
        ay - uy + ux,
        bx + ux - uy,
        by + uy + ux,
        bx + ux + uy,
        by + uy - ux,
        ax - ux + uy,
        ay - uy - ux,
      ]);
    }
    // one fill for the whole line: overlapping pieces are one shape (non-zero), so joins do not darken
    const oriented = quads.map((q) => (signedArea(q) < 0 ? reverse(q) : q));
    this.fill(oriented, colour, 'nonzero');
  }

  circle(cx: number, cy: number, r: number, colour: Rgba): void {
    const pts: number[] = [];
    const n = Math.max(12, Math.ceil(r * 2));
    for (let k = 0; k < n; k++)
      pts.push(cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n));
    this.fill([pts], colour);
  }

  private span(row: number, a: number, b: number): void {
    const base = row * this.width;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    const w = 1 / SS;
    if (ia === ib) {
      this.cov[base + ia] += (b - a) * w;
      return;
    }
    this.cov[base + ia] += (ia + 1 - a) * w;
    for (let x = ia + 1; x < ib && x < this.width; x++) this.cov[base + x] += w;
    if (ib < this.width) this.cov[base + ib] += (b - ib) * w;
  }

  private composite(row: number, x0: number, x1: number, c: Rgba): void {
    const base = row * this.width;
    const ca = c[3] / 255;
    for (let x = x0; x <= x1; x++) {
      const cv = this.cov[base + x];
      if (cv <= 0) continue;
      this.cov[base + x] = 0;
      const a = Math.min(1, cv) * ca;
      const p = (base + x) * 4;
      const px = this.px;
      px[p] = px[p] + (c[0] - px[p]) * a;
      px[p + 1] = px[p + 1] + (c[1] - px[p + 1]) * a;
      px[p + 2] = px[p + 2] + (c[2] - px[p + 2]) * a;
      px[p + 3] = px[p + 3] + (255 - px[p + 3]) * a;
    }
  }
}

function signedArea(q: number[]): number {
  let s = 0;
  const n = q.length >> 1;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    s += q[2 * i] * q[2 * j + 1] - q[2 * j] * q[2 * i + 1];
  }
  return s / 2;
}

function reverse(q: number[]): number[] {
  const out: number[] = [];
  for (let i = q.length - 2; i >= 0; i -= 2) out.push(q[i], q[i + 1]);
  return out;
}

export function hexColour(hex: string, alpha = 255): Rgba {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  const v = m ? parseInt(m[1], 16) : 0x9aa5b1;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255, alpha];
}
