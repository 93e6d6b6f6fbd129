// Region downloads: every tile of an area at the chosen zooms, into the source's cache. Tiles are
// walked in one fixed order; one already cached counts as done and is never fetched again (after a
// pause, a restart, or a crash alike). A bounded number of fetches run at once across all downloads;
// a failed fetch is retried with growing back-off, then counted as failed. Progress per level goes to
// the store every half second, so GET answers from the store even for a download of another process.
import type { DownloadEstimate, DownloadStatus, LevelProgress } from '../../common/tiles/download';
import { RateMeter } from '../../common/tiles/download';
import { coverLevels, type LevelCover } from '../../common/tiles/cover';
import { areaInDatum } from '../../common/tiles/gcjTiles';
import { Emitter } from '../events';
import type { DownloadRepo, DownloadRow, DownloadSpec } from './downloadRepo';
import { TileFetchError } from './upstream';

export interface DownloadSource {
  id: string;
  datum: 'wgs84' | 'gcj02';
  minZoom: number;
  maxZoom: number;
}

export interface DownloaderDeps {
  repo: DownloadRepo;
  /** puts a tile in the source's cache (fetching or drawing it) and returns its bytes */
  fill: (sourceId: string, z: number, x: number, y: number) => Promise<Uint8Array>;
  /** bytes of a cached tile, null when not cached */
  cachedSize: (sourceId: string, z: number, x: number, y: number) => number | null;
  now: () => number;
  log: (line: string) => void;
  /** fetches at once across all downloads (default 6: what one browser opens to a host) */
  concurrency?: number;
  /** attempts per tile (default 4) and the first back-off (default 500 ms, doubling) */
  attempts?: number;
  backoffMs?: number;
  saveEveryMs?: number;
}

class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export function levelsOf(spec: DownloadSpec, src: Pick<DownloadSource, 'datum'>): LevelCover[] {
  const area = 'bbox' in spec.area ? { bbox: spec.area.bbox } : { ring: spec.area.ring };
  return coverLevels(areaInDatum(area, src.datum), spec.minZoom, spec.maxZoom);
}

interface Run {
  id: string;
  sourceId: string;
  stop: 'pause' | 'cancel' | 'shutdown' | null;
  levels: LevelProgress[];
  meter: RateMeter;
  done: Promise<void>;
  wake: Set<() => void>;
}

export class Downloads {
  private readonly changed = new Emitter<DownloadStatus>();
  readonly onDidChange = this.changed.event;
  private readonly runs = new Map<string, Run>();
  private readonly slots: Slots;
  private saver: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: DownloaderDeps) {
    this.slots = new Slots(deps.concurrency ?? 6);
  }

  estimate(src: DownloadSource, spec: DownloadSpec, label: string, avgBytes: number): DownloadEstimate {
    const levels = levelsOf(spec, src);
    let cached = 0;
    const total = levels.reduce((n, l) => n + l.count, 0);
    // counting what is cached means one look per tile: only for areas a look-up can afford
    if (total <= 200_000) {
      for (const l of levels)
        for (const r of l.rows)
          for (const [x0, x1] of r.spans)
            for (let x = x0; x <= x1; x++) if (this.deps.cachedSize(src.id, l.z, x, r.y) !== null) cached++;
    }
    return {
      source: src.id,
      area: label,
      tilesTotal: total,
      tilesCached: cached,
      bytesEstimate: Math.round((total - cached) * avgBytes),
      levels: levels.map((l) => ({ z: l.z, tiles: l.count })),
    };
  }

  create(id: string, src: DownloadSource, spec: DownloadSpec, bytesEstimate: number): DownloadStatus {
    const levels = levelsOf(spec, src);
    this.deps.repo.create({
      id,
      sourceId: src.id,
      spec,
      levels: levels.map((l) => ({ z: l.z, tiles: l.count })),
      bytesEstimate,
      at: this.deps.now(),
    });
    this.launch(id, src);
    return this.status(id)!;
  }

  status(id: string): DownloadStatus | null {
    const row = this.deps.repo.get(id);
    return row ? this.toStatus(row) : null;
  }

  list(): DownloadStatus[] {
    return this.deps.repo.list().map((r) => this.toStatus(r));
  }

  /** Stops fetching new tiles; those in flight finish. */
  async pause(id: string): Promise<DownloadStatus | null> {
    const row = this.deps.repo.get(id);
    if (!row) return null;
    if (row.state !== 'running') return this.toStatus(row);
    await this.halt(id, 'pause');
    this.deps.repo.setState(id, 'paused', this.deps.now());
    return this.emit(id);
  }

  resume(id: string, src: DownloadSource | null): DownloadStatus | null {
    const row = this.deps.repo.get(id);
    if (!row) return null;
    if (row.state !== 'paused' && row.state !== 'failed') return this.toStatus(row);
    if (!src) throw new Error(`the source ${row.sourceId} of this download no longer exists`);
    this.deps.repo.setState(id, 'running', this.deps.now());
    this.launch(id, src);
    return this.emit(id);
  }

  async cancel(id: string): Promise<DownloadStatus | null> {
    const row = this.deps.repo.get(id);
    if (!row) return null;
    if (row.state === 'done' || row.state === 'cancelled') return this.toStatus(row);
    await this.halt(id, 'cancel');
    this.deps.repo.setState(id, 'cancelled', this.deps.now());
    return this.emit(id);
  }

  /** After a restart: downloads that were running carry on. */
  resumeAll(sourceOf: (id: string) => DownloadSource | null): void {
    for (const id of this.deps.repo.idsIn('running')) {
      const row = this.deps.repo.get(id)!;
      const src = sourceOf(row.sourceId);
      if (!src) {
        this.deps.repo.setState(id, 'failed', this.deps.now(), `the source ${row.sourceId} no longer exists`);
        continue;
      }
      this.deps.log(`[maps] resuming download ${id} (${row.tilesDone}/${row.tilesTotal} tiles)`);
      this.launch(id, src);
    }
  }

  /** Stops every run without changing its state (it resumes at the next start). */
  async shutdown(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((id) => this.halt(id, 'shutdown')));
    if (this.saver) clearInterval(this.saver);
    this.saver = null;
  }

  private async halt(id: string, why: Run['stop'] & string): Promise<void> {
    const run = this.runs.get(id);
    if (!run) return;
    run.stop = why;
    for (const w of run.wake) w();
    await run.done;
  }

  private launch(id: string, src: DownloadSource): void {
    if (this.runs.has(id)) return;
    const row = this.deps.repo.get(id)!;
    const run: Run = {
      id,
      sourceId: src.id,
      stop: null,
      // counted afresh: cached tiles count as done as the walk passes them
      levels: row.levels.map((l) => ({ ...l, tilesDone: 0, tilesFailed: 0, bytes: 0 })),
      meter: new RateMeter(),
      done: Promise.resolve(),
      wake: new Set(),
    };
    this.runs.set(id, run);
    run.done = this.walk(run, row, src).then(
      () => this.finish(run),
      (e) => this.finish(run, e as Error),
    );
    this.saver ??= setInterval(() => this.saveAll(), this.deps.saveEveryMs ?? 500);
  }

  private async walk(run: Run, row: DownloadRow, src: DownloadSource): Promise<void> {
    const inflight = new Set<Promise<void>>();
    let looked = 0;
    for (const level of levelsOf(row.spec, src)) {
      const lp = run.levels.find((l) => l.z === level.z)!;
      for (const r of level.rows) {
        for (const [x0, x1] of r.spans) {
          for (let x = x0; x <= x1; x++) {
            if (run.stop) break;
            // a long stretch of cached tiles must not hold the event loop
            if (++looked % 2_000 === 0) await new Promise((r) => setImmediate(r));
            const size = this.deps.cachedSize(src.id, level.z, x, r.y);
            if (size !== null) {
              lp.tilesDone++;
              lp.bytes += size;
              continue;
            }
            await this.slots.acquire();
            if (run.stop) {
              this.slots.release();
              break;
            }
            const p = this.fetchTile(run, lp, level.z, x, r.y).finally(() => {
              this.slots.release();
              inflight.delete(p);
            });
            inflight.add(p);
          }
        }
      }
    }
    await Promise.all(inflight);
  }

  private async fetchTile(run: Run, lp: LevelProgress, z: number, x: number, y: number): Promise<void> {
    const attempts = this.deps.attempts ?? 4;
    for (let k = 0; ; k++) {
      try {
        const data = await this.deps.fill(run.sourceId, z, x, y);
        lp.tilesDone++;
        lp.bytes += data.byteLength;
        run.meter.add(this.deps.now(), this.doneOf(run));
        return;
      } catch (e) {
        const retry = !(e instanceof TileFetchError) || e.retryable;
        if (!retry || k + 1 >= attempts || run.stop) {
          if (!run.stop || !retry) lp.tilesFailed++;
          return;
        }
        await this.sleep(run, (this.deps.backoffMs ?? 500) * 2 ** k);
      }
    }
  }

  private sleep(run: Run, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        run.wake.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      run.wake.add(wake);
    });
  }

  private doneOf(run: Run): number {
    return run.levels.reduce((n, l) => n + l.tilesDone + l.tilesFailed, 0);
  }

  private finish(run: Run, error?: Error): void {
    this.runs.delete(run.id);
    const now = this.deps.now();
    if (run.stop !== 'cancel') this.deps.repo.saveProgress(run.id, run.levels, now);
    if (error) {
      this.deps.repo.setState(run.id, 'failed', now, error.message);
      this.deps.log(`[maps] download ${run.id} failed: ${error.message}`);
    } else if (!run.stop) {
      const done = run.levels.reduce((n, l) => n + l.tilesDone, 0);
      const failed = run.levels.reduce((n, l) => n + l.tilesFailed, 0);
      const state = done === 0 && failed > 0 ? 'failed' : 'done';
      this.deps.repo.setState(run.id, state, now, failed ? `${failed} tiles could not be fetched` : null);
    }
    if (!this.runs.size && this.saver) {
      clearInterval(this.saver);
      this.saver = null;
    }
    if (run.stop !== 'shutdown') this.emit(run.id);
  }

  private saveAll(): void {
    const now = this.deps.now();
    for (const run of this.runs.values()) {
      this.deps.repo.saveProgress(run.id, run.levels, now);
      run.meter.add(now, this.doneOf(run));
      this.emit(run.id);
    }
  }

  private emit(id: string): DownloadStatus | null {
    const s = this.status(id);
    if (s) this.changed.fire(s);
    return s;
  }

  private toStatus(row: DownloadRow): DownloadStatus {
    const run = this.runs.get(row.id);
    const levels = run ? run.levels.map((l) => ({ ...l })) : row.levels;
    const sum = (k: 'tilesDone' | 'tilesFailed' | 'bytes') => levels.reduce((n, l) => n + l[k], 0);
    const rate = run ? run.meter.rate() : 0;
    const left = row.tilesTotal - sum('tilesDone') - sum('tilesFailed');
    const a = row.spec.area;
    return {
      id: row.id,
      source: row.sourceId,
      area: a.label,
      minZoom: row.spec.minZoom,
      maxZoom: row.spec.maxZoom,
      state: row.state,
      tilesTotal: row.tilesTotal,
      tilesDone: sum('tilesDone'),
      tilesFailed: sum('tilesFailed'),
      bytes: sum('bytes'),
      bytesEstimate: row.bytesEstimate,
      levels,
      ratePerS: Math.round(rate * 10) / 10,
      etaS: run ? run.meter.etaS(left) : row.state === 'done' ? 0 : null,
      error: row.error,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
