// The schematic basemap drawn as Cesium primitives instead of raster tiles: water and building
// footprints as polygon geometry (one primitive each, buildings only when close in), metro lines as
// screen-width polylines, station dots. Kept to measure against the raster tiles (tests/bench
// basemap.schematic); the map uses whichever draws faster (see SCHEMATIC_MODE).
import type { CesiumWidget, PointPrimitiveCollection, Primitive } from '@cesium/engine';
import type { FlatLine, SchematicData } from '../../../../electron/common/tiles/schematic';
import { SCHEMATIC_STYLE } from '../../../../electron/common/tiles/schematic';
import { cesium } from '../cesium';
import { SyncedLayer } from '../layer';

/** camera distance under which footprints are drawn (about zoom 13 on a 900 px high view) */
const BUILDINGS_WITHIN_M = 14_000;

const rgba = (c: readonly number[]) => cesium().Color.fromBytes(c[0], c[1], c[2], c[3]);

function positions(flat: FlatLine) {
  return cesium().Cartesian3.fromDegreesArray(flat);
}

export class SchematicVectorLayer extends SyncedLayer<{ visible: boolean }> {
  private readonly water: Primitive;
  private readonly buildings: Primitive;
  private readonly metro: Primitive;
  private readonly stations: PointPrimitiveCollection;

  constructor(
    private readonly viewer: CesiumWidget,
    data: SchematicData,
  ) {
    super();
    const C = cesium();
    const S = SCHEMATIC_STYLE;
    const polygon = (rings: FlatLine[], colour: readonly number[], near?: number) =>
      new C.GeometryInstance({
        geometry: new C.PolygonGeometry({
          polygonHierarchy: new C.PolygonHierarchy(
            positions(rings[0]),
            rings.slice(1).map((h) => new C.PolygonHierarchy(positions(h))),
          ),
          vertexFormat: C.PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: {
          color: C.ColorGeometryInstanceAttribute.fromColor(rgba(colour)),
          ...(near
            ? { distanceDisplayCondition: new C.DistanceDisplayConditionGeometryInstanceAttribute(0, near) }
            : {}),
        },
      });
    const appearance = () => new C.PerInstanceColorAppearance({ flat: true, translucent: false });
    // the basemap is not something to click: picks go straight through to points, clusters and cameras
    this.water = new C.Primitive({
      geometryInstances: data.water.map((w) => polygon(w.rings, S.water)),
      appearance: appearance(),
      asynchronous: true,
      allowPicking: false,
    });
    this.buildings = new C.Primitive({
      geometryInstances: data.buildings.map((b) => polygon([b.ring], S.building, BUILDINGS_WITHIN_M)),
      appearance: appearance(),
      asynchronous: true,
      allowPicking: false,
    });
    this.metro = new C.Primitive({
      geometryInstances: data.metro.flatMap((m) =>
        m.lines.map(
          (line) =>
            new C.GeometryInstance({
              geometry: new C.PolylineGeometry({
                positions: positions(line),
                width: 3,
                vertexFormat: C.PolylineColorAppearance.VERTEX_FORMAT,
              }),
              attributes: { color: C.ColorGeometryInstanceAttribute.fromColor(C.Color.fromCssColorString(m.colour)) },
            }),
        ),
      ),
      appearance: new C.PolylineColorAppearance({ translucent: false }),
      asynchronous: true,
      allowPicking: false,
    });
    this.stations = new C.PointPrimitiveCollection();
    for (const s of data.stations) {
      this.stations.add({
        position: C.Cartesian3.fromDegrees(s.lon, s.lat),
        pixelSize: 8,
        color: C.Color.fromBytes(240, 244, 248),
        outlineColor: C.Color.fromCssColorString(s.colour),
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    for (const p of [this.water, this.buildings, this.metro, this.stations]) viewer.scene.primitives.add(p);
  }

  /** resolves when the polygon geometry (built in workers) is on screen */
  async ready(): Promise<void> {
    for (const p of [this.water, this.buildings, this.metro]) {
      while (!p.ready) {
        this.viewer.scene.requestRender();
        await new Promise((r) => setTimeout(r, 16));
      }
    }
  }

  protected apply(next: { visible: boolean }): void {
    for (const p of [this.water, this.buildings, this.metro, this.stations]) p.show = next.visible;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    for (const p of [this.water, this.buildings, this.metro, this.stations]) this.viewer.scene.primitives.remove(p);
  }
}
