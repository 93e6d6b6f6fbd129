// Map sources as data: what an officer adds (an XYZ template, a WMTS service, a Tianditu preset with its
// key) and what the console keeps after resolving it (one URL template per tile, its datum, zooms and
// attribution). The console fetches every tile itself and caches it, so a window only ever asks the
// host for /tiles/<source>/<z>/<x>/<y>.
import { z } from 'zod';
import { flipY } from './mercator';

export const sourceIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,47}$/,
    'use lower-case letters, digits, - and _ (at most 48, starting with a letter or digit)',
  );

export const TIANDITU_LAYERS = ['vec', 'cva', 'img', 'cia', 'ter', 'cta'] as const;
export type TiandituLayer = (typeof TIANDITU_LAYERS)[number];
/** Tianditu's annotation layers draw labels over a base layer. */
const TIANDITU_OVERLAYS: readonly TiandituLayer[] = ['cva', 'cia', 'cta'];
export const TIANDITU_ATTRIBUTION = '© 天地图 Tianditu — National Platform for Common GeoSpatial Information Services';

const zoom = z.number().int().min(0).max(24);
const httpUrl = z
  .string()
  .min(8)
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL without spaces');

const commonFields = {
  id: sourceIdSchema,
  name: z.string().trim().min(1).max(80).optional(),
  attribution: z.string().trim().max(300).optional(),
  minZoom: zoom.optional(),
  maxZoom: zoom.optional(),
  /** the datum the source's tiles are drawn in; guessed from known hosts when absent */
  datum: z.enum(['wgs84', 'gcj02', 'bd09']).optional(),
  /** base (opaque) or overlay (labels over a base) */
  role: z.enum(['base', 'overlay']).optional(),
};

export const xyzSourceInputSchema = z.object({
  ...commonFields,
  kind: z.literal('xyz'),
  /** e.g. https://{s}.tiles.example/{z}/{x}/{y}.png ({-y} for a TMS row) */
  url: httpUrl.refine((u) => u.includes('{z}') && u.includes('{x}') && /\{-?y\}/.test(u), {
    message: 'an XYZ template needs {z}, {x} and {y} (or {-y})',
  }),
  subdomains: z
    .array(z.string().regex(/^[\w-]{1,16}$/))
    .max(16)
    .optional(),
});

export const wmtsSourceInputSchema = z.object({
  ...commonFields,
  kind: z.literal('wmts'),
  /** a GetCapabilities URL, or a RESTful template with {TileMatrix}, {TileRow}, {TileCol} */
  url: httpUrl.optional(),
  /** a Tianditu layer: vec/cva (map and its labels), img/cia (imagery and labels), ter/cta */
  preset: z.enum(TIANDITU_LAYERS.map((l) => `tianditu-${l}` as const) as [string, ...string[]]).optional(),
  /** the Tianditu key (tk) */
  tk: z
    .string()
    .regex(/^[0-9a-fA-F]{16,64}$/, 'a Tianditu key is 16–64 hexadecimal characters')
    .optional(),
  layer: z.string().min(1).max(120).optional(),
  style: z.string().min(1).max(120).optional(),
  tileMatrixSet: z.string().min(1).max(120).optional(),
  format: z.string().min(1).max(60).optional(),
  subdomains: z
    .array(z.string().regex(/^[\w-]{1,16}$/))
    .max(16)
    .optional(),
});

export const sourceInputSchema = z.discriminatedUnion('kind', [xyzSourceInputSchema, wmtsSourceInputSchema]);
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** A source as the console keeps it: everything needed to fetch tile (z, x, y). */
export const mapSourceSchema = z.object({
  id: sourceIdSchema,
  kind: z.enum(['xyz', 'wmts']),
  name: z.string(),
  attribution: z.string(),
  role: z.enum(['base', 'overlay']),
  minZoom: zoom,
  maxZoom: zoom,
  datum: z.enum(['wgs84', 'gcj02']),
  /** a GCJ-02 source is drawn through a corrected tiling scheme */
  corrected: z.boolean(),
  provider: z.string().nullable(),
  /** {z} {x} {y} {-y} {s}; {z} is replaced by matrixIds[z] when those are given */
  template: z.string(),
  subdomains: z.array(z.string()),
  matrixIds: z.array(z.string()).nullable(),
  preset: z.string().nullable(),
});
export type MapSource = z.infer<typeof mapSourceSchema>;

/** The URL of one tile. Subdomains rotate by tile so a browser-style spread is kept. */
export function tileUrl(
  src: Pick<MapSource, 'template' | 'subdomains' | 'matrixIds'>,
  z: number,
  x: number,
  y: number,
) {
  const s = src.subdomains.length ? src.subdomains[(x + y) % src.subdomains.length] : '';
  const zId = src.matrixIds ? (src.matrixIds[z] ?? String(z)) : String(z);
  return src.template
    .replaceAll('{s}', s)
    .replaceAll('{z}', encodeURIComponent(zId))
    .replaceAll('{x}', String(x))
    .replaceAll('{-y}', String(flipY(z, y)))
    .replaceAll('{y}', String(y));
}

/** A source's template with its key hidden, for listing (a key is a credential). */
export function maskedTemplate(template: string): string {
  return template.replace(/([?&](?:tk|key|token|access_token|apikey)=)[^&]*/gi, '$1***');
}

export function tiandituSource(
  id: string,
  layer: TiandituLayer,
  tk: string,
  extra: { name?: string; attribution?: string } = {},
): MapSource {
  return {
    id,
    kind: 'wmts',
    name: extra.name ?? `天地图 ${layer}`,
    attribution: extra.attribution ?? TIANDITU_ATTRIBUTION,
    role: TIANDITU_OVERLAYS.includes(layer) ? 'overlay' : 'base',
    minZoom: 1,
    maxZoom: 18,
    datum: 'wgs84',
    corrected: false,
    provider: 'Tianditu (天地图, CGCS2000)',
    template:
      `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?service=WMTS&request=GetTile&version=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
    subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
    matrixIds: null,
    preset: `tianditu-${layer}`,
  };
}

/** A KVP WMTS GetTile template for one layer/style/matrix set (the generic intranet case). */
export function wmtsKvpTemplate(
  base: string,
  p: { layer: string; style: string; tileMatrixSet: string; format: string; extra?: Record<string, string> },
): string {
  const u = base.split('?')[0];
  const keep = (base.split('?')[1] ?? '')
    .split('&')
    .filter(
      (kv) =>
        kv && !/^(service|request|version|layer|style|tilematrixset|format|tilematrix|tilerow|tilecol)=/i.test(kv),
    );
  const q = [
    'SERVICE=WMTS',
    'REQUEST=GetTile',
    'VERSION=1.0.0',
    `LAYER=${encodeURIComponent(p.layer)}`,
    `STYLE=${encodeURIComponent(p.style)}`,
    `TILEMATRIXSET=${encodeURIComponent(p.tileMatrixSet)}`,
    `FORMAT=${encodeURIComponent(p.format)}`,
    'TILEMATRIX={z}',
    'TILEROW={y}',
    'TILECOL={x}',
    ...keep,
    ...Object.entries(p.extra ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
  ];
  return `${u}?${q.join('&')}`;
}

/** A RESTful WMTS ResourceURL template turned into ours. */
export function wmtsRestTemplate(resourceUrl: string, p: { style: string; tileMatrixSet: string }): string {
  return resourceUrl
    .replace(/\{Style\}/gi, encodeURIComponent(p.style))
    .replace(/\{TileMatrixSet\}/gi, encodeURIComponent(p.tileMatrixSet))
    .replace(/\{TileMatrix\}/gi, '{z}')
    .replace(/\{TileRow\}/gi, '{y}')
    .replace(/\{TileCol\}/gi, '{x}');
}
