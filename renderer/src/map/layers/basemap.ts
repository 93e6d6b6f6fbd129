// Basemaps and overlays as Cesium imagery layers: one base (the schematic basemap, an MBTiles file, a
// web source) and any overlays (labels over imagery), all fetched from this console's /tiles, which
// caches web sources. A GCJ-02 source goes through the corrected tiling scheme.
import type { CesiumWidget, ImageryLayer } from '@cesium/engine';
import { cesium } from '../cesium';
import type { MapLayer } from '../layer';
import { gcj02TilingScheme } from './gcjTiling';

export interface BasemapEntry {
  id: string;
  /** /tiles/<id>/{z}/{x}/{y} (or absolute in Electron) */
  url: string;
  minZoom: number;
  maxZoom: number;
  corrected: boolean;
  /** the data's extent; tiles are asked only inside it */
  bounds: [number, number, number, number] | null;
}

export interface BasemapDesired {
  base: BasemapEntry | null;
  overlays: BasemapEntry[];
  /** a version that changes when a layer's tiles may have changed (a download finished, a file replaced) */
  rev: number;
}

const keyOf = (e: BasemapEntry, rev: number) => `${e.id}|${e.url}|${e.minZoom}|${e.maxZoom}|${e.corrected}|${rev}`;

export class BasemapLayer implements MapLayer<BasemapDesired> {
  private readonly shown = new Map<string, ImageryLayer>();
  private last = '';

  constructor(private readonly viewer: CesiumWidget) {}

  sync(d: BasemapDesired): void {
    const wanted = [...(d.base ? [d.base] : []), ...d.overlays];
    const sig = wanted.map((e) => keyOf(e, d.rev)).join(',');
    if (sig === this.last) return;
    this.last = sig;
    const layers = this.viewer.imageryLayers;
    const keep = new Set(wanted.map((e) => keyOf(e, d.rev)));
    for (const [k, l] of this.shown) {
      if (keep.has(k)) continue;
      layers.remove(l, true);
      this.shown.delete(k);
    }
    for (const e of wanted) {
      const k = keyOf(e, d.rev);
      let l = this.shown.get(k);
      if (!l) {
        l = layers.addImageryProvider(this.provider(e));
        this.shown.set(k, l);
      }
      // bottom to top in the wanted order, above Cesium's own Natural Earth backdrop
      layers.raiseToTop(l);
    }
    this.viewer.scene.requestRender();
  }

  private provider(e: BasemapEntry) {
    const C = cesium();
    const restricted = e.minZoom > 0 && e.bounds !== null;
    return new C.UrlTemplateImageryProvider({
      url: e.url,
      tilingScheme: e.corrected ? gcj02TilingScheme() : new C.WebMercatorTilingScheme(),
      // a minimum level is only safe with a small extent (few tiles at that level)
      minimumLevel: restricted ? e.minZoom : 0,
      maximumLevel: e.maxZoom,
      rectangle: e.bounds ? C.Rectangle.fromDegrees(...e.bounds) : undefined,
    });
  }

  /** ids of the imagery layers shown now, bottom to top (diagnostics, tests) */
  get ids(): string[] {
    return [...this.shown.keys()].map((k) => k.split('|')[0]);
  }

  destroy(): void {
    for (const l of this.shown.values()) this.viewer.imageryLayers.remove(l, true);
    this.shown.clear();
  }
}
