// Correcting a GCJ-02 source by its tiling scheme: the source's tile (z, x, y) is a Web Mercator tile
// in GCJ-02 coordinates, so on a WGS-84 globe it sits where its corners convert to. Over one tile the
// offset is nearly constant (it changes by centimetres across a street), so moving the corners moves
// every pixel to within far less than a pixel at any zoom a street map uses.
import { gcj02ToWgs84, wgs84ToGcj02, type Datum } from './datum';
import { bboxOfRing, ringOfBBox, tileBounds, type BBoxArr } from './mercator';
import type { Area } from './cover';

/** Where a GCJ-02 tile lies in WGS-84. */
export function gcjTileBoundsWgs(z: number, x: number, y: number): BBoxArr {
  const [w, s, e, n] = tileBounds(z, x, y);
  const sw = gcj02ToWgs84(w, s);
  const ne = gcj02ToWgs84(e, n);
  return [sw[0], sw[1], ne[0], ne[1]];
}

/** Points along a ring, so a converted box keeps the offset's small curvature. */
function densify(ring: readonly (readonly [number, number])[], steps: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    for (let k = 0; k < steps; k++) out.push([a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps]);
  }
  out.push([ring[ring.length - 1][0], ring[ring.length - 1][1]]);
  return out;
}

/** The same area in a source's datum, to count and fetch that source's tiles for a WGS-84 area. */
export function areaInDatum(area: Area, datum: Datum): Area {
  if (datum === 'wgs84') return area;
  if (datum !== 'gcj02') throw new RangeError(`no tile correction for datum ${datum}`);
  if ('bbox' in area) {
    const ring = densify(ringOfBBox(area.bbox), 8).map(([lon, lat]) => wgs84ToGcj02(lon, lat));
    return { bbox: bboxOfRing(ring) };
  }
  return { ring: area.ring.map(([lon, lat]) => wgs84ToGcj02(lon, lat)) };
}
