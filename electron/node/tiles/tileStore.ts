// Where a tile comes from: an MBTiles file in <data>/maps, the embedded schematic basemap, or a web
// source through its cache (one MBTiles per source in <data>/maps/cache): a miss is fetched once,
// stored, then served, so an area seen once is there when the network is not.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sniffTile, type TileFormat } from '../../common/tiles/format';
import { isValidTile } from '../../common/tiles/mercator';
import { tileUrl, type MapSource } from '../../common/tiles/sources';
import type { LayerFiles } from './layerFiles';
import { MBTiles, type SqliteOptions } from './mbtiles';
import type { SourceStore } from './sources';
import { TileFetchError, type Upstream } from './upstream';

export interface Tile {
  data: Buffer;
  format: TileFormat | null;
  etag: string;
  from: 'file' | 'cache' | 'network' | 'render';
}

export type TileMiss = { miss: string; status: 404 | 503 };

/** Something that draws tiles itself (the schematic basemap). */
export interface TileRenderer {
  readonly id: string;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** [minLon, minLat, maxLon, maxLat] of what it draws */
  readonly extent?: readonly [number, number, number, number];
  render(z: number, x: number, y: number): Buffer | null;
}

export const etagOf = (data: Uint8Array) => `"${zlib.crc32(data).toString(16)}-${data.length.toString(16)}"`;

export class SourceCaches {
  private readonly open = new Map<string, MBTiles>();

  constructor(
    readonly dir: string,
    private readonly sqlite: SqliteOptions = {},
  ) {}

  fileOf(id: string): string {
    return path.join(this.dir, `${id}.mbtiles`);
  }

  exists(id: string): boolean {
    return this.open.has(id) || fs.existsSync(this.fileOf(id));
  }

  /** The cache of a source, created on first use. */
  get(id: string, meta: Record<string, string> = {}): MBTiles {
    let m = this.open.get(id);
    if (!m) {
      m = MBTiles.openWritable(this.fileOf(id), { name: id, type: 'baselayer', ...meta }, this.sqlite);
      this.open.set(id, m);
    }
    return m;
  }

  /** Ids of every cache on disk (some may belong to no configured source: imported or removed). */
  ids(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [...this.open.keys()];
    }
    const ids = new Set(names.filter((n) => n.endsWith('.mbtiles')).map((n) => n.slice(0, -'.mbtiles'.length)));
    for (const k of this.open.keys()) ids.add(k);
    return [...ids].sort();
  }

  close(): void {
    for (const m of this.open.values()) m.close();
    this.open.clear();
  }
}

export class TileStore {
  constructor(
    private readonly deps: {
      files: LayerFiles;
      caches: SourceCaches;
      sources: SourceStore;
      upstream: Upstream;
      renderers: TileRenderer[];
    },
  ) {}

  renderer(id: string): TileRenderer | null {
    return this.deps.renderers.find((r) => r.id === id) ?? null;
  }

  /** The cached tile of a source, or null (no network). */
  cached(id: string, z: number, x: number, y: number): Buffer | null {
    return this.deps.caches.exists(id) ? this.deps.caches.get(id).get(z, x, y) : null;
  }

  async tile(id: string, z: number, x: number, y: number): Promise<Tile | TileMiss> {
    if (!isValidTile(z, x, y)) return { miss: `no tile ${z}/${x}/${y} in the Web Mercator grid`, status: 404 };
    const r = this.renderer(id);
    if (r) {
      if (z < r.minZoom || z > r.maxZoom)
        return { miss: `${id} is drawn from zoom ${r.minZoom} to ${r.maxZoom}`, status: 404 };
      const cache = this.deps.caches.get(id, { format: 'png', attribution: '© OpenStreetMap contributors (ODbL)' });
      let data = cache.get(z, x, y);
      if (data) return tileOf(data, 'cache');
      data = r.render(z, x, y);
      if (!data) return { miss: `${id} has nothing at ${z}/${x}/${y}`, status: 404 };
      cache.put(z, x, y, data);
      return tileOf(data, 'render');
    }
    const file = this.deps.files.get(id);
    if (file) {
      const data = file.get(z, x, y);
      return data ? tileOf(data, 'file') : { miss: `layer ${id} has no tile ${z}/${x}/${y}`, status: 404 };
    }
    const src = this.deps.sources.get(id);
    if (!src) {
      const data = this.cached(id, z, x, y);
      if (data) return tileOf(data, 'cache');
      return { miss: this.deps.caches.exists(id) ? `no tile ${z}/${x}/${y} in ${id}` : `no layer ${id}`, status: 404 };
    }
    const cache = this.deps.caches.get(id);
    const hit = cache.get(z, x, y);
    if (hit) return tileOf(hit, 'cache');
    if (z < src.minZoom || z > src.maxZoom)
      return { miss: `${id} has zoom ${src.minZoom} to ${src.maxZoom}`, status: 404 };
    if (this.deps.upstream.holding(id))
      return { miss: `${id} is unreachable and ${z}/${x}/${y} is not cached`, status: 503 };
    try {
      const data = await this.fetchInto(src, z, x, y);
      return tileOf(data, 'network');
    } catch (e) {
      if (e instanceof TileFetchError) {
        return { miss: `${id} ${z}/${x}/${y}: ${e.message}`, status: e.retryable ? 503 : 404 };
      }
      throw e;
    }
  }

  /**
   * Makes sure a tile of a web source or a drawn layer is in its cache (fetching or drawing it once)
   * and returns its bytes. Throws TileFetchError when it cannot.
   */
  async fill(id: string, z: number, x: number, y: number): Promise<Buffer> {
    const r = this.renderer(id);
    if (r) {
      const cache = this.deps.caches.get(id);
      const data = cache.get(z, x, y) ?? r.render(z, x, y);
      if (!data) throw new TileFetchError(`${id} has nothing at ${z}/${x}/${y}`, false);
      cache.put(z, x, y, data);
      return data;
    }
    const src = this.deps.sources.get(id);
    if (!src) throw new TileFetchError(`no web source ${id}`, false);
    return this.fetchInto(src, z, x, y);
  }

  /** Fetches a tile of a source into its cache (once, however many ask) and returns its bytes. */
  async fetchInto(src: MapSource, z: number, x: number, y: number): Promise<Buffer> {
    const cache = this.deps.caches.get(src.id);
    const { data } = await this.deps.upstream.get(src.id, `${z}/${x}/${y}`, tileUrl(src, z, x, y));
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    cache.put(z, x, y, buf);
    return buf;
  }
}

function tileOf(data: Buffer, from: Tile['from']): Tile {
  return { data, format: sniffTile(data), etag: etagOf(data), from };
}
