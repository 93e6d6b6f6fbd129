// 0009: offline maps and field packages.
// - map_sources: tiled web sources an officer added (XYZ templates, WMTS, Tianditu presets); the
//   tiles themselves are cached in one MBTiles file per source under <data>/maps/cache/.
// - map_downloads (+ one row per zoom level): region downloads, with their progress kept here so a
//   download survives a restart; a tile is never fetched twice because the cache is checked first.
// - field_packages: packages this console exported or imported (manifest, file, what was applied),
//   and for an imported package the console sequence at import, so the laptop's own journal since
//   then can be returned.
import type { Database } from 'better-sqlite3';

export const name = '0009-maps';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE map_sources (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('xyz', 'wmts')),
      config_json TEXT NOT NULL CHECK (json_valid(config_json)),
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
    );
    CREATE TABLE map_downloads (
      id TEXT PRIMARY KEY, source_id TEXT NOT NULL,
      spec_json TEXT NOT NULL CHECK (json_valid(spec_json)),
      state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'done', 'failed', 'cancelled')),
      tiles_total INTEGER NOT NULL CHECK (tiles_total >= 0), bytes_estimate INTEGER NOT NULL,
      tiles_done INTEGER NOT NULL DEFAULT 0, tiles_failed INTEGER NOT NULL DEFAULT 0,
      bytes INTEGER NOT NULL DEFAULT 0, error TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER
    );
    CREATE INDEX map_downloads_state ON map_downloads(state);
    CREATE TABLE map_download_levels (
      download_id TEXT NOT NULL REFERENCES map_downloads(id) ON DELETE CASCADE,
      z INTEGER NOT NULL CHECK (z BETWEEN 0 AND 24), tiles_total INTEGER NOT NULL,
      tiles_done INTEGER NOT NULL DEFAULT 0, tiles_failed INTEGER NOT NULL DEFAULT 0,
      bytes INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (download_id, z)
    ) WITHOUT ROWID;
    CREATE TABLE field_packages (
      id TEXT PRIMARY KEY,
      direction TEXT NOT NULL CHECK (direction IN ('exported', 'imported')),
      kind TEXT NOT NULL CHECK (kind IN ('area', 'return')),
      manifest_json TEXT NOT NULL CHECK (json_valid(manifest_json)),
      file TEXT, bytes INTEGER NOT NULL CHECK (bytes >= 0),
      report_json TEXT CHECK (report_json IS NULL OR json_valid(report_json)),
      local_seq INTEGER NOT NULL DEFAULT 0,
      at INTEGER NOT NULL
    );
    CREATE INDEX field_packages_at ON field_packages(direction, at);
  `);
}
