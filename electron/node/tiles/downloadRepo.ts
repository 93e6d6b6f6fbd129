// Region downloads in the store (migration 0009): the request as resolved, the state, and progress per
// zoom level, written as it goes so a restart picks up where it was.
import type { Db } from '../../../native/sqlite/open';
import { resolvedAreaSchema, type DownloadState, type LevelProgress } from '../../common/tiles/download';
import { z } from 'zod';

export const downloadSpecSchema = z.object({
  area: resolvedAreaSchema,
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
});
export type DownloadSpec = z.infer<typeof downloadSpecSchema>;

export interface DownloadRow {
  id: string;
  sourceId: string;
  spec: DownloadSpec;
  state: DownloadState;
  tilesTotal: number;
  bytesEstimate: number;
  tilesDone: number;
  tilesFailed: number;
  bytes: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  levels: LevelProgress[];
}

interface Raw {
  id: string;
  source_id: string;
  spec_json: string;
  state: DownloadState;
  tiles_total: number;
  bytes_estimate: number;
  tiles_done: number;
  tiles_failed: number;
  bytes: number;
  error: string | null;
  created_at: number;
  updated_at: number;
}

export class DownloadRepo {
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
      ins: db.prepare(
        `INSERT INTO map_downloads (id, source_id, spec_json, state, tiles_total, bytes_estimate, created_at, updated_at)
         VALUES (?, ?, ?, 'running', ?, ?, ?, ?)`,
      ),
      insLevel: db.prepare('INSERT INTO map_download_levels (download_id, z, tiles_total) VALUES (?, ?, ?)'),
      get: db.prepare('SELECT * FROM map_downloads WHERE id = ?'),
      list: db.prepare('SELECT * FROM map_downloads ORDER BY created_at DESC, id DESC LIMIT ?'),
      byState: db.prepare('SELECT id FROM map_downloads WHERE state = ? ORDER BY created_at, id').pluck(),
      levels: db.prepare(
        `SELECT z, tiles_total AS tilesTotal, tiles_done AS tilesDone, tiles_failed AS tilesFailed, bytes
         FROM map_download_levels WHERE download_id = ? ORDER BY z`,
      ),
      state: db.prepare('UPDATE map_downloads SET state = ?, error = ?, updated_at = ?, finished_at = ? WHERE id = ?'),
      progress: db.prepare(
        'UPDATE map_downloads SET tiles_done = ?, tiles_failed = ?, bytes = ?, updated_at = ? WHERE id = ?',
      ),
      levelProgress: db.prepare(
        'UPDATE map_download_levels SET tiles_done = ?, tiles_failed = ?, bytes = ? WHERE download_id = ? AND z = ?',
      ),
    };
  }

  create(r: {
    id: string;
    sourceId: string;
    spec: DownloadSpec;
    levels: { z: number; tiles: number }[];
    bytesEstimate: number;
    at: number;
  }) {
    const total = r.levels.reduce((n, l) => n + l.tiles, 0);
    this.db.transaction(() => {
      this.sql.ins.run(r.id, r.sourceId, JSON.stringify(r.spec), total, r.bytesEstimate, r.at, r.at);
      for (const l of r.levels) this.sql.insLevel.run(r.id, l.z, l.tiles);
    })();
  }

  get(id: string): DownloadRow | null {
    const r = this.sql.get.get(id) as Raw | undefined;
    return r ? this.row(r) : null;
  }

  list(limit = 50): DownloadRow[] {
    return (this.sql.list.all(limit) as Raw[]).map((r) => this.row(r));
  }

  idsIn(state: DownloadState): string[] {
    return this.sql.byState.all(state) as string[];
  }

  setState(id: string, state: DownloadState, at: number, error: string | null = null): void {
    const finished = state === 'done' || state === 'failed' || state === 'cancelled' ? at : null;
    this.sql.state.run(state, error, at, finished, id);
  }

  saveProgress(id: string, levels: LevelProgress[], at: number): void {
    const sum = (k: 'tilesDone' | 'tilesFailed' | 'bytes') => levels.reduce((n, l) => n + l[k], 0);
    this.db.transaction(() => {
      this.sql.progress.run(sum('tilesDone'), sum('tilesFailed'), sum('bytes'), at, id);
      for (const l of levels) this.sql.levelProgress.run(l.tilesDone, l.tilesFailed, l.bytes, id, l.z);
    })();
  }

  private row(r: Raw): DownloadRow {
    return {
      id: r.id,
      sourceId: r.source_id,
      spec: downloadSpecSchema.parse(JSON.parse(r.spec_json)),
      state: r.state,
      tilesTotal: r.tiles_total,
      bytesEstimate: r.bytes_estimate,
      tilesDone: r.tiles_done,
      tilesFailed: r.tiles_failed,
      bytes: r.bytes,
      error: r.error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      levels: this.sql.levels.all(r.id) as LevelProgress[],
    };
  }
}
