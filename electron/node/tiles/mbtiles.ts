// One MBTiles file (https://github.com/mapbox/mbtiles-spec): SQLite with `tiles(zoom_level, tile_column,
// tile_row, tile_data)` (a table, or a view over map/images as GDAL writes it) and `metadata(name,
// value)`. Rows are TMS (counted from the south); everything outside this file speaks XYZ. Read-only for
// files an officer dropped in; read-write for the console's own caches and package contents.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseFormat, sniffTile, type TileFormat } from '../../common/tiles/format';
import { flipY, isValidBBox, type BBoxArr } from '../../common/tiles/mercator';

export interface MBTilesMeta {
  name: string;
  format: TileFormat | null;
  bounds: BBoxArr | null;
  minZoom: number | null;
  maxZoom: number | null;
  attribution: string;
  description: string;
  /** baselayer or overlay, as the spec's `type` */
  type: 'baselayer' | 'overlay';
  /** our own key: the datum tiles are drawn in (absent: WGS-84 Web Mercator) */
  datum: 'wgs84' | 'gcj02';
  raw: Record<string, string>;
}

export class MBTilesError extends Error {}

/** better-sqlite3 built for Electron's ABI, when running inside Electron */
export interface SqliteOptions {
  nativeBinding?: string;
}
const binding = (o: SqliteOptions) => (o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});

const num = (v: string | undefined) =>
  v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;

export class MBTiles {
  private readonly getStmt;
  private readonly hasStmt;
  private putStmt: Database.Statement | null = null;
  private sizeStmt: Database.Statement | null = null;
  private spanStmt: Database.Statement | null = null;
  private metaCache: MBTilesMeta | null = null;

  private constructor(
    readonly file: string,
    readonly db: Database.Database,
    readonly writable: boolean,
  ) {
    this.getStmt = db
      .prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
      .pluck();
    this.hasStmt = db.prepare('SELECT 1 FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
  }

  /** A file someone else made: opened read-only; refused with a reason when it is not MBTiles. */
  static open(file: string, opts: SqliteOptions = {}): MBTiles {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, ...binding(opts) });
    } catch (e) {
      throw new MBTilesError(`${path.basename(file)}: cannot open as SQLite (${(e as Error).message})`);
    }
    try {
      const names = new Set(
        (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").pluck().all() as string[]).map(
          (n) => n.toLowerCase(),
        ),
      );
      if (!names.has('tiles') || !names.has('metadata'))
        throw new MBTilesError(`${path.basename(file)}: not MBTiles (no tiles and metadata tables)`);
      return new MBTiles(file, db, false);
    } catch (e) {
      db.close();
      if (e instanceof MBTilesError) throw e;
      throw new MBTilesError(`${path.basename(file)}: ${(e as Error).message}`);
    }
  }

  /** The console's own file (a source's cache, a package's tiles): created when missing. */
  static openWritable(file: string, initial: Record<string, string> = {}, opts: SqliteOptions = {}): MBTiles {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, binding(opts));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // a cache: a tile lost in a power cut is fetched again
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE IF NOT EXISTS tiles (
        zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL,
        PRIMARY KEY (zoom_level, tile_column, tile_row)
      ) WITHOUT ROWID;`);
    const ins = db.prepare('INSERT OR IGNORE INTO metadata (name, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(initial)) ins.run(k, v);
    return new MBTiles(file, db, true);
  }

  get meta(): MBTilesMeta {
    if (this.metaCache) return this.metaCache;
    const raw = Object.fromEntries(
      (this.db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [
        r.name,
        String(r.value ?? ''),
      ]),
    );
    const b = (raw.bounds ?? '').split(',').map(Number);
    let format = normaliseFormat(raw.format);
    if (!format) {
      const first = this.db.prepare('SELECT tile_data FROM tiles LIMIT 1').pluck().get() as Buffer | undefined;
      format = first ? sniffTile(first) : null;
    }
    const zooms = this.db.prepare('SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles').get() as {
      lo: number | null;
      hi: number | null;
    };
    this.metaCache = {
      name: raw.name || path.basename(this.file, '.mbtiles'),
      format,
      bounds: isValidBBox(b) ? (b as BBoxArr) : null,
      minZoom: num(raw.minzoom) ?? zooms.lo,
      maxZoom: num(raw.maxzoom) ?? zooms.hi,
      attribution: raw.attribution ?? '',
      description: raw.description ?? '',
      type: raw.type === 'overlay' ? 'overlay' : 'baselayer',
      datum: raw['lianqin:datum'] === 'gcj02' ? 'gcj02' : 'wgs84',
      raw,
    };
    return this.metaCache;
  }

  /** Tile (z, x, y) in XYZ numbering, or null. */
  get(z: number, x: number, y: number): Buffer | null {
    return (this.getStmt.get(z, x, flipY(z, y)) as Buffer | undefined) ?? null;
  }

  has(z: number, x: number, y: number): boolean {
    return this.hasStmt.get(z, x, flipY(z, y)) !== undefined;
  }

  /** Bytes of tile (z, x, y), or null when absent. */
  sizeOf(z: number, x: number, y: number): number | null {
    this.sizeStmt ??= this.db
      .prepare('SELECT LENGTH(tile_data) FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
      .pluck();
    return (this.sizeStmt.get(z, x, flipY(z, y)) as number | undefined) ?? null;
  }

  /** How many tiles of row y, columns x0..x1, are here, and their bytes. */
  countSpan(z: number, y: number, x0: number, x1: number): { tiles: number; bytes: number } {
    this.spanStmt ??= this.db.prepare(
      `SELECT COUNT(*) AS tiles, COALESCE(SUM(LENGTH(tile_data)), 0) AS bytes FROM tiles
       WHERE zoom_level = ? AND tile_row = ? AND tile_column BETWEEN ? AND ?`,
    );
    return this.spanStmt.get(z, flipY(z, y), x0, x1) as { tiles: number; bytes: number };
  }

  put(z: number, x: number, y: number, data: Uint8Array): void {
    if (!this.writable) throw new MBTilesError(`${path.basename(this.file)} is read-only`);
    this.putStmt ??= this.db.prepare(
      'INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)',
    );
    this.putStmt.run(z, x, flipY(z, y), data);
  }

  setMeta(values: Record<string, string>): void {
    const up = this.db.prepare(
      'INSERT INTO metadata (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(values)) up.run(k, v);
    })();
    this.metaCache = null;
  }

  /** Runs fn in one transaction (many puts at once). */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  stats(): { tiles: number; bytes: number } {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(tile_data)), 0) AS b FROM tiles').get() as {
      n: number;
      b: number;
    };
    return { tiles: r.n, bytes: r.b };
  }

  /** Every tile in XYZ numbering (for copying into a package or merging one in). */
  *each(filter?: { z: number; x0: number; x1: number; y0: number; y1: number }): Generator<{
    z: number;
    x: number;
    y: number;
    data: Buffer;
  }> {
    const rows = filter
      ? this.db
          .prepare(
            `SELECT zoom_level AS z, tile_column AS x, tile_row AS r, tile_data AS data FROM tiles
             WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?`,
          )
          .iterate(filter.z, filter.x0, filter.x1, flipY(filter.z, filter.y1), flipY(filter.z, filter.y0))
      : this.db
          .prepare('SELECT zoom_level AS z, tile_column AS x, tile_row AS r, tile_data AS data FROM tiles')
          .iterate();
    for (const row of rows as Iterable<{ z: number; x: number; r: number; data: Buffer }>) {
      yield { z: row.z, x: row.x, y: flipY(row.z, row.r), data: row.data };
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
