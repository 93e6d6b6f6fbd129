// Names on the schematic basemap: metro stations, named lakes and reservoirs, named buildings (schools,
// markets, campuses) — each kind only from the zoom it reads at, placed with the map's other labels by
// priority so none overlap (the controller's declutter pass takes `placedItems`). Town names are the
// town label layer's.
import type { CesiumWidget, LabelCollection } from '@cesium/engine';
import { labelWidthPx } from '../../../../electron/common/declutter';
import { labelKindsAt, type SchematicData } from '../../../../electron/common/tiles/schematic';
import { cesium } from '../cesium';
import { SyncedLayer } from '../layer';
import { labelAlternatives, type PlacedItem } from './risk';

type Kind = 'station' | 'water' | 'building';
const FONT_PX: Record<Kind, number> = { station: 13, water: 12, building: 11 };
const PRIORITY: Record<Kind, number> = { station: 4, water: 2, building: 1 };
const COLOUR: Record<Kind, string> = { station: '#f8fafc', water: '#7fb8e6', building: '#aab6c4' };
const font = (px: number) => `${px}px 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif`;

/** Web Mercator zoom the camera shows (from metres per pixel at its height). */
export function viewZoom(viewer: CesiumWidget): number {
  const cam = viewer.camera;
  const h = Math.max(1, cam.positionCartographic.height);
  const fovy = (cam.frustum as { fovy?: number }).fovy ?? Math.PI / 3;
  const mpp = (2 * h * Math.tan(fovy / 2)) / Math.max(1, viewer.scene.canvas.clientHeight);
  return Math.log2((156_543.03 * Math.cos(cam.positionCartographic.latitude)) / mpp);
}

export class SchematicLabelLayer extends SyncedLayer<{ visible: boolean }> {
  private readonly labels: LabelCollection;
  private readonly items: { kind: Kind; item: PlacedItem }[] = [];
  private visible = true;

  constructor(
    private readonly viewer: CesiumWidget,
    data: Pick<SchematicData, 'stations' | 'water' | 'buildings'>,
  ) {
    super();
    const C = cesium();
    this.labels = new C.LabelCollection();
    viewer.scene.primitives.add(this.labels);
    const add = (kind: Kind, id: string, text: string, lon: number, lat: number) => {
      const px = FONT_PX[kind];
      const label = this.labels.add({
        position: C.Cartesian3.fromDegrees(lon, lat, 0),
        text,
        font: font(px),
        fillColor: C.Color.fromCssColorString(COLOUR[kind]),
        outlineColor: C.Color.fromCssColorString('#05101c'),
        outlineWidth: 3,
        style: C.LabelStyle.FILL_AND_OUTLINE,
        pixelOffset: new C.Cartesian2(0, -8),
        horizontalOrigin: C.HorizontalOrigin.CENTER,
        verticalOrigin: C.VerticalOrigin.BOTTOM,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
        show: false,
      });
      const w = labelWidthPx(text, px);
      this.items.push({
        kind,
        item: {
          id: `${kind}-${id}`,
          position: label.position,
          offsetY: -8 - px / 2 - 2,
          w,
          h: px + 5,
          priority: PRIORITY[kind],
          alternatives: labelAlternatives(w, -8 - px / 2),
          show: (shown, moved) => {
            label.show = shown;
            label.pixelOffset = new C.Cartesian2(moved?.dx ?? 0, -8 + (moved?.dy ?? 0));
          },
        },
      });
    };
    data.stations.forEach((s, k) => add('station', String(k), s.name, s.lon, s.lat));
    data.water.forEach((w, k) => {
      if (!w.name) return;
      const [lon, lat] = centre(w.rings[0]);
      add('water', String(k), w.name, lon, lat);
    });
    data.buildings.forEach((b, k) => {
      if (!b.name) return;
      const [lon, lat] = centre(b.ring);
      add('building', String(k), b.name, lon, lat);
    });
  }

  protected apply(next: { visible: boolean }): void {
    this.visible = next.visible;
    this.labels.show = next.visible;
    if (!next.visible) for (const x of this.items) x.item.show(false);
    this.viewer.scene.requestRender();
  }

  /** the labels this zoom shows, for the declutter pass; the others are hidden here */
  get placedItems(): readonly PlacedItem[] {
    if (!this.visible) return [];
    const kinds = labelKindsAt(viewZoom(this.viewer));
    const out: PlacedItem[] = [];
    for (const x of this.items) {
      if (kinds.includes(x.kind)) out.push(x.item);
      else x.item.show(false);
    }
    return out;
  }

  destroy(): void {
    this.viewer.scene.primitives.remove(this.labels);
  }
}

/** The mean of a ring's points (a label anchor inside small, compact shapes). */
function centre(flat: number[]): [number, number] {
  let x = 0;
  let y = 0;
  const n = flat.length / 2;
  for (let i = 0; i < flat.length; i += 2) {
    x += flat[i];
    y += flat[i + 1];
  }
  return [x / n, y / n];
}
