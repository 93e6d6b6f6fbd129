// Open alarms on the map: a marker by priority (urgent red, high orange, medium yellow, low grey), a white
// edge while nobody has acknowledged it, dimmed when shelved or out of service. Drawn above the risk
// points; a click picks the alarm.
import type { CesiumWidget, PointPrimitive, PointPrimitiveCollection } from '@cesium/engine';
import type { AlarmPriority, AlarmState } from '../../../../electron/common/alarms/types';
import { cesium, type PickId } from '../cesium';
import type { MapLayer } from '../layer';

export interface AlarmDesired {
  visible: boolean;
  alarms: {
    id: string;
    lon: number;
    lat: number;
    priority: AlarmPriority;
    state: AlarmState;
    riskPointId: number | null;
  }[];
}

export const ALARM_COLOURS: Record<AlarmPriority, string> = {
  urgent: '#ff2d55',
  high: '#ff9500',
  medium: '#ffd60a',
  low: '#8e8e93',
};

export class AlarmLayer implements MapLayer<AlarmDesired> {
  private readonly marks: PointPrimitiveCollection;
  private readonly drawn = new Map<string, { p: PointPrimitive; key: string }>();

  constructor(private readonly viewer: CesiumWidget) {
    this.marks = new (cesium().PointPrimitiveCollection)();
    viewer.scene.primitives.add(this.marks);
  }

  get drawnCount(): number {
    return this.drawn.size;
  }

  sync(d: AlarmDesired): void {
    const C = cesium();
    let changed = this.marks.show !== d.visible;
    this.marks.show = d.visible;
    const keep = new Set<string>();
    for (const a of d.alarms) {
      keep.add(a.id);
      const key = `${a.priority}|${a.state}`;
      const cur = this.drawn.get(a.id);
      if (cur?.key === key) continue;
      if (cur) this.marks.remove(cur.p);
      const dim = a.state === 'shelved' || a.state === 'out-of-service';
      const id: PickId = { kind: 'alarm', id: a.id, riskPointId: a.riskPointId };
      const p = this.marks.add({
        position: C.Cartesian3.fromDegrees(a.lon, a.lat, 0),
        pixelSize: a.priority === 'urgent' ? 13 : 10,
        color: C.Color.fromCssColorString(ALARM_COLOURS[a.priority]).withAlpha(dim ? 0.35 : 1),
        outlineColor: a.state === 'active' ? C.Color.WHITE : C.Color.BLACK,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        id,
      });
      this.drawn.set(a.id, { p, key });
      changed = true;
    }
    for (const [id, cur] of this.drawn) {
      if (keep.has(id)) continue;
      this.marks.remove(cur.p);
      this.drawn.delete(id);
      changed = true;
    }
    // a frame only when something changed: alarm bursts must not keep the wall rendering
    if (changed) this.viewer.scene.requestRender();
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.marks);
  }
}
