// Basemap tiles in and out of packages: the tiles a console holds for an area at some zooms (MBTiles
// files and web-source caches), copied into one MBTiles per layer; and a packaged MBTiles merged into
// the receiving console's cache of the same layer, so the area works there with no network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coverLevels, type Area } from '../../common/tiles/cover';
import { areaInDatum } from '../../common/tiles/gcjTiles';
import type { LayerFiles } from '../tiles/layerFiles';
import { MBTiles } from '../tiles/mbtiles';
import type { SourceStore } from '../tiles/sources';
import type { SourceCaches } from '../tiles/tileStore';
import type { Entry } from './zipfile';

export interface TileAccess {
  files: LayerFiles;
  caches: SourceCaches;
  sources: SourceStore;
}

/** Layers that may hold tiles to carry: MBTiles files and web-source caches (the schematic basemap is built in). */
export function tileLayerIds(t: TileAccess): string[] {
  t.files.scan();
  const ids = new Set([...t.files.list().map((f) => f.id), ...t.caches.ids()]);
  ids.delete('schematic');
  return [...ids].sort();
}

function readerOf(t: TileAccess, id: string): MBTiles | null {
  return t.files.get(id) ?? (t.caches.exists(id) ? t.caches.get(id) : null);
}

function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianqin-pkg-')), name);
}

/** One MBTiles entry per layer that holds tiles of the area; empty layers are left out. */
export function tileEntries(
  t: TileAccess,
  layerIds: string[],
  area: Area,
  minZoom: number,
  maxZoom: number,
  onTile?: () => void,
): { entries: Entry[]; tiles: number; attribution: string[] } {
  const entries: Entry[] = [];
  const attribution: string[] = [];
  let total = 0;
  for (const id of layerIds) {
    const src = readerOf(t, id);
    if (!src) continue;
    const meta = src.meta;
    const cfg = t.sources.get(id);
    const datum = cfg?.datum ?? meta.datum;
    const levels = coverLevels(areaInDatum(area, datum), minZoom, maxZoom);
    const file = tmpFile(`${id}.mbtiles`);
    const out = MBTiles.openWritable(file, {
      name: cfg?.name ?? meta.name,
      type: (cfg?.role ?? (meta.type === 'overlay' ? 'overlay' : 'base')) === 'overlay' ? 'overlay' : 'baselayer',
      attribution: cfg?.attribution ?? meta.attribution,
      format: meta.format ?? 'png',
      minzoom: String(minZoom),
      maxzoom: String(maxZoom),
      'lianqin:datum': datum,
    });
    let n = 0;
    try {
      out.batch(() => {
        for (const l of levels) {
          for (const r of l.rows) {
            for (const [x0, x1] of r.spans) {
              for (const tile of src.each({ z: l.z, x0, x1, y0: r.y, y1: r.y })) {
                out.put(tile.z, tile.x, tile.y, tile.data);
                n++;
                onTile?.();
              }
            }
          }
        }
      });
      out.db.pragma('wal_checkpoint(TRUNCATE)');
      out.db.pragma('journal_mode = DELETE');
    } finally {
      out.close();
    }
    if (n > 0) {
      entries.push({ path: `tiles/${id}.mbtiles`, data: fs.readFileSync(file) });
      const a = cfg?.attribution ?? meta.attribution;
      if (a) attribution.push(a);
      total += n;
    }
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return { entries, tiles: total, attribution };
}

/** Merges a packaged MBTiles into this console's cache of the layer; returns the tiles taken. */
export function mergeTiles(t: TileAccess, id: string, data: Uint8Array): number {
  const file = tmpFile(`${id}.mbtiles`);
  fs.writeFileSync(file, data);
  const src = MBTiles.open(file);
  try {
    const m = src.meta;
    const cache = t.caches.get(id, {
      name: m.name,
      attribution: m.attribution,
      type: m.type,
      format: m.format ?? 'png',
      'lianqin:datum': m.datum,
    });
    let n = 0;
    cache.batch(() => {
      for (const tile of src.each()) {
        cache.put(tile.z, tile.x, tile.y, tile.data);
        n++;
      }
    });
    return n;
  } finally {
    src.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
