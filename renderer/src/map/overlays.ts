// Reference overlays as primitive collections: district outline, river, town labels, cameras,
// drone nests with their coverage rings. Few objects each; no Entities.
import type { LabelCollection, PointPrimitiveCollection, PolylineCollection, CesiumWidget } from '@cesium/engine';
import type { CameraDto, DroneNestDto, MapLayersDto, TownDto } from '../../../electron/common/dto';
import { circleRing } from '../../../electron/common/geo';
import { cesium, type PickId } from './cesium';

const LABEL_FONT = "15px 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif";

export interface OverlayData {
  layers: MapLayersDto;
  towns: TownDto[];
  cameras: CameraDto[];
  nests: DroneNestDto[];
  townLabel: (t: TownDto) => string;
  nestLabel: (n: DroneNestDto) => string;
}

export class Overlays {
  readonly outline: PolylineCollection;
  readonly river: PolylineCollection;
  readonly labels: LabelCollection;
  /** the 66 video-network points: always worth seeing */
  readonly videoNetwork: PointPrimitiveCollection;
  /** 1,500 public-safety cameras: only close in, where they can be told apart */
  readonly cameras: PointPrimitiveCollection;
  private camerasOn = true;
  private closeIn = true;
  readonly nests: PointPrimitiveCollection;
  readonly nestRings: PolylineCollection;
  readonly nestLabels: LabelCollection;

  constructor(
    private readonly viewer: CesiumWidget,
    private data: OverlayData,
  ) {
    const C = cesium();
    const line = (coords: [number, number][]) => C.Cartesian3.fromDegreesArray(coords.flat());
    const colour = (css: string) => C.Material.fromType('Color', { color: C.Color.fromCssColorString(css) });

    this.outline = new C.PolylineCollection();
    if (data.layers.outline.ring.length)
      this.outline.add({ positions: line(data.layers.outline.ring), width: 2.5, material: colour('#7fdbff') });

    this.river = new C.PolylineCollection();
    for (const r of data.layers.river)
      this.river.add({ positions: line(r.line), width: 4, material: colour('#2e86de') });

    this.labels = new C.LabelCollection();
    this.cameras = new C.PointPrimitiveCollection();
    this.videoNetwork = new C.PointPrimitiveCollection();
    for (const cam of data.cameras) {
      const vn = cam.kind === 'video-network';
      (vn ? this.videoNetwork : this.cameras).add({
        position: C.Cartesian3.fromDegrees(cam.lon, cam.lat, 0),
        pixelSize: vn ? 7 : 4,
        color: C.Color.fromCssColorString(cam.status === 'online' ? (vn ? '#e0f7ff' : '#29d3c4') : '#8a8f98'),
        outlineColor: C.Color.fromCssColorString('#0b1a2a'),
        outlineWidth: vn ? 1.5 : 0.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id: { kind: 'camera', id: cam.id } satisfies PickId,
      });
    }

    this.nests = new C.PointPrimitiveCollection();
    this.nestRings = new C.PolylineCollection();
    this.nestLabels = new C.LabelCollection();
    for (const n of data.nests) {
      const id: PickId = { kind: 'nest', id: n.id };
      this.nests.add({
        position: C.Cartesian3.fromDegrees(n.lon, n.lat, 0),
        pixelSize: 14,
        id,
        color: C.Color.fromCssColorString('#b388ff'),
        outlineColor: C.Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      this.nestRings.add({
        positions: line(circleRing(n.lon, n.lat, n.coverageRadiusM)),
        width: 2,
        material: colour('#b388ff'),
        id,
      });
    }
    this.relabel(data);
    for (const p of this.all()) viewer.scene.primitives.add(p);
  }

  /** Labels depend on the UI language. */
  relabel(data: Pick<OverlayData, 'townLabel' | 'nestLabel'>): void {
    const C = cesium();
    this.data = { ...this.data, ...data };
    this.labels.removeAll();
    for (const t of this.data.towns) {
      this.labels.add({
        position: C.Cartesian3.fromDegrees(t.lon, t.lat, 0),
        text: this.data.townLabel(t),
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
    this.nestLabels.removeAll();
    for (const n of this.data.nests) {
      this.nestLabels.add({
        position: C.Cartesian3.fromDegrees(n.lon, n.lat, 0),
        text: this.data.nestLabel(n),
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
    this.viewer.scene.requestRender();
  }

  setVisible(layer: 'outline' | 'river' | 'labels' | 'cameras' | 'nests', show: boolean): void {
    if (layer === 'nests') this.nests.show = this.nestRings.show = this.nestLabels.show = show;
    else if (layer === 'cameras') {
      this.camerasOn = show;
      this.applyCameras();
    } else this[layer].show = show;
    this.viewer.scene.requestRender();
  }

  /** Called when the risk layer switches between clusters (far) and single points (close). */
  setCloseIn(close: boolean): void {
    if (close === this.closeIn) return;
    this.closeIn = close;
    this.applyCameras();
  }

  private applyCameras(): void {
    this.videoNetwork.show = this.camerasOn;
    this.cameras.show = this.camerasOn && this.closeIn;
  }

  private all() {
    return [
      this.outline,
      this.river,
      this.nestRings,
      this.cameras,
      this.videoNetwork,
      this.nests,
      this.labels,
      this.nestLabels,
    ];
  }

  destroy(): void {
    for (const p of this.all()) this.viewer.scene.primitives.remove(p);
  }
}
