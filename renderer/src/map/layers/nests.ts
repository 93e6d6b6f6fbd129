// Drone nests with their coverage rings and names.
import type { CesiumWidget, LabelCollection, PointPrimitiveCollection, PolylineCollection } from '@cesium/engine';
import type { DroneNestDto } from '../../../../electron/common/dto';
import { circleRing } from '../../../../electron/common/geo';
import { cesium, LABEL_FONT, type PickId } from '../cesium';
import { SyncedLayer } from '../layer';

export class NestLayer extends SyncedLayer<{ visible: boolean; locale: string }> {
  private readonly points: PointPrimitiveCollection;
  private readonly rings: PolylineCollection;
  private readonly labels: LabelCollection;

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly nests: DroneNestDto[],
    private readonly label: (n: DroneNestDto) => string,
  ) {
    super();
    const C = cesium();
    this.points = new C.PointPrimitiveCollection();
    this.rings = new C.PolylineCollection();
    this.labels = new C.LabelCollection();
    for (const n of nests) {
      const id: PickId = { kind: 'nest', id: n.id };
      this.points.add({
        position: C.Cartesian3.fromDegrees(n.lon, n.lat, 0),
        pixelSize: 14,
        id,
        color: C.Color.fromCssColorString('#b388ff'),
        outlineColor: C.Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      this.rings.add({
        positions: C.Cartesian3.fromDegreesArray(circleRing(n.lon, n.lat, n.coverageRadiusM).flat()),
        width: 2,
        material: C.Material.fromType('Color', { color: C.Color.fromCssColorString('#b388ff') }),
        id,
      });
    }
    for (const p of [this.rings, this.points, this.labels]) viewer.scene.primitives.add(p);
  }

  protected apply(next: { visible: boolean; locale: string }, prev: { locale: string } | null): void {
    const C = cesium();
    if (!prev || prev.locale !== next.locale) {
      this.labels.removeAll();
      for (const n of this.nests) {
        this.labels.add({
          position: C.Cartesian3.fromDegrees(n.lon, n.lat, 0),
          text: this.label(n),
          font: LABEL_FONT,
          fillColor: C.Color.fromCssColorString('#d1b3ff'),
          outlineColor: C.Color.BLACK,
          outlineWidth: 3,
          style: C.LabelStyle.FILL_AND_OUTLINE,
          pixelOffset: new C.Cartesian2(0, 22),
          horizontalOrigin: C.HorizontalOrigin.CENTER,
          verticalOrigin: C.VerticalOrigin.TOP,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
      }
    }
    this.points.show = this.rings.show = this.labels.show = next.visible;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    for (const p of [this.rings, this.points, this.labels]) this.viewer.scene.primitives.remove(p);
  }
}
