// The map wall controller: owns the CesiumWidget and its layers, outside Vue reactivity. Components
// call apply() with the desired state (one sync step) and get picks back through a callback.
import type { CesiumWidget } from '@cesium/engine';
import type { RiskLevel } from '../../../electron/common/levels';
import { RISK_LEVELS } from '../../../electron/common/levels';
import type { LayerId } from '../stores/useRiskMapStore';
import { cesium, type PickId } from './cesium';
import { Overlays, type OverlayData } from './overlays';
import { RiskLayer } from './riskLayer';
import type { DecodedPoints } from '../stores/useRiskMapStore';
import { createOfflineViewer } from './viewer';

export interface DesiredMapState {
  levels: Record<RiskLevel, boolean>;
  layers: Record<LayerId, boolean>;
}

export class MapWallController {
  private incidentMarker: import('@cesium/engine').PointPrimitiveCollection | null = null;

  private constructor(
    readonly viewer: CesiumWidget,
    readonly risk: RiskLayer,
    readonly overlays: Overlays,
  ) {}

  static async create(
    container: HTMLElement,
    points: DecodedPoints,
    overlays: OverlayData,
    onPick: (p: PickId | null) => void,
  ): Promise<MapWallController> {
    const C = cesium();
    const viewer = await createOfflineViewer(container);
    const ctl = new MapWallController(viewer, new RiskLayer(viewer, points), new Overlays(viewer, overlays));
    ctl.risk.onCloseInChange = (close) => ctl.overlays.setCloseIn(close);
    ctl.overlays.setCloseIn(ctl.risk.closeIn);
    const handler = new C.ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction((e: { position: import('@cesium/engine').Cartesian2 }) => {
      // drill through labels (town names have no pick id) to the first thing of ours
      const picked = viewer.scene.drillPick(e.position, 6) as { id?: unknown }[];
      const hit = picked.find((p) => p?.id && typeof p.id === 'object' && 'kind' in (p.id as object));
      const id = (hit?.id as PickId | undefined) ?? null;
      if (id?.kind === 'cluster') ctl.flyTo(id.lon, id.lat, 15_000);
      onPick(id);
    }, C.ScreenSpaceEventType.LEFT_CLICK);
    await ctl.firstFrame();
    return ctl;
  }

  apply(s: DesiredMapState): void {
    this.risk.setLevels(RISK_LEVELS.map((l) => s.levels[l]));
    this.risk.setVisible(s.layers.risk);
    for (const id of ['outline', 'river', 'labels', 'cameras', 'nests'] as const)
      this.overlays.setVisible(id, s.layers[id]);
  }

  /** Marks the incident a board is looking at (one marker, replaced on the next focus). */
  markIncident(lon: number, lat: number): void {
    const C = cesium();
    if (!this.incidentMarker) {
      this.incidentMarker = this.viewer.scene.primitives.add(
        new C.PointPrimitiveCollection(),
      ) as import('@cesium/engine').PointPrimitiveCollection;
    }
    this.incidentMarker.removeAll();
    const position = C.Cartesian3.fromDegrees(lon, lat, 0);
    this.incidentMarker.add({
      position,
      pixelSize: 26,
      color: C.Color.TRANSPARENT,
      outlineColor: C.Color.fromCssColorString('#ff3b3b'),
      outlineWidth: 4,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    this.incidentMarker.add({
      position,
      pixelSize: 8,
      color: C.Color.fromCssColorString('#ff3b3b'),
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    this.viewer.scene.requestRender();
  }

  flyTo(lon: number, lat: number, heightM = 3_000): void {
    const C = cesium();
    this.viewer.camera.flyTo({ destination: C.Cartesian3.fromDegrees(lon, lat, heightM), duration: 1.2 });
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
    this.risk.destroy();
    this.overlays.destroy();
    this.viewer.destroy();
  }
}
