// Cameras: the 66 video-network points always (when the layer is on); the 1,500 public-safety cameras
// only close in, where they can be told apart. Fixed cameras are points with their view cone (heading,
// field of view, range) drawn close in; PTZ cameras have their own icon (a dome), since they can look
// any way. A click picks the camera; the video wall plays it in its selected tile.
import type { BillboardCollection, CesiumWidget, PointPrimitiveCollection, Primitive } from '@cesium/engine';
import type { CameraDto } from '../../../../electron/common/dto';
import { viewCone } from '../../../../electron/common/video/nearScene';
import { cesium, type PickId } from '../cesium';
import { SyncedLayer } from '../layer';

/** A small dome with a ring: the PTZ camera's icon, drawn once per colour. */
function domeIcon(fill: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = 18;
  const g = c.getContext('2d')!;
  g.fillStyle = '#0b1a2a';
  g.beginPath();
  g.arc(9, 9, 8.5, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = fill;
  g.beginPath();
  g.arc(9, 10, 6, Math.PI, 0);
  g.closePath();
  g.fill();
  g.fillRect(3, 11, 12, 2);
  g.strokeStyle = fill;
  g.lineWidth = 1.2;
  g.beginPath();
  g.arc(9, 9, 7.5, 0, Math.PI * 2);
  g.stroke();
  return c;
}

export class CameraLayer extends SyncedLayer<{ visible: boolean }> {
  private readonly videoNetwork: PointPrimitiveCollection;
  private readonly publicSafety: PointPrimitiveCollection;
  private readonly ptzNetwork: BillboardCollection;
  private readonly ptzPublic: BillboardCollection;
  private readonly cones: Primitive | null;
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
    this.ptzNetwork = new C.BillboardCollection();
    this.ptzPublic = new C.BillboardCollection();
    const icons = new Map<string, HTMLCanvasElement>();
    const icon = (colour: string) => icons.get(colour) ?? icons.set(colour, domeIcon(colour)).get(colour)!;
    const coneColour = C.ColorGeometryInstanceAttribute.fromColor(
      C.Color.fromCssColorString('#29d3c4').withAlpha(0.13),
    );
    const cones = [];
    for (const cam of cameras) {
      const vn = cam.kind === 'video-network';
      const colour = cam.status === 'online' ? (vn ? '#e0f7ff' : '#29d3c4') : '#8a8f98';
      const position = C.Cartesian3.fromDegrees(cam.lon, cam.lat, 0);
      const id = { kind: 'camera', id: cam.id } satisfies PickId;
      if (cam.mount === 'ptz') {
        (vn ? this.ptzNetwork : this.ptzPublic).add({
          position,
          image: icon(colour),
          scale: vn ? 1 : 0.8,
          id,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
        continue;
      }
      (vn ? this.videoNetwork : this.publicSafety).add({
        position,
        pixelSize: vn ? 7 : 4,
        color: C.Color.fromCssColorString(colour),
        outlineColor: C.Color.fromCssColorString('#0b1a2a'),
        outlineWidth: vn ? 1.5 : 0.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id,
      });
      if (cam.headingDeg !== null && cam.fovDeg && cam.rangeM) {
        const ring = viewCone(cam.lon, cam.lat, cam.headingDeg, cam.fovDeg, cam.rangeM, 8).slice(0, -1);
        cones.push(
          new C.GeometryInstance({
            geometry: new C.PolygonGeometry({
              polygonHierarchy: new C.PolygonHierarchy(C.Cartesian3.fromDegreesArray(ring.flat())),
            }),
            attributes: { color: coneColour },
            id,
          }),
        );
      }
    }
    this.cones = cones.length
      ? new C.Primitive({
          geometryInstances: cones,
          appearance: new C.PerInstanceColorAppearance({ flat: true, translucent: true }),
          show: false,
        })
      : null;
    if (this.cones) viewer.scene.primitives.add(this.cones);
    for (const p of [this.publicSafety, this.ptzPublic, this.videoNetwork, this.ptzNetwork])
      viewer.scene.primitives.add(p);
  }

  /** the risk layer switched between single points (close in) and clusters (far) */
  setCloseIn(closeIn: boolean): void {
    if (closeIn === this.closeIn) return;
    this.closeIn = closeIn;
    this.show();
  }

  private show(): void {
    this.videoNetwork.show = this.ptzNetwork.show = this.visible;
    this.publicSafety.show = this.ptzPublic.show = this.visible && this.closeIn;
    if (this.cones) this.cones.show = this.visible && this.closeIn;
    this.viewer.scene.requestRender();
  }

  protected apply(next: { visible: boolean }): void {
    this.visible = next.visible;
    this.show();
  }

  destroy(): void {
    const all = [this.publicSafety, this.ptzPublic, this.videoNetwork, this.ptzNetwork, this.cones];
    for (const p of all) if (p) this.viewer.scene.primitives.remove(p);
  }
}
