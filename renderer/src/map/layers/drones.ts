// Drones on the map: each nest's coverage ring coloured by readiness (ready, not ready, offline), each
// aircraft with its heading (an arrow billboard turned to it) and an altitude stalk down to the ground,
// and its live trail of the last 10 minutes. Heights are WGS-84 ellipsoid heights, as DJI reports them.
import type { BillboardCollection, CesiumWidget, PolylineCollection } from '@cesium/engine';
import { circleRing } from '../../../../electron/common/geo';
import { cesium, type PickId } from '../cesium';
import { SyncedLayer } from '../layer';

export interface DroneDesired {
  visible: boolean;
  docks: { sn: string; nestId: string | null; lon: number; lat: number; radiusM: number; colour: string }[];
  aircraft: { sn: string; lon: number; lat: number; heightM: number; headingDeg: number; online: boolean }[];
  trails: { sn: string; line: [number, number, number][] }[];
}

/** An arrow pointing up (north when unrotated), drawn once. */
function arrowIcon(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = c.height = 32;
  const g = c.getContext('2d')!;
  g.fillStyle = '#fde047';
  g.strokeStyle = '#04121f';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(16, 2);
  g.lineTo(28, 28);
  g.lineTo(16, 21);
  g.lineTo(4, 28);
  g.closePath();
  g.fill();
  g.stroke();
  return c;
}

export class DroneLayer extends SyncedLayer<DroneDesired> {
  private readonly rings: PolylineCollection;
  private readonly stalks: PolylineCollection;
  private readonly trails: PolylineCollection;
  private readonly planes: BillboardCollection;
  private readonly icon = arrowIcon();

  constructor(private readonly viewer: CesiumWidget) {
    super();
    const C = cesium();
    this.rings = new C.PolylineCollection();
    this.stalks = new C.PolylineCollection();
    this.trails = new C.PolylineCollection();
    this.planes = new C.BillboardCollection();
    for (const p of [this.rings, this.trails, this.stalks, this.planes]) viewer.scene.primitives.add(p);
  }

  /** how many aircraft are drawn (tests and diagnostics) */
  get aircraftCount(): number {
    return this.planes.length;
  }

  protected apply(next: DroneDesired, prev: DroneDesired | null): void {
    const C = cesium();
    const colour = (css: string, alpha = 1) => C.Color.fromCssColorString(css).withAlpha(alpha);
    if (!prev || JSON.stringify(prev.docks) !== JSON.stringify(next.docks)) {
      this.rings.removeAll();
      for (const d of next.docks) {
        const id: PickId | undefined = d.nestId ? { kind: 'nest', id: d.nestId } : undefined;
        this.rings.add({
          positions: C.Cartesian3.fromDegreesArray(circleRing(d.lon, d.lat, d.radiusM).flat()),
          width: 3,
          material: C.Material.fromType('Color', { color: colour(d.colour) }),
          id,
        });
      }
    }
    this.planes.removeAll();
    this.stalks.removeAll();
    for (const a of next.aircraft) {
      this.planes.add({
        position: C.Cartesian3.fromDegrees(a.lon, a.lat, a.heightM),
        image: this.icon,
        // billboards turn counter-clockwise; headings are clockwise from north
        rotation: -C.Math.toRadians(a.headingDeg),
        alignedAxis: C.Cartesian3.UNIT_Z,
        color: a.online ? C.Color.WHITE : C.Color.GRAY,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      this.stalks.add({
        positions: C.Cartesian3.fromDegreesArrayHeights([a.lon, a.lat, 0, a.lon, a.lat, a.heightM]),
        width: 1.5,
        material: C.Material.fromType('Color', { color: colour('#fde047', 0.8) }),
      });
    }
    this.trails.removeAll();
    for (const t of next.trails) {
      if (t.line.length < 2) continue;
      this.trails.add({
        positions: C.Cartesian3.fromDegreesArrayHeights(t.line.flat()),
        width: 2,
        material: C.Material.fromType('Color', { color: colour('#7fdbff', 0.9) }),
      });
    }
    for (const p of [this.rings, this.trails, this.stalks, this.planes]) p.show = next.visible;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    for (const p of [this.rings, this.trails, this.stalks, this.planes]) this.viewer.scene.primitives.remove(p);
  }
}
