// Cameras: the 66 video-network points always (when the layer is on); the 1,500 public-safety cameras
// only close in, where they can be told apart.
import type { CesiumWidget, PointPrimitiveCollection } from '@cesium/engine';
import type { CameraDto } from '../../../../electron/common/dto';
import { cesium, type PickId } from '../cesium';
import { SyncedLayer } from '../layer';

export class CameraLayer extends SyncedLayer<{ visible: boolean }> {
  private readonly videoNetwork: PointPrimitiveCollection;
  private readonly publicSafety: PointPrimitiveCollection;
  private visible = true;
  private closeIn = false;

  constructor(
    private readonly viewer: CesiumWidget,
    cameras: CameraDto[],
  ) {
    super();
    const C = cesium();
    this.videoNetwork = new C.PointPrimitiveCollection();
    this.publicSafety = new C.PointPrimitiveCollection();
    for (const cam of cameras) {
      const vn = cam.kind === 'video-network';
      (vn ? this.videoNetwork : this.publicSafety).add({
        position: C.Cartesian3.fromDegrees(cam.lon, cam.lat, 0),
        pixelSize: vn ? 7 : 4,
        color: C.Color.fromCssColorString(cam.status === 'online' ? (vn ? '#e0f7ff' : '#29d3c4') : '#8a8f98'),
        outlineColor: C.Color.fromCssColorString('#0b1a2a'),
        outlineWidth: vn ? 1.5 : 0.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id: { kind: 'camera', id: cam.id } satisfies PickId,
      });
    }
    viewer.scene.primitives.add(this.publicSafety);
    viewer.scene.primitives.add(this.videoNetwork);
  }

  /** the risk layer switched between single points (close in) and clusters (far) */
  setCloseIn(closeIn: boolean): void {
    if (closeIn === this.closeIn) return;
    this.closeIn = closeIn;
    this.show();
  }

  private show(): void {
    this.videoNetwork.show = this.visible;
    this.publicSafety.show = this.visible && this.closeIn;
  }

  protected apply(next: { visible: boolean }): void {
    this.visible = next.visible;
    this.show();
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.publicSafety);
    this.viewer.scene.primitives.remove(this.videoNetwork);
  }
}
