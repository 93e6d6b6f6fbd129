// The schematic basemap as raster tiles (served at /tiles/schematic for other map clients and kept as
// the measured alternative): the PNG decodes back to the pixels drawn; water, buildings and metro
// colours land where the data is; outside the data a tile is plain background.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tileFloat, tileOf } from '../../../../electron/common/tiles/mercator';
import { SCHEMATIC_STYLE } from '../../../../electron/common/tiles/schematic';
import { schematicData } from '../../../../electron/node/seed/basemap';
import { encodePng } from '../../../../electron/node/tiles/schematic/png';
import { SchematicRenderer } from '../../../../electron/node/tiles/schematic/render';

/** A strict little PNG reader (RGBA 8-bit, filters 0-4): enough to check the encoder end to end. */
function decodePng(png: Buffer): { w: number; h: number; px: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let p = 8;
  let w = 0;
  let h = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    expect(png.readUInt32BE(p + 8 + len)).toBe(zlib.crc32(png.subarray(p + 4, p + 8 + len)) >>> 0);
    if (type === 'IHDR') [w, h] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = w * 4;
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i];
      const a = i >= 4 ? px[y * stride + i - 4] : 0;
      const b = y > 0 ? px[(y - 1) * stride + i] : 0;
      px[y * stride + i] = (v + (f === 1 ? a : f === 2 ? b : 0)) & 255;
    }
  }
  return { w, h, px };
}

const at = (px: Uint8Array, x: number, y: number) => Array.from(px.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4));

describe('PNG encoder', () => {
  it('decodes back to exactly the pixels given', () => {
    const px = Uint8Array.from({ length: 37 * 11 * 4 }, (_, i) => (i * 131 + (i >> 7)) & 255);
    const out = decodePng(encodePng(px, 37, 11));
    expect([out.w, out.h]).toEqual([37, 11]);
    expect(Buffer.from(out.px).equals(Buffer.from(px))).toBe(true);
  });
});

describe('schematic raster tiles', () => {
  const r = new SchematicRenderer(schematicData());

  it('draws nothing but background outside the data, and only zoom 10-18', () => {
    const far = tileOf(110, 35, 14);
    const { px } = decodePng(r.render(14, far.x, far.y)!);
    expect(at(px, 10, 10)).toEqual([...SCHEMATIC_STYLE.background]);
    expect(at(px, 200, 120)).toEqual([...SCHEMATIC_STYLE.background]);
    expect(r.render(9, 0, 0)).toBeNull();
    expect(r.render(19, 0, 0)).toBeNull();
  });

  it('fills a lake with the water colour and a footprint with the building colour where the data puts them', () => {
    const d = schematicData();
    const pixelOf = (lon: number, lat: number, z: number) => {
      const f = tileFloat(lon, lat, z);
      return {
        x: Math.floor(f.x),
        y: Math.floor(f.y),
        px: Math.floor((f.x % 1) * 256),
        py: Math.floor((f.y % 1) * 256),
      };
    };
    // a point well inside a lake (its neighbours inside too, so no anti-aliased edge) is water colour
    const inside = (lon: number, lat: number, ring: number[]) => {
      let yes = false;
      for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        const [xi, yi, xj, yj] = [ring[i], ring[i + 1], ring[j], ring[j + 1]];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) yes = !yes;
      }
      return yes;
    };
    const e = 0.0002;
    let spot: [number, number] | null = null;
    for (const w of d.water) {
      const ring = w.rings[0];
      const xs = ring.filter((_, i) => i % 2 === 0);
      const ys = ring.filter((_, i) => i % 2 === 1);
      for (let a = 1; a < 20 && !spot; a++)
        for (let b = 1; b < 20 && !spot; b++) {
          const lon = Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * a) / 20;
          const lat = Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * b) / 20;
          const ok = [
            [0, 0],
            [e, 0],
            [-e, 0],
            [0, e],
            [0, -e],
          ].every(([dx, dy]) => inside(lon + dx, lat + dy, ring));
          const hole = w.rings.slice(1).some((h) => inside(lon, lat, h));
          if (ok && !hole) spot = [lon, lat];
        }
      if (spot) break;
    }
    expect(spot).not.toBeNull();
    const c = pixelOf(spot![0], spot![1], 17);
    const lakePx = decodePng(r.render(17, c.x, c.y)!).px;
    expect(at(lakePx, c.px, c.py)).toEqual([...SCHEMATIC_STYLE.water]);
    // a building's vertex pixel at zoom 18 is on its outline or fill: not the background
    const b = d.buildings.find((x) => x.ring.length > 8)!;
    const v = pixelOf(b.ring[0], b.ring[1], 18);
    const bPx = decodePng(r.render(18, v.x, v.y)!).px;
    expect(at(bPx, v.px, v.py)).not.toEqual([...SCHEMATIC_STYLE.background]);
  });
});
