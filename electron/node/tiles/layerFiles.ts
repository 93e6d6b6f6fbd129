// MBTiles files an officer drops into <data>/maps (or imports from a window): each is a layer named by
// its file. The folder is read again when asked (listing, or a tile for an unknown layer, at most once a
// second), so a file copied in while the console runs appears without a restart. A file that is not
// MBTiles is reported by name and skipped; nothing in the folder is ever changed.
import fs from 'node:fs';
import path from 'node:path';
import { layerIdOfFile } from '../../common/tiles/layers';
import { MBTiles, MBTilesError, type SqliteOptions } from './mbtiles';

interface Entry {
  id: string;
  file: string;
  stamp: string;
  tiles: MBTiles;
}

export class LayerFiles {
  private entries = new Map<string, Entry>();
  private lastScan = 0;
  /** files refused at the last scan, with the reason */
  readonly refused = new Map<string, string>();

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void,
    private readonly clock: () => number = Date.now,
    private readonly sqlite: SqliteOptions = {},
  ) {}

  /** Reads the folder again (unless it was read within minIntervalMs). */
  scan(minIntervalMs = 0): void {
    const t = this.clock();
    if (minIntervalMs > 0 && t - this.lastScan < minIntervalMs) return;
    this.lastScan = t;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => n.toLowerCase().endsWith('.mbtiles'));
    } catch {
      names = []; // no maps folder yet
    }
    const seen = new Set<string>();
    for (const name of names.sort()) {
      const file = path.join(this.dir, name);
      let stamp: string;
      try {
        const st = fs.statSync(file);
        if (!st.isFile()) continue;
        stamp = `${st.size}:${st.mtimeMs}`;
      } catch {
        continue;
      }
      let id = layerIdOfFile(name);
      // two files naming the same id: the second gets a suffix (kept stable by sorted order)
      for (let k = 2; seen.has(id); k++) id = `${layerIdOfFile(name)}-${k}`;
      seen.add(id);
      const old = this.entries.get(id);
      if (old && old.file === file && old.stamp === stamp) continue;
      old?.tiles.close();
      this.entries.delete(id);
      try {
        const tiles = MBTiles.open(file, this.sqlite);
        void tiles.meta; // read (and check) the metadata now
        this.entries.set(id, { id, file, stamp, tiles });
        this.refused.delete(name);
        this.log(`[maps] layer ${id} from ${name}`);
      } catch (e) {
        const why = e instanceof MBTilesError ? e.message : `${name}: ${(e as Error).message}`;
        if (this.refused.get(name) !== why) this.log(`[maps] skipped ${why}`);
        this.refused.set(name, why);
      }
    }
    for (const [id, e] of this.entries) {
      if (!seen.has(id)) {
        e.tiles.close();
        this.entries.delete(id);
      }
    }
    for (const name of [...this.refused.keys()]) if (!names.includes(name)) this.refused.delete(name);
  }

  get(id: string): MBTiles | null {
    const hit = this.entries.get(id);
    if (hit) return hit.tiles;
    this.scan(1_000);
    return this.entries.get(id)?.tiles ?? null;
  }

  list(): { id: string; file: string; tiles: MBTiles }[] {
    return [...this.entries.values()].map((e) => ({ id: e.id, file: path.basename(e.file), tiles: e.tiles }));
  }

  close(): void {
    for (const e of this.entries.values()) e.tiles.close();
    this.entries.clear();
  }
}
