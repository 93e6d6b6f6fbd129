// Risk points a grading model has moved: a ring in the colour of the level they stand at now, thick when
// raised above their base level (thin when being lowered back), larger for ten minutes after the change so
// a new one catches the eye. Picks resolve to the risk point.
import type { CesiumWidget, PointPrimitive, PointPrimitiveCollection } from '@cesium/engine';
import { LEVEL_COLOURS, levelIndex, type RiskLevel } from '../../../../electron/common/levels';
import { cesium, type PickId } from '../cesium';
import type { MapLayer } from '../layer';

export interface LevelDesired {
  visible: boolean;
  points: { id: number; lon: number; lat: number; level: RiskLevel; base: RiskLevel; fresh: boolean }[];
}

export class LevelLayer implements MapLayer<LevelDesired> {
  private readonly rings: PointPrimitiveCollection;
  private readonly drawn = new Map<number, { p: PointPrimitive; key: string }>();

  constructor(private readonly viewer: CesiumWidget) {
    this.rings = new (cesium().PointPrimitiveCollection)();
    viewer.scene.primitives.add(this.rings);
  }

  get drawnCount(): number {
    return this.drawn.size;
  }

  sync(d: LevelDesired): void {
    const C = cesium();
    let changed = this.rings.show !== d.visible;
    this.rings.show = d.visible;
    const keep = new Set<number>();
    for (const x of d.points) {
      keep.add(x.id);
      const raised = levelIndex(x.level) < levelIndex(x.base);
      const key = `${x.level}|${x.base}|${x.fresh}`;
      const cur = this.drawn.get(x.id);
      if (cur?.key === key) continue;
      if (cur) this.rings.remove(cur.p);
      const id: PickId = { kind: 'risk', id: x.id };
      const p = this.rings.add({
        position: C.Cartesian3.fromDegrees(x.lon, x.lat, 0),
        pixelSize: x.fresh ? 22 : 15,
        color: C.Color.TRANSPARENT,
        outlineColor: C.Color.fromCssColorString(LEVEL_COLOURS[x.level]),
        outlineWidth: raised ? 4 : 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id,
      });
      this.drawn.set(x.id, { p, key });
      changed = true;
    }
    for (const [id, cur] of this.drawn) {
      if (keep.has(id)) continue;
      this.rings.remove(cur.p);
      this.drawn.delete(id);
      changed = true;
    }
    // a frame only when something changed: alarm bursts must not keep the wall rendering
    if (changed) this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.rings);
  }
}
