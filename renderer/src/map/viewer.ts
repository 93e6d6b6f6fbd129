// An offline Cesium viewer: imagery shipped with Cesium (Natural Earth II), no Ion, no geocoder,
// no request to any non-loopback host. Dimmed for a night-lit room.
import type { CesiumWidget } from '@cesium/engine';
import { cesium } from './cesium';

export const DISTRICT_VIEW = { lon: 106.4, lat: 29.57, heightM: 48_000 };

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
