// 22,000 risk points as one PointPrimitiveCollection (never one Entity each). Far out they are grid
// clusters, each a ring showing its mix of levels with its count; between city and street zoom
// points thin out by level and density (majors always); close in every point is drawn. The maths is
// pure (electron/common/cluster.ts, thinning.ts); this layer only draws.
import type { BillboardCollection, CesiumWidget, PointPrimitiveCollection } from '@cesium/engine';
import { clusterCellDeg, clusterPixelSize, clusterPoints } from '../../../../electron/common/cluster';
import type { ScreenItem } from '../../../../electron/common/declutter';
import type { PackedRiskPoints } from '../../../../electron/common/dto';
import { LEVEL_COLOURS, RISK_LEVELS } from '../../../../electron/common/levels';
import { firstBands, thinBandFor, THIN_BANDS } from '../../../../electron/common/thinning';
import { cesium, type PickId } from '../cesium';
import type { MapLayer } from '../layer';
import type { MapDesired } from '../types';
import { mixRing } from './mixRing';

/** A marker to keep clear of others: where it is, how big, and how to hide it. */
export interface PlacedItem extends Omit<ScreenItem, 'x' | 'y'> {
  position: import('@cesium/engine').Cartesian3;
  /** pixels the drawn box sits above (negative) or below its anchor */
  offsetY: number;
  /** shown or not, and (labels) moved by this many pixels from the preferred place */
  show(shown: boolean, moved?: { dx: number; dy: number }): void;
}

/** Where a label may go when its preferred place is taken: below, right, left of its anchor. */
export function labelAlternatives(w: number, preferredDy: number): { dx: number; dy: number }[] {
  return [
    { dx: 0, dy: -2 * preferredDy },
    { dx: w / 2 + 12, dy: -preferredDy },
    { dx: -(w / 2 + 12), dy: -preferredDy },
  ];
}

export class RiskLayer implements MapLayer<MapDesired['risk']> {
  private readonly points: PointPrimitiveCollection;
  private readonly clusters: BillboardCollection;
  private readonly firstBand: Uint8Array;
  private visibleLevels = [true, true, true, true];
  private layerVisible = true;
  private cell: number | null | undefined = undefined;
  private band: number | undefined = undefined;
  private items: PlacedItem[] = [];
  /** told after every view update whether the view is at street level (below the thinning bands) */
  onView: (closeIn: boolean) => void = () => {};
  /** told when the clusters were rebuilt (the controller re-places labels) */
  onClustersChanged: () => void = () => {};

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
    this.firstBand = firstBands(data.lon, data.lat, data.level, data.id);
    this.clusters = new C.BillboardCollection();
    viewer.scene.primitives.add(this.points);
    viewer.scene.primitives.add(this.clusters);
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

  /** how many points are shown at the current zoom (thinning between city and street zoom) */
  get shownCount(): number {
    if (!this.layerVisible || this.cell !== null) return 0;
    let n = 0;
    for (let i = 0; i < this.data.count; i++) if (this.points.get(i).show) n++;
    return n;
  }

  /** the cluster markers, for keeping labels clear of them */
  get placedItems(): readonly PlacedItem[] {
    return this.layerVisible && this.cell !== null ? this.items : [];
  }

  /** Applying the same state again is free: toggling another layer must not touch 22,000 points. */
  sync(desired: MapDesired['risk']): void {
    this.setLevels(RISK_LEVELS.map((l) => desired.levels[l]));
    this.setVisible(desired.visible);
  }

  private setLevels(visible: boolean[]): void {
    if (visible.every((v, i) => v === this.visibleLevels[i])) return;
    this.visibleLevels = visible.slice();
    this.band = undefined;
    this.cell = undefined;
    this.update();
  }

  /** Shows or hides the whole layer (also used by frame diagnostics for a baseline without it). */
  setVisible(show: boolean): void {
    if (show === this.layerVisible) return;
    this.layerVisible = show; // clusters do not depend on this: only which collection shows
    this.update();
  }

  /** Switches between clusters, thinned points and all points by camera height. */
  update(): void {
    const height = this.viewer.camera.positionCartographic.height;
    const cell = clusterCellDeg(height);
    this.points.show = this.layerVisible && cell === null;
    this.clusters.show = this.layerVisible && cell !== null;
    if (cell !== this.cell) {
      this.cell = cell;
      this.rebuildClusters(cell);
    }
    const band = cell === null ? thinBandFor(height) : -1;
    if (band !== this.band) this.applyBand(band);
    this.band = band;
    this.onView(cell === null && band >= THIN_BANDS.length - 1);
    this.viewer.scene.requestRender();
  }

  private applyBand(band: number): void {
    const d = this.data;
    const all = band < 0 || band >= THIN_BANDS.length;
    for (let i = 0; i < d.count; i++) {
      this.points.get(i).show = this.visibleLevels[d.level[i]] && (all || this.firstBand[i] <= band);
    }
  }

  private rebuildClusters(cell: number | null): void {
    const C = cesium();
    this.clusters.removeAll();
    this.items = [];
    if (cell !== null) {
      const d = this.data;
      const cl = clusterPoints(d.lon, d.lat, d.level, cell, (i) => this.visibleLevels[d.level[i]]);
      for (const [k, c] of cl.entries()) {
        const position = C.Cartesian3.fromDegrees(c.lon, c.lat, 0);
        const id: PickId = { kind: 'cluster', lon: c.lon, lat: c.lat, count: c.count };
        const size = clusterPixelSize(c.count) + 6;
        const { key, image } = mixRing(c.levels, size, c.count);
        const ring = this.clusters.add({
          position,
          id,
          width: size,
          height: size,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
        ring.setImage(key, image);
        this.items.push({
          id: `cluster-${k}`,
          position,
          offsetY: 0,
          w: size,
          h: size,
          // a cluster holding a major risk outranks town names; others give way to them
          priority: c.levels[0] > 0 ? 6 : 4,
          show: (shown) => (ring.show = shown),
        });
      }
    }
    this.onClustersChanged();
  }

  destroy(): void {
    for (const p of [this.points, this.clusters]) this.viewer.scene.primitives.remove(p);
  }
}
