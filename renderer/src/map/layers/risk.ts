// 22,000 risk points as one PointPrimitiveCollection (never one Entity each), plus a cluster layer
// used when the camera is high. The cluster maths is pure (electron/common/cluster).
import type { LabelCollection, PointPrimitiveCollection, CesiumWidget } from '@cesium/engine';
import { clusterCellDeg, clusterPixelSize, clusterPoints } from '../../../../electron/common/cluster';
import type { PackedRiskPoints } from '../../../../electron/common/dto';
import { LEVEL_COLOURS, RISK_LEVELS } from '../../../../electron/common/levels';
import { cesium, type PickId } from '../cesium';
import type { MapLayer } from '../layer';
import type { MapDesired } from '../types';

export class RiskLayer implements MapLayer<MapDesired['risk']> {
  private readonly points: PointPrimitiveCollection;
  private readonly clusters: PointPrimitiveCollection;
  private readonly clusterLabels: LabelCollection;
  private visibleLevels = [true, true, true, true];
  private layerVisible = true;
  private cell: number | null | undefined = undefined;
  /** told after every view update whether single points (close in) or clusters (far) are shown */
  onView: (closeIn: boolean) => void = () => {};

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly data: PackedRiskPoints,
  ) {
    const C = cesium();
    const colours = RISK_LEVELS.map((l) => C.Color.fromCssColorString(LEVEL_COLOURS[l]));
    const outline = C.Color.fromCssColorString('#0b1a2a');
    // One opaque pass instead of opaque + translucent: half the draw work for 22,000 points.
    this.points = new C.PointPrimitiveCollection({ blendOption: C.BlendOption.OPAQUE });
    // Small from afar (many points, each fragment costs on a CPU rasteriser), larger close in.
    const grow = new C.NearFarScalar(1_500, 1.8, 15_000, 1.0);
    for (let i = 0; i < data.count; i++) {
      const lv = data.level[i];
      this.points.add({
        position: C.Cartesian3.fromDegrees(data.lon[i], data.lat[i], 0),
        color: colours[lv],
        pixelSize: [8, 6, 4, 3][lv],
        outlineColor: outline,
        outlineWidth: lv === 0 ? 1 : 0,
        scaleByDistance: grow,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id: { kind: 'risk', id: data.id[i] } satisfies PickId,
      });
    }
    this.clusters = new C.PointPrimitiveCollection();
    this.clusterLabels = new C.LabelCollection();
    viewer.scene.primitives.add(this.points);
    viewer.scene.primitives.add(this.clusters);
    viewer.scene.primitives.add(this.clusterLabels);
    viewer.camera.changed.addEventListener(() => this.update());
    viewer.camera.moveEnd.addEventListener(() => this.update());
    this.update();
  }

  /** true when single points are shown (close in), false when clusters are */
  get closeIn(): boolean {
    return this.cell === null;
  }

  /** how many risk points were handed to Cesium */
  get drawnCount(): number {
    return this.points.length;
  }

  /** Applying the same state again is free: toggling another layer must not touch 22,000 points. */
  sync(desired: MapDesired['risk']): void {
    this.setLevels(RISK_LEVELS.map((l) => desired.levels[l]));
    this.setVisible(desired.visible);
  }

  private setLevels(visible: boolean[]): void {
    if (visible.every((v, i) => v === this.visibleLevels[i])) return;
    this.visibleLevels = visible.slice();
    for (let i = 0; i < this.data.count; i++) this.points.get(i).show = this.visibleLevels[this.data.level[i]];
    this.cell = undefined;
    this.update();
  }

  /** Shows or hides the whole layer (also used by frame diagnostics for a baseline without it). */
  setVisible(show: boolean): void {
    if (show === this.layerVisible) return;
    this.layerVisible = show; // clusters do not depend on this: only which collection shows
    this.update();
  }

  /** Switch between single points and clusters by camera height; rebuild clusters when the cell changes. */
  update(): void {
    const height = this.viewer.camera.positionCartographic.height;
    const cell = clusterCellDeg(height);
    const showPoints = this.layerVisible && cell === null;
    this.points.show = showPoints;
    this.clusters.show = this.clusterLabels.show = this.layerVisible && cell !== null;
    if (cell !== this.cell) {
      this.cell = cell;
      this.rebuildClusters(cell);
    }
    this.onView(cell === null);
    this.viewer.scene.requestRender();
  }

  private rebuildClusters(cell: number | null): void {
    const C = cesium();
    this.clusters.removeAll();
    this.clusterLabels.removeAll();
    if (cell === null) return;
    const d = this.data;
    const cl = clusterPoints(d.lon, d.lat, d.level, cell, (i) => this.visibleLevels[d.level[i]]);
    for (const c of cl) {
      const position = C.Cartesian3.fromDegrees(c.lon, c.lat, 0);
      const id: PickId = { kind: 'cluster', lon: c.lon, lat: c.lat, count: c.count };
      this.clusters.add({
        position,
        id,
        pixelSize: clusterPixelSize(c.count),
        color: C.Color.fromCssColorString(LEVEL_COLOURS[RISK_LEVELS[c.worstLevel]]).withAlpha(0.75),
        outlineColor: C.Color.WHITE.withAlpha(0.8),
        outlineWidth: 1.5,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      if (c.count > 1) {
        this.clusterLabels.add({
          position,
          id,
          text: String(c.count),
          font: 'bold 12px sans-serif',
          fillColor: C.Color.WHITE,
          outlineColor: C.Color.BLACK,
          outlineWidth: 3,
          style: C.LabelStyle.FILL_AND_OUTLINE,
          horizontalOrigin: C.HorizontalOrigin.CENTER,
          verticalOrigin: C.VerticalOrigin.CENTER,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
      }
    }
  }

  destroy(): void {
    for (const p of [this.points, this.clusters, this.clusterLabels]) this.viewer.scene.primitives.remove(p);
  }
}
