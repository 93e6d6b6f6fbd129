// A GCJ-02 source drawn where it belongs: its tiles are Web Mercator tiles of GCJ-02 coordinates, so
// the tiling scheme's projection goes WGS-84 → GCJ-02 → Mercator (and back). Cesium then places and
// reprojects every tile at its true WGS-84 position: no half-kilometre shift.
import type { Cartesian3, Cartographic, TilingScheme } from '@cesium/engine';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../../electron/common/tiles/datum';
import { cesium } from '../cesium';

const DEG = 180 / Math.PI;

export function gcj02TilingScheme(): TilingScheme {
  const C = cesium();
  const scheme = new C.WebMercatorTilingScheme();
  const mercator = new C.WebMercatorProjection();
  const projection = scheme.projection as unknown as {
    project(c: Cartographic, result?: Cartesian3): Cartesian3;
    unproject(c: Cartesian3, result?: Cartographic): Cartographic;
  };
  projection.project = (c, result) => {
    const [lon, lat] = wgs84ToGcj02(c.longitude * DEG, c.latitude * DEG);
    return mercator.project(C.Cartographic.fromDegrees(lon, lat, c.height), result);
  };
  projection.unproject = (p, result) => {
    const g = mercator.unproject(p);
    const [lon, lat] = gcj02ToWgs84(g.longitude * DEG, g.latitude * DEG);
    return C.Cartographic.fromDegrees(lon, lat, g.height, result);
  };
  return scheme;
}
