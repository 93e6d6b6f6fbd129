// Town/street names, in the UI language; towns the district does not manage itself are dimmer.
import type { CesiumWidget, LabelCollection } from '@cesium/engine';
import type { TownDto } from '../../../../electron/common/dto';
import { cesium, LABEL_FONT } from '../cesium';
import { SyncedLayer } from '../layer';

export class TownLabelLayer extends SyncedLayer<{ visible: boolean; locale: string }> {
  private readonly labels: LabelCollection;

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly towns: TownDto[],
    private readonly label: (t: TownDto) => string,
  ) {
    super();
    this.labels = new (cesium().LabelCollection)();
    viewer.scene.primitives.add(this.labels);
  }

  protected apply(next: { visible: boolean; locale: string }, prev: { locale: string } | null): void {
    const C = cesium();
    if (!prev || prev.locale !== next.locale) {
      this.labels.removeAll();
      for (const t of this.towns) {
        this.labels.add({
          position: C.Cartesian3.fromDegrees(t.lon, t.lat, 0),
          text: this.label(t),
          font: LABEL_FONT,
          fillColor: C.Color.fromCssColorString(t.managed ? '#f1f5f9' : '#9aa5b1'),
          outlineColor: C.Color.fromCssColorString('#05101c'),
          outlineWidth: 3,
          style: C.LabelStyle.FILL_AND_OUTLINE,
          pixelOffset: new C.Cartesian2(0, -14),
          horizontalOrigin: C.HorizontalOrigin.CENTER,
          verticalOrigin: C.VerticalOrigin.BOTTOM,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
      }
    }
    this.labels.show = next.visible;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.labels);
  }
}
