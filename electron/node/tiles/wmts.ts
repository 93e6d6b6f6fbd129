// WMTS 1.0.0 capabilities (OGC 07-057r7): the layers a service offers, their tile matrix sets, formats
// and how to ask for a tile (KVP GetTile or a RESTful ResourceURL). We draw Web Mercator tiles, so a
// set is usable when it is the Google-compatible grid (EPSG:3857 and its aliases, the standard top-left
// corner, scale halving per level); a geographic set (EPSG:4326/4490, Tianditu's `c`) is refused with
// the reason rather than stretched.
import { MAX_ZOOM } from '../../common/tiles/mercator';
import { wmtsKvpTemplate, wmtsRestTemplate } from '../../common/tiles/sources';
import { find, kid, kids, parseXml, textOf, type XmlNode } from './xml';

export interface WmtsMatrix {
  id: string;
  scaleDenominator: number;
  topLeft: [number, number];
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

export interface WmtsMatrixSet {
  id: string;
  crs: string;
  matrices: WmtsMatrix[];
}

export interface WmtsLayer {
  id: string;
  title: string;
  formats: string[];
  styles: { id: string; isDefault: boolean }[];
  matrixSets: string[];
  /** RESTful tile templates by format */
  resourceUrls: { format: string; template: string }[];
  /** WGS84BoundingBox: [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number] | null;
}

export interface WmtsCapabilities {
  title: string;
  layers: WmtsLayer[];
  matrixSets: WmtsMatrixSet[];
  /** the KVP GetTile endpoint, when the service offers KVP */
  kvpUrl: string | null;
}

export class WmtsError extends Error {}

const nums = (s: string | undefined) => (s ?? '').trim().split(/\s+/).map(Number);

export function parseCapabilities(xml: string): WmtsCapabilities {
  const doc = parseXml(xml);
  const caps = doc.children.find((c) => c.name === 'Capabilities');
  if (!caps) {
    const ex = find(doc, 'ExceptionText')[0]?.text;
    throw new WmtsError(ex ? `the service answered an exception: ${ex}` : 'not a WMTS Capabilities document');
  }
  const contents = kid(caps, 'Contents');
  const matrixSets: WmtsMatrixSet[] = kids(contents, 'TileMatrixSet').map((s) => ({
    id: textOf(s, 'Identifier') ?? '',
    crs: textOf(s, 'SupportedCRS') ?? '',
    matrices: kids(s, 'TileMatrix').map((m) => {
      const tl = nums(textOf(m, 'TopLeftCorner'));
      return {
        id: textOf(m, 'Identifier') ?? '',
        scaleDenominator: Number(textOf(m, 'ScaleDenominator')),
        topLeft: [tl[0], tl[1]] as [number, number],
        tileWidth: Number(textOf(m, 'TileWidth') ?? 256),
        tileHeight: Number(textOf(m, 'TileHeight') ?? 256),
        matrixWidth: Number(textOf(m, 'MatrixWidth')),
        matrixHeight: Number(textOf(m, 'MatrixHeight')),
      };
    }),
  }));
  const layers: WmtsLayer[] = kids(contents, 'Layer').map((l) => {
    const bb = kid(l, 'WGS84BoundingBox');
    const lo = nums(textOf(bb, 'LowerCorner'));
    const hi = nums(textOf(bb, 'UpperCorner'));
    return {
      id: textOf(l, 'Identifier') ?? '',
      title: textOf(l, 'Title') ?? textOf(l, 'Identifier') ?? '',
      formats: kids(l, 'Format').map((f) => f.text),
      styles: kids(l, 'Style').map((s) => ({
        id: textOf(s, 'Identifier') ?? 'default',
        isDefault: s.attrs.isDefault === 'true',
      })),
      matrixSets: kids(l, 'TileMatrixSetLink').map((k) => textOf(k, 'TileMatrixSet') ?? ''),
      resourceUrls: kids(l, 'ResourceURL')
        .filter((r) => (r.attrs.resourceType ?? 'tile') === 'tile')
        .map((r) => ({ format: r.attrs.format ?? '', template: r.attrs.template ?? '' })),
      bbox:
        bb && lo.length === 2 && hi.length === 2 && [...lo, ...hi].every(Number.isFinite)
          ? [lo[0], lo[1], hi[0], hi[1]]
          : null,
    };
  });
  return {
    title: textOf(kid(caps, 'ServiceIdentification'), 'Title') ?? '',
    layers,
    matrixSets,
    kvpUrl: kvpEndpoint(caps),
  };
}

function kvpEndpoint(caps: XmlNode): string | null {
  const op = kids(kid(caps, 'OperationsMetadata'), 'Operation').find((o) => o.attrs.name === 'GetTile');
  for (const get of op ? find(op, 'Get') : []) {
    const enc = find(get, 'Value').map((v) => v.text);
    if (enc.length === 0 || enc.includes('KVP')) return get.attrs.href ?? null;
  }
  return null;
}

/** Scale denominator of Web Mercator zoom 0 for 256-pixel tiles at the standard 0.28 mm pixel. */
const WEB_MERCATOR_Z0 = 559082264.0287178;
const HALF_WORLD = 20037508.342789244;

/**
 * The Web Mercator zoom of each matrix of a set (its identifier by zoom), or a reason it is not a
 * Web Mercator grid.
 */
export function webMercatorLevels(set: WmtsMatrixSet): { matrixIds: (string | null)[] } | { refused: string } {
  const crs = set.crs.toUpperCase();
  if (/(4326|4490|CRS84|4214|4610)/.test(crs)) {
    return {
      refused: `tile matrix set '${set.id}' is geographic (${set.crs}); only Web Mercator sets can be drawn here`,
    };
  }
  if (!/(3857|900913|102100|102113|GOOGLEMAPSCOMPATIBLE)/.test(crs) && !/google/i.test(set.id)) {
    return { refused: `tile matrix set '${set.id}' uses ${set.crs || 'an unknown CRS'}, not Web Mercator (EPSG:3857)` };
  }
  const ids: (string | null)[] = [];
  for (const m of set.matrices) {
    const zf = Math.log2(WEB_MERCATOR_Z0 / m.scaleDenominator);
    const z = Math.round(zf);
    const cornerOk = Math.abs(m.topLeft[0] + HALF_WORLD) < 1 && Math.abs(m.topLeft[1] - HALF_WORLD) < 1;
    if (!Number.isFinite(zf) || Math.abs(zf - z) > 0.01 || z < 0 || z > MAX_ZOOM || !cornerOk || m.tileWidth !== 256) {
      return {
        refused: `tile matrix '${m.id}' of set '${set.id}' is not on the standard Web Mercator grid (scale, corner or tile size)`,
      };
    }
    ids[z] = m.id;
  }
  if (!ids.length) return { refused: `tile matrix set '${set.id}' has no tile matrices` };
  return { matrixIds: Array.from({ length: ids.length }, (_, z) => ids[z] ?? null) };
}

export interface WmtsChoice {
  layer?: string;
  style?: string;
  tileMatrixSet?: string;
  format?: string;
}

export interface ResolvedWmts {
  template: string;
  matrixIds: string[];
  minZoom: number;
  maxZoom: number;
  layer: string;
  title: string;
  format: string;
}

const PREFERRED_FORMATS = ['image/png', 'image/jpeg', 'image/jpg', 'image/webp', 'tiles'];

/** Picks the layer, style, Web Mercator set and format and builds the tile template. */
export function resolveWmts(
  caps: WmtsCapabilities,
  choice: WmtsChoice,
  extra: Record<string, string> = {},
): ResolvedWmts {
  const layer = choice.layer ? caps.layers.find((l) => l.id === choice.layer) : caps.layers[0];
  if (!layer) {
    const names = caps.layers.map((l) => l.id).join(', ') || 'none';
    throw new WmtsError(
      choice.layer ? `no layer '${choice.layer}' (the service has: ${names})` : 'the service lists no layers',
    );
  }
  const style = choice.style ?? layer.styles.find((s) => s.isDefault)?.id ?? layer.styles[0]?.id ?? 'default';
  const candidates = choice.tileMatrixSet ? [choice.tileMatrixSet] : layer.matrixSets;
  const reasons: string[] = [];
  let picked: { set: WmtsMatrixSet; ids: (string | null)[] } | null = null;
  for (const id of candidates) {
    const set = caps.matrixSets.find((s) => s.id === id);
    if (!set || !layer.matrixSets.includes(id)) {
      reasons.push(`layer '${layer.id}' has no tile matrix set '${id}'`);
      continue;
    }
    const lv = webMercatorLevels(set);
    if ('refused' in lv) reasons.push(lv.refused);
    else {
      picked = { set, ids: lv.matrixIds };
      break;
    }
  }
  if (!picked) throw new WmtsError(reasons.join('; ') || `layer '${layer.id}' links no tile matrix set`);
  const format =
    choice.format ?? PREFERRED_FORMATS.find((f) => layer.formats.includes(f)) ?? layer.formats[0] ?? 'image/png';
  const rest = layer.resourceUrls.find((r) => r.format === format) ?? layer.resourceUrls[0];
  let template: string;
  if (caps.kvpUrl) {
    template = wmtsKvpTemplate(caps.kvpUrl, { layer: layer.id, style, tileMatrixSet: picked.set.id, format, extra });
  } else if (rest) {
    template = wmtsRestTemplate(rest.template, { style, tileMatrixSet: picked.set.id });
    const q = Object.entries(extra).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    if (q.length) template += (template.includes('?') ? '&' : '?') + q.join('&');
  } else throw new WmtsError('the service offers neither KVP GetTile nor a tile ResourceURL');
  const present = picked.ids.map((id, z) => (id === null ? -1 : z)).filter((z) => z >= 0);
  return {
    template,
    matrixIds: picked.ids.map((id, z) => id ?? String(z)),
    minZoom: Math.min(...present),
    maxZoom: Math.max(...present),
    layer: layer.id,
    title: layer.title,
    format,
  };
}
