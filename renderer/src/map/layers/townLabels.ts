// Town/street names, in the UI language; towns the district does not manage itself are dimmer.
import type { CesiumWidget, LabelCollection } from '@cesium/engine';
import type { TownDto } from '../../../../electron/common/dto';
import { cesium, LABEL_FONT } from '../cesium';
import { labelWidthPx } from '../../../../electron/common/declutter';
import { SyncedLayer } from '../layer';
import { labelAlternatives, type PlacedItem } from './risk';

export class TownLabelLayer extends SyncedLayer<{ visible: boolean; locale: string }> {
  private readonly labels: LabelCollection;
  private items: PlacedItem[] = [];
  private visible = true;

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
      this.items = [];
      for (const t of this.towns) {
        const text = this.label(t);
        const label = this.labels.add({
          position: C.Cartesian3.fromDegrees(t.lon, t.lat, 0),
          text,
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
        this.items.push({
          id: `town-${t.code}`,
          position: label.position,
          offsetY: -14 - 10, // drawn above its point (bottom-anchored, 14 px up)
          w: labelWidthPx(text, 15),
          h: 20,
          priority: t.managed ? 5 : 3,
          alternatives: labelAlternatives(labelWidthPx(text, 15), -24),
          show: (shown, moved) => {
            label.show = shown;
            label.pixelOffset = new C.Cartesian2(moved?.dx ?? 0, -14 + (moved?.dy ?? 0));
          },
        });
      }
    }
    this.visible = next.visible;
    this.labels.show = next.visible;
    this.viewer.scene.requestRender();
  }

  /** the town names, for keeping labels clear of each other */
  get placedItems(): readonly PlacedItem[] {
    return this.visible ? this.items : [];
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.labels);
  }
}
