// The map wall controller: owns the CesiumWidget and its layers, outside Vue reactivity. The wall
// calls sync() with the desired state (map/types.ts) and each layer applies only what changed; picks
// come back through a callback.
import type { CesiumWidget } from '@cesium/engine';
import type { CameraDto, DroneNestDto, MapLayersDto, PackedRiskPoints, TownDto } from '../../../electron/common/dto';
import { place, type ScreenItem } from '../../../electron/common/declutter';
import { cesium, type PickId } from './cesium';
import type { SchematicData } from '../../../electron/common/tiles/schematic';
import { BasemapLayer } from './layers/basemap';
import { CameraLayer } from './layers/cameras';
import { DroneLayer } from './layers/drones';
import { AlarmLayer } from './layers/alarms';
import { LevelLayer } from './layers/levels';
import { FocusLayer } from './layers/focus';
import { LineLayer } from './layers/lines';
import { NestLayer } from './layers/nests';
import { RiskLayer } from './layers/risk';
import { SchematicLabelLayer } from './layers/schematicLabels';
import { SchematicVectorLayer } from './layers/schematicVector';
import { TownLabelLayer } from './layers/townLabels';
import type { MapDesired } from './types';
import { createOfflineViewer, fitDistrict } from './viewer';

export interface MapData {
  points: PackedRiskPoints;
  layers: MapLayersDto;
  towns: TownDto[];
  cameras: CameraDto[];
  nests: DroneNestDto[];
  townLabel: (t: TownDto) => string;
  nestLabel: (n: DroneNestDto) => string;
  /** the schematic basemap's open data (labels; the geometry too when drawn as vectors) */
  schematic?: SchematicData;
  /** how the schematic basemap is drawn: raster tiles from the host, or vector primitives */
  schematicMode?: 'raster' | 'vector';
}

export class MapWallController {
  private readonly layers;
  private readonly homeRing: [number, number][];
  private declutterTimer: ReturnType<typeof setTimeout> | null = null;
  /** the boxes shown after the last placement (diagnostics: nothing overlaps) */
  private placed: ScreenItem[] = [];

  private constructor(
    readonly viewer: CesiumWidget,
    readonly risk: RiskLayer,
    data: MapData,
  ) {
    this.homeRing = data.layers.outline.ring;
    this.layers = {
      outline: new LineLayer(viewer, [{ line: data.layers.outline.ring, width: 2.5, colour: '#7fdbff' }]),
      river: new LineLayer(
        viewer,
        data.layers.river.map((r) => ({ line: r.line, width: 4, colour: '#2e86de' })),
      ),
      cameras: new CameraLayer(viewer, data.cameras),
      nests: new NestLayer(viewer, data.nests, data.nestLabel),
      drones: new DroneLayer(viewer),
      levels: new LevelLayer(viewer),
      alarms: new AlarmLayer(viewer),
      labels: new TownLabelLayer(viewer, data.towns, data.townLabel),
      risk,
      focus: new FocusLayer(viewer, (lon, lat) => this.flyTo(lon, lat, 2_500)),
      basemap: new BasemapLayer(viewer),
      schematicLabels: new SchematicLabelLayer(viewer, data.schematic ?? { stations: [], water: [], buildings: [] }),
      schematicVector:
        data.schematic && data.schematicMode === 'vector' ? new SchematicVectorLayer(viewer, data.schematic) : null,
    };
  }

  static async create(
    container: HTMLElement,
    data: MapData,
    onPick: (p: PickId | null) => void,
  ): Promise<MapWallController> {
    const C = cesium();
    const viewer = await createOfflineViewer(container);
    fitDistrict(viewer, data.layers.outline.ring);
    const ctl = new MapWallController(viewer, new RiskLayer(viewer, data.points), data);
    ctl.risk.onView = (closeIn) => ctl.layers.cameras.setCloseIn(closeIn);
    ctl.risk.onClustersChanged = () => ctl.scheduleDeclutter();
    ctl.risk.update();
    viewer.camera.percentageChanged = 0.05;
    viewer.camera.changed.addEventListener(() => ctl.scheduleDeclutter());
    viewer.camera.moveEnd.addEventListener(() => ctl.declutter());
    const handler = new C.ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction((e: { position: import('@cesium/engine').Cartesian2 }) => {
      // drill through labels (town names have no pick id) to the first thing of ours
      // (station dots and basemap labels may lie above a point or cluster too: look a little deeper)
      const picked = viewer.scene.drillPick(e.position, 10) as { id?: unknown }[];
      const hit = picked.find((p) => p?.id && typeof p.id === 'object' && 'kind' in (p.id as object));
      const id = (hit?.id as PickId | undefined) ?? null;
      if (id?.kind === 'cluster') ctl.flyTo(id.lon, id.lat, 15_000);
      onPick(id);
    }, C.ScreenSpaceEventType.LEFT_CLICK);
    await ctl.firstFrame();
    return ctl;
  }

  /** One sync step: every layer gets its slice of the desired state. */
  sync(d: MapDesired): void {
    const l = this.layers;
    l.risk.sync(d.risk);
    l.outline.sync(d.outline);
    l.river.sync(d.river);
    l.labels.sync(d.labels);
    l.cameras.sync(d.cameras);
    l.nests.sync(d.nests);
    l.drones.sync(d.drones);
    if (d.levels) l.levels.sync(d.levels);
    if (d.alarms) l.alarms.sync(d.alarms);
    l.focus.sync(d.focus);
    if (d.basemap) {
      const schematicBase = d.basemap.base?.id === 'schematic';
      // drawn as vectors: the schematic basemap is not an imagery layer then
      l.basemap.sync(l.schematicVector && schematicBase ? { ...d.basemap, base: null } : d.basemap);
      l.schematicVector?.sync({ visible: schematicBase });
      // under the vector schematic the globe's own dark colour is the background, not Natural Earth
      const world = this.viewer.imageryLayers.get(0);
      if (world) world.show = !(l.schematicVector && schematicBase);
      l.schematicLabels.sync({ visible: schematicBase });
    }
    this.scheduleDeclutter();
  }

  scheduleDeclutter(): void {
    this.declutterTimer ??= setTimeout(() => this.declutter(), 60);
  }

  /** Town and nest names and cluster markers never overlap: placed by priority, the rest hidden. */
  declutter(): void {
    if (this.declutterTimer) clearTimeout(this.declutterTimer);
    this.declutterTimer = null;
    const C = cesium();
    const scene = this.viewer.scene;
    const l = this.layers;
    const items = [
      ...l.nests.placedItems,
      ...l.labels.placedItems,
      ...l.schematicLabels.placedItems,
      ...l.risk.placedItems,
    ];
    const screen: ScreenItem[] = [];
    for (const it of items) {
      const p = C.SceneTransforms.worldToWindowCoordinates(scene, it.position);
      if (!p) it.show(false);
      else {
        const { id, w, h, priority, alternatives } = it;
        screen.push({ id, x: p.x, y: p.y + it.offsetY, w, h, priority, alternatives });
      }
    }
    const placed = place(screen);
    for (const it of items) it.show(placed.has(it.id), placed.get(it.id));
    this.placed = screen
      .filter((s) => placed.has(s.id))
      .map((s) => ({ ...s, x: s.x + placed.get(s.id)!.dx, y: s.y + placed.get(s.id)!.dy }));
    scene.requestRender();
  }

  /** Diagnostics: resolves when the basemap's tiles (or its vector geometry) are all on screen. */
  async basemapSettled(timeoutMs = 60_000): Promise<void> {
    await this.layers.schematicVector?.ready();
    const globe = this.viewer.scene.globe;
    const end = performance.now() + timeoutMs;
    while (!globe.tilesLoaded && performance.now() < end) {
      this.viewer.scene.requestRender();
      await new Promise((r) => setTimeout(r, 16));
    }
  }

  /** Diagnostics: the label and marker boxes shown now, in CSS pixels. */
  placedBoxes(): readonly ScreenItem[] {
    this.declutter();
    return this.placed;
  }

  /** The ground rectangle in view as [minLon, minLat, maxLon, maxLat], or null (looking at the sky). */
  viewBBox(): [number, number, number, number] | null {
    const r = this.viewer.camera.computeViewRectangle();
    if (!r) return null;
    const d = 180 / Math.PI;
    return [r.west * d, r.south * d, r.east * d, r.north * d];
  }

  /** Back to the whole district (the default view). */
  home(): void {
    fitDistrict(this.viewer, this.homeRing);
    this.risk.update();
  }

  flyTo(lon: number, lat: number, heightM = 3_000): void {
    const C = cesium();
    this.viewer.camera.flyTo({ destination: C.Cartesian3.fromDegrees(lon, lat, heightM), duration: 1.2 });
  }

  /** What the night watch's layers draw (diagnostics for tests and benchmarks). */
  get watchDrawn(): { levels: number; alarms: number } {
    return { levels: this.layers.levels.drawnCount, alarms: this.layers.alarms.drawnCount };
  }

  /** Resolves after Cesium has rendered a frame with everything added. */
  firstFrame(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.viewer.scene.postRender.addEventListener(() => {
        off();
        resolve();
      });
      this.viewer.scene.requestRender();
    });
  }

  /** Jump without animation (tests, benchmarks, wall controllers). */
  setView(lon: number, lat: number, heightM: number): void {
    const C = cesium();
    this.viewer.camera.setView({ destination: C.Cartesian3.fromDegrees(lon, lat, heightM) });
    this.risk.update();
  }

  /** Window (CSS pixel) position of a ground point, or null when it is off screen. */
  toWindow(lon: number, lat: number): { x: number; y: number } | null {
    const C = cesium();
    const p = C.SceneTransforms.worldToWindowCoordinates(this.viewer.scene, C.Cartesian3.fromDegrees(lon, lat, 0));
    return p ? { x: p.x, y: p.y } : null;
  }

  /**
   * Diagnostics for benchmarks: renders n frames synchronously and returns per-frame times (ms).
   * `withRisk=false` hides the risk layer for a baseline of the same view.
   */
  measureFrames(n: number, withRisk: boolean): number[] {
    this.risk.setVisible(withRisk);
    const times: number[] = [];
    const scene = this.viewer.scene;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      scene.requestRender(); // requestRenderMode would otherwise skip an unchanged frame
      scene.render();
      // a tiny readback forces the GPU (SwiftShader here) to finish the frame before we stop the clock
      const gl = (scene as unknown as { context: { _gl: WebGLRenderingContext } }).context._gl;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      times.push(performance.now() - t0);
    }
    this.risk.setVisible(true);
    return times;
  }

  destroy(): void {
    for (const l of Object.values(this.layers)) l?.destroy();
    this.viewer.destroy();
  }
}
