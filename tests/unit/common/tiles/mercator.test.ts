import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/common/prng';
import {
  bboxCover,
  coverContains,
  coverLevels,
  levelTiles,
  ringCover,
  totalTiles,
} from '../../../../electron/common/tiles/cover';
import {
  flipY,
  isValidTile,
  tileBounds,
  tileFloat,
  tileOf,
  tileSizeM,
  type BBoxArr,
} from '../../../../electron/common/tiles/mercator';

describe('Web Mercator tiles', () => {
  it('puts Shapingba railway station in the tile every web map gives it', () => {
    // z 12: x = floor((106.45333 + 180) / 360 * 4096) = 3259; the row from the Mercator formula
    expect(tileOf(106.45333, 29.55639, 12)).toEqual({ z: 12, x: 3259, y: 1695 });
    expect(tileOf(0, 0, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(tileOf(-180, 85.0511287798066, 3)).toEqual({ z: 3, x: 0, y: 0 });
    expect(tileOf(180, -85.0511287798066, 3)).toEqual({ z: 3, x: 7, y: 7 });
  });

  it('TMS row flip is its own inverse and swaps the first and last row', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const z = rng.int(0, 22);
      const y = rng.int(0, 2 ** z - 1);
      expect(flipY(z, flipY(z, y))).toBe(y);
    }
    expect(flipY(12, 0)).toBe(4095);
    expect(flipY(0, 0)).toBe(0);
  });

  it('a point is inside the bounds of its tile, at any zoom (property)', () => {
    const rng = createRng(42);
    for (let i = 0; i < 2_000; i++) {
      const lon = -179.9 + rng.next() * 359.8;
      const lat = -85 + rng.next() * 170;
      const z = rng.int(0, 20);
      const t = tileOf(lon, lat, z);
      const [w, s, e, n] = tileBounds(t.z, t.x, t.y);
      expect(lon).toBeGreaterThanOrEqual(w - 1e-9);
      expect(lon).toBeLessThanOrEqual(e + 1e-9);
      expect(lat).toBeGreaterThanOrEqual(s - 1e-9);
      expect(lat).toBeLessThanOrEqual(n + 1e-9);
      expect(isValidTile(t.z, t.x, t.y)).toBe(true);
    }
  });

  it('refuses tiles outside the grid and fractional numbers', () => {
    expect(isValidTile(3, 8, 0)).toBe(false);
    expect(isValidTile(3, 0, -1)).toBe(false);
    expect(isValidTile(25, 0, 0)).toBe(false);
    expect(isValidTile(3, 1.5, 0)).toBe(false);
    expect(isValidTile(0, 0, 0)).toBe(true);
  });

  it('a zoom 17 tile in Chongqing is about 265 m across', () => {
    expect(tileSizeM(17, 29.56)).toBeGreaterThan(260);
    expect(tileSizeM(17, 29.56)).toBeLessThan(270);
  });
});

describe('tile covers', () => {
  const district: BBoxArr = [106.25, 29.47, 106.53, 29.74];

  it('a box covers exactly the tiles between its corner tiles, counted without listing them', () => {
    const c = bboxCover(district, 14);
    const nw = tileOf(district[0], district[3], 14);
    const se = tileOf(district[2], district[1], 14);
    expect(c.count).toBe((se.x - nw.x + 1) * (se.y - nw.y + 1));
    expect([...levelTiles(c)].length).toBe(c.count);
  });

  it('a box ending on a tile edge does not take the tile beyond', () => {
    const [w, s, e, n] = tileBounds(10, 823, 420);
    expect(bboxCover([w, s, e, n], 10).count).toBe(1);
  });

  it('each level has about four times the tiles of the one above, and the total is their sum', () => {
    const levels = coverLevels({ bbox: district }, 12, 17); // above 12 the box is many tiles wide: edges matter little
    for (let k = 1; k < levels.length; k++) {
      expect(levels[k].count / levels[k - 1].count).toBeGreaterThan(3);
      expect(levels[k].count / levels[k - 1].count).toBeLessThan(4.8);
    }
    expect(totalTiles(levels)).toBe(levels.reduce((n, l) => n + l.count, 0));
  });

  it('a polygon covers every tile holding one of its points and no tile wholly outside it (property)', () => {
    const rng = createRng(3);
    for (let round = 0; round < 25; round++) {
      // a random star-shaped polygon around a centre in the district
      const cx = 106.3 + rng.next() * 0.2;
      const cy = 29.5 + rng.next() * 0.2;
      const n = rng.int(3, 12);
      const ring: [number, number][] = [];
      for (let k = 0; k < n; k++) {
        const a = (2 * Math.PI * k) / n;
        const r = 0.005 + rng.next() * 0.03;
        ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      const z = rng.int(11, 15);
      const cover = ringCover(ring, z);
      // points inside the polygon: their tile is covered
      for (let k = 0; k < 200; k++) {
        const lon = cx - 0.035 + rng.next() * 0.07;
        const lat = cy - 0.035 + rng.next() * 0.07;
        if (!insideRing(lon, lat, ring)) continue;
        const t = tileOf(lon, lat, z);
        expect(coverContains(cover, t.x, t.y)).toBe(true);
      }
      // covered tiles: each touches the polygon (an edge crosses it or its centre is inside)
      for (const t of levelTiles(cover)) {
        const [w, s, e, nn] = tileBounds(z, t.x, t.y);
        const touches =
          insideRing((w + e) / 2, (s + nn) / 2, ring) ||
          ring.some(([lon, lat]) => lon >= w && lon <= e && lat >= s && lat <= nn) ||
          ring.some((p, k) => segmentHitsBox(p, ring[(k + 1) % ring.length], [w, s, e, nn]));
        expect(touches).toBe(true);
      }
      // never more than the polygon's bounding box
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      expect(cover.count).toBeLessThanOrEqual(
        bboxCover([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], z).count,
      );
    }
  });

  it('a polygon needs three points; zooms are checked', () => {
    expect(() =>
      ringCover(
        [
          [106, 29],
          [106.1, 29],
          [106, 29],
        ],
        10,
      ),
    ).toThrow(/three/);
    expect(() => coverLevels({ bbox: district }, 12, 10)).toThrow(/above/);
    expect(() => coverLevels({ bbox: district }, -1, 10)).toThrow(/whole numbers/);
  });

  it('fractional tile coordinates grow east and south', () => {
    const a = tileFloat(106.4, 29.6, 10);
    const b = tileFloat(106.5, 29.5, 10);
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.y).toBeGreaterThan(a.y);
  });
});

function insideRing(lon: number, lat: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentHitsBox(a: [number, number], b: [number, number], [w, s, e, n]: BBoxArr): boolean {
  // sample the segment finely (the tiles are at most a few km; 400 steps is far below a tile)
  for (let k = 0; k <= 400; k++) {
    const lon = a[0] + ((b[0] - a[0]) * k) / 400;
    const lat = a[1] + ((b[1] - a[1]) * k) / 400;
    if (lon >= w - 1e-9 && lon <= e + 1e-9 && lat >= s - 1e-9 && lat <= n + 1e-9) return true;
  }
  return false;
}
