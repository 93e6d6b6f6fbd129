// The place every window was asked to look at: one marker, and a flight there on each new request.
import type { CesiumWidget, PointPrimitiveCollection } from '@cesium/engine';
import { cesium } from '../cesium';
import type { MapLayer } from '../layer';
import type { MapDesired } from '../types';

export class FocusLayer implements MapLayer<MapDesired['focus']> {
  private readonly marker: PointPrimitiveCollection;
  private seq = -1;

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly fly: (lon: number, lat: number) => void,
  ) {
    this.marker = new (cesium().PointPrimitiveCollection)();
    viewer.scene.primitives.add(this.marker);
  }

  sync(focus: MapDesired['focus']): void {
    if (!focus || focus.seq === this.seq) return;
    this.seq = focus.seq;
    const C = cesium();
    const position = C.Cartesian3.fromDegrees(focus.lon, focus.lat, 0);
    const red = C.Color.fromCssColorString('#ff3b3b');
    this.marker.removeAll();
    this.marker.add({
      position,
      pixelSize: 26,
      color: C.Color.TRANSPARENT,
      outlineColor: red,
      outlineWidth: 4,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    this.marker.add({ position, pixelSize: 8, color: red, disableDepthTestDistance: Number.POSITIVE_INFINITY });
    this.fly(focus.lon, focus.lat);
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.marker);
  }
}
