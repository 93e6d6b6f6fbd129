// The schematic basemap drawn as raster tiles in Node: water, buildings (from zoom 13), metro lines in
// their colours with station dots. The approximate outline and the Jialing centre line are the map's own
// line layers (each can be switched off and says it is approximate); labels are placed by windows
// (decluttered, in the UI language) over the tiles.
import {
  BUILDINGS_FROM_ZOOM,
  metroWidthPx,
  SCHEMATIC_ID,
  SCHEMATIC_MAX_ZOOM,
  SCHEMATIC_MIN_ZOOM,
  SCHEMATIC_STYLE,
  type FlatLine,
  type SchematicData,
} from '../../../common/tiles/schematic';
import { tileBounds } from '../../../common/tiles/mercator';
import type { TileRenderer } from '../tileStore';
import { encodePng } from './png';
import { hexColour, Raster, type Rgba } from './raster';

const SIZE = 256;
const RAD = Math.PI / 180;

type Box = [number, number, number, number];

function boxOf(flat: FlatLine): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < flat.length; i += 2) {
    w = Math.min(w, flat[i]);
    e = Math.max(e, flat[i]);
    s = Math.min(s, flat[i + 1]);
    n = Math.max(n, flat[i + 1]);
  }
  return [w, s, e, n];
}

const hits = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

interface Indexed<T> {
  item: T;
  box: Box;
}

export class SchematicRenderer implements TileRenderer {
  readonly id = SCHEMATIC_ID;
  readonly minZoom = SCHEMATIC_MIN_ZOOM;
  readonly maxZoom = SCHEMATIC_MAX_ZOOM;
  private readonly water: Indexed<FlatLine[]>[];
  private readonly buildings: Indexed<FlatLine>[];
  private readonly metro: Indexed<{ line: FlatLine; colour: Rgba }>[];
  private readonly stations: SchematicData['stations'];
  /** the area anything is drawn in: tiles outside it are plain background */
  readonly extent: Box;

  constructor(data: SchematicData) {
    this.water = data.water.map((w) => ({ item: w.rings, box: boxOf(w.rings[0]) }));
    this.buildings = data.buildings.map((b) => ({ item: b.ring, box: boxOf(b.ring) }));
    this.metro = data.metro.flatMap((m) =>
      m.lines.map((line) => ({ item: { line, colour: hexColour(m.colour) }, box: boxOf(line) })),
    );
    this.stations = data.stations;
    const all = [...this.water, ...this.buildings, ...this.metro].map((x) => x.box);
    this.extent = [
      Math.min(...all.map((b) => b[0])),
      Math.min(...all.map((b) => b[1])),
      Math.max(...all.map((b) => b[2])),
      Math.max(...all.map((b) => b[3])),
    ];
  }

  render(z: number, x: number, y: number): Buffer | null {
    if (z < this.minZoom || z > this.maxZoom) return null;
    const px = this.draw(z, x, y);
    return encodePng(px, SIZE, SIZE);
  }

  /** The tile's pixels (RGBA), before encoding. */
  draw(z: number, x: number, y: number): Uint8ClampedArray {
    const S = SCHEMATIC_STYLE;
    const r = new Raster(SIZE, SIZE, S.background);
    const [w, s, e, n] = tileBounds(z, x, y);
    // a margin for line widths: a line just outside the tile still shows its edge
    const m = ((e - w) * 16) / SIZE;
    const box: Box = [w - m, s - m, e + m, n + m];
    if (!hits(box, this.extent)) return r.px;
    const scale = 2 ** z * SIZE;
    const ox = x * SIZE;
    const oy = y * SIZE;
    const proj = (flat: FlatLine): number[] => {
      const out = new Array<number>(flat.length);
      for (let i = 0; i < flat.length; i += 2) {
        out[i] = ((flat[i] + 180) / 360) * scale - ox;
        const sl = Math.sin(flat[i + 1] * RAD);
        out[i + 1] = (0.5 - Math.log((1 + sl) / (1 - sl)) / (4 * Math.PI)) * scale - oy;
      }
      return out;
    };
    const water = this.water.filter((f) => hits(f.box, box));
    if (water.length)
      r.fill(
        water.flatMap((f) => f.item.map(proj)),
        S.water,
        'evenodd',
      );
    if (z >= BUILDINGS_FROM_ZOOM) {
      const bs = this.buildings.filter((f) => hits(f.box, box)).map((f) => proj(f.item));
      if (bs.length) {
        r.fill(bs, S.building, 'evenodd');
        if (z >= 15) for (const b of bs) r.stroke([...b, b[0], b[1]], 1, S.buildingEdge);
      }
    }
    for (const f of this.metro) if (hits(f.box, box)) r.stroke(proj(f.item.line), metroWidthPx(z), f.item.colour);
    if (z >= 12) {
      const rad = z >= 15 ? 5 : 3.5;
      for (const st of this.stations) {
        const p = proj([st.lon, st.lat]);
        if (p[0] < -rad || p[1] < -rad || p[0] > SIZE + rad || p[1] > SIZE + rad) continue;
        r.circle(p[0], p[1], rad + 1.5, hexColour(st.colour));
        r.circle(p[0], p[1], rad, [240, 244, 248, 255]);
      }
    }
    return r.px;
  }
}
