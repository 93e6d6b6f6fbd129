// GCJ-02, the obfuscated datum Chinese web maps (AMap, Tencent) publish in, against WGS-84 that Cesium
// and GPS use: in Chongqing the two are about 500 m apart, so a GCJ-02 basemap under WGS-84 points puts
// every point on the wrong street. The forward transform is the published one (Krasovsky ellipsoid and
// its two sine series); the inverse is solved by iteration to well under a centimetre. Baidu's BD-09 is
// a further rotation on its own tile grid and is refused rather than guessed.

export type Datum = 'wgs84' | 'gcj02' | 'bd09';

const A = 6378245.0; // Krasovsky 1940 semi-major axis
const EE = 0.006693421622965943; // its first eccentricity squared
const RAD = Math.PI / 180;

/** The rough box GCJ-02 is applied in (outside it the published transform leaves points alone). */
export function inChina(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function dLatRaw(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function dLonRaw(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The GCJ-02 offset at a WGS-84 point, in degrees. */
function offset(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const radLat = lat * RAD;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLatRaw(x, y) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (dLonRaw(x, y) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (!inChina(lon, lat)) return [lon, lat];
  const [dLon, dLat] = offset(lon, lat);
  return [lon + dLon, lat + dLat];
}

/** Inverse by fixed-point iteration: converges to < 1e-9° in a handful of steps. */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (!inChina(lon, lat)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const eLon = gLon - lon;
    const eLat = gLat - lat;
    wLon -= eLon;
    wLat -= eLat;
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [wLon, wLat];
}

/** What a tile URL's host says about its datum, when it says anything. */
export interface DatumGuess {
  datum: Datum;
  provider: string;
}

const PROVIDERS: { re: RegExp; datum: Datum; provider: string }[] = [
  { re: /(^|\.)(autonavi|amap)\.com$/i, datum: 'gcj02', provider: 'AMap (高德)' },
  { re: /(^|\.)(gtimg\.com|map\.qq\.com)$/i, datum: 'gcj02', provider: 'Tencent Maps (腾讯)' },
  { re: /(^|\.)(google\.cn|googleapis\.cn)$/i, datum: 'gcj02', provider: 'Google China' },
  { re: /(^|\.)(bdimg\.com|baidu\.com|bdstatic\.com)$/i, datum: 'bd09', provider: 'Baidu Maps (百度)' },
  { re: /(^|\.)tianditu\.(gov\.cn|com)$/i, datum: 'wgs84', provider: 'Tianditu (天地图, CGCS2000)' },
];

/** Guess from the host of a URL template ({s} and the like are allowed in it). */
export function guessDatum(urlTemplate: string): DatumGuess | null {
  const m = /^[a-z]+:\/\/([^/:?#]+)/i.exec(urlTemplate.replace(/\{[^}]*\}/g, 'x'));
  if (!m) return null;
  const host = m[1];
  const hit = PROVIDERS.find((p) => p.re.test(host));
  return hit ? { datum: hit.datum, provider: hit.provider } : null;
}

/**
 * The datum a source is used in, or a reason to refuse it. A declared datum that contradicts a known
 * provider is refused: a GCJ-02 map declared WGS-84 would be silently shifted by half a kilometre.
 */
export function resolveDatum(
  urlTemplate: string,
  declared: Datum | undefined,
): { datum: 'wgs84' | 'gcj02'; provider: string | null } | { refused: string } {
  const guess = guessDatum(urlTemplate);
  const datum = declared ?? guess?.datum ?? 'wgs84';
  if (datum === 'bd09') {
    return {
      refused:
        `${guess?.provider ?? 'this source'} uses BD-09 on Baidu's own tile grid; it cannot be corrected by its ` +
        'tiling scheme, so it is refused rather than shown shifted',
    };
  }
  if (guess && guess.datum !== datum) {
    return {
      refused:
        `${guess.provider} publishes tiles in ${guess.datum.toUpperCase()}, but the source was declared ` +
        `${datum.toUpperCase()}; declare datum '${guess.datum}' so the map is corrected instead of shifted ~500 m`,
    };
  }
  return { datum, provider: guess?.provider ?? null };
}
