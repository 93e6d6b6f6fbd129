// The district outline (approximate) and the river as polylines; each only toggles visibility.
import type { CesiumWidget, PolylineCollection } from '@cesium/engine';
import { cesium } from '../cesium';
import { SyncedLayer } from '../layer';

export class LineLayer extends SyncedLayer<{ visible: boolean }> {
  private readonly lines: PolylineCollection;

  constructor(
    private readonly viewer: CesiumWidget,
    items: { line: [number, number][]; width: number; colour: string }[],
  ) {
    super();
    const C = cesium();
    this.lines = new C.PolylineCollection();
    for (const it of items) {
      if (it.line.length < 2) continue;
      this.lines.add({
        positions: C.Cartesian3.fromDegreesArray(it.line.flat()),
        width: it.width,
        material: C.Material.fromType('Color', { color: C.Color.fromCssColorString(it.colour) }),
      });
    }
    viewer.scene.primitives.add(this.lines);
  }

  protected apply(next: { visible: boolean }): void {
    this.lines.show = next.visible;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.lines);
  }
}
