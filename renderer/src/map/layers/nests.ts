// Drone nests with their coverage rings and names.
import type { CesiumWidget, LabelCollection, PointPrimitiveCollection, PolylineCollection } from '@cesium/engine';
import type { DroneNestDto } from '../../../../electron/common/dto';
import { circleRing } from '../../../../electron/common/geo';
import { cesium, LABEL_FONT, type PickId } from '../cesium';
import { labelWidthPx } from '../../../../electron/common/declutter';
import { SyncedLayer } from '../layer';
import { labelAlternatives, type PlacedItem } from './risk';

export class NestLayer extends SyncedLayer<{ visible: boolean; locale: string }> {
  private readonly points: PointPrimitiveCollection;
  private readonly rings: PolylineCollection;
  private readonly labels: LabelCollection;
  private items: PlacedItem[] = [];
  private visible = true;

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
      this.items = [];
      for (const n of this.nests) {
        const text = this.label(n);
        const label = this.labels.add({
          position: C.Cartesian3.fromDegrees(n.lon, n.lat, 0),
          text,
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
        this.items.push({
          id: `nest-${n.id}`,
          position: label.position,
          offsetY: 22 + 10, // drawn below its marker (top-anchored, 22 px down)
          w: labelWidthPx(text, 15),
          h: 20,
          priority: 7,
          alternatives: labelAlternatives(labelWidthPx(text, 15), 32),
          show: (shown, moved) => {
            label.show = shown;
            label.pixelOffset = new C.Cartesian2(moved?.dx ?? 0, 22 + (moved?.dy ?? 0));
          },
        });
      }
    }
    this.visible = next.visible;
    this.points.show = this.rings.show = this.labels.show = next.visible;
    this.viewer.scene.requestRender();
  }

  /** the nest names, for keeping labels clear of each other */
  get placedItems(): readonly PlacedItem[] {
    return this.visible ? this.items : [];
  }

  destroy(): void {
    for (const p of [this.rings, this.points, this.labels]) this.viewer.scene.primitives.remove(p);
  }
}
