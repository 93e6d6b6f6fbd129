// The map layers a console can draw, as the layer panel and the API list them: the embedded schematic
// basemap, MBTiles files in <data>/maps, and tiled web sources (cached on this console).
import { z } from 'zod';

export const LAYER_KINDS = ['schematic', 'mbtiles', 'source'] as const;

export const mapLayerSchema = z.object({
  id: z.string(),
  kind: z.enum(LAYER_KINDS),
  name: z.string(),
  role: z.enum(['base', 'overlay']),
  format: z.string().nullable(),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  attribution: z.string(),
  description: z.string(),
  datum: z.enum(['wgs84', 'gcj02']),
  /** drawn through a corrected tiling scheme (a GCJ-02 source) */
  corrected: z.boolean(),
  /** where a window asks for tiles: /tiles/<id>/{z}/{x}/{y} */
  tileUrl: z.string(),
  /** tiles this console holds for the layer (its file, or the source's cache) */
  tilesHeld: z.number().int(),
  bytesHeld: z.number().int(),
  /** web sources: whether the last fetch reached the source; local layers are always 'local' */
  reach: z.enum(['local', 'online', 'offline', 'unknown']),
  /** web sources: provider, kind and template with any key hidden */
  provider: z.string().nullable(),
  sourceKind: z.enum(['xyz', 'wmts']).nullable(),
  template: z.string().nullable(),
  /** MBTiles: the file name in <data>/maps */
  file: z.string().nullable(),
});
export type MapLayer = z.infer<typeof mapLayerSchema>;

export const tilePath = (id: string) => `/tiles/${encodeURIComponent(id)}/{z}/{x}/{y}`;

/** Layer ids from file names: lower case, letters, digits, - and _. */
export function layerIdOfFile(fileName: string): string {
  const base = fileName.replace(/\.mbtiles$/i, '').toLowerCase();
  const id = base.replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return id.slice(0, 48) || 'layer';
}
