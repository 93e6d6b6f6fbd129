// An offline Cesium viewer: imagery shipped with Cesium (Natural Earth II), no Ion, no geocoder,
// no request to any non-loopback host. Dimmed for a night-lit room.
import type { CesiumWidget } from '@cesium/engine';
import { cesium } from './cesium';

/** Until the outline is known: roughly the district. */
export const DISTRICT_VIEW = { lon: 106.4, lat: 29.6, heightM: 60_000 };

/**
 * The default view: the whole district outline inside the map area, with room left for the panels
 * on its left (legend, layers) and right (detail card), so no part of it hides under them.
 */
export function fitDistrict(viewer: CesiumWidget, ring: readonly (readonly [number, number])[]): void {
  if (ring.length < 3) return;
  const C = cesium();
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const dLon = e - w;
  const dLat = n - s;
  const rect = C.Rectangle.fromDegrees(w - dLon * 0.32, s - dLat * 0.06, e + dLon * 0.26, n + dLat * 0.1);
  viewer.camera.setView({ destination: rect });
}

// CesiumWidget rather than Viewer: the Viewer's toolbar widgets use Knockout, which evaluates strings
// and would need 'unsafe-eval' in the CSP. We need none of those widgets.
export async function createOfflineViewer(container: HTMLElement): Promise<CesiumWidget> {
  const C = cesium();
  C.Ion.defaultAccessToken = ''; // never talk to Cesium ion
  const baseLayer = C.ImageryLayer.fromProviderAsync(
    C.TileMapServiceImageryProvider.fromUrl(C.buildModuleUrl('Assets/Textures/NaturalEarthII')),
    { brightness: 0.55, saturation: 0.6 },
  );
  const viewer = new C.CesiumWidget(container, {
    baseLayer,
    scene3DOnly: true,
    skyBox: false,
    skyAtmosphere: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    msaaSamples: 1,
  });
  const scene = viewer.scene;
  scene.globe.baseColor = C.Color.fromCssColorString('#0b1a2a');
  scene.globe.showGroundAtmosphere = false;
  scene.fog.enabled = false;
  scene.backgroundColor = C.Color.fromCssColorString('#05101c');
  viewer.camera.setView({
    destination: C.Cartesian3.fromDegrees(DISTRICT_VIEW.lon, DISTRICT_VIEW.lat, DISTRICT_VIEW.heightM),
  });
  await new Promise<void>((resolve, reject) => {
    if (baseLayer.ready) return resolve();
    baseLayer.readyEvent.addEventListener(() => resolve());
    baseLayer.errorEvent.addEventListener((e: unknown) => reject(new Error(`imagery: ${String(e)}`)));
  });
  return viewer;
}
