// Readings kept down-sampled in SQLite: 5-minute buckets written as sensors move on from them (one row a
// bucket, merged on conflict only where part of it may be stored already), rolled up into hourly buckets
// by a background job once an hour is complete (a slice of sensors at a time, idempotent), and pruned
// (5-minute after 48 h, hourly after 14 days). Hourly reads take the rolled hours from the hourly table
// and the hours not rolled yet straight from the 5-minute buckets, so a chart never has a gap.
import type { Db } from '../../../native/sqlite/open';
import type { SeriesPoint } from '../../common/sensors/types';

export interface BucketRow {
  rid: number;
  t: number;
  n: number;
  min: number;
  max: number;
  sum: number;
  last: number;
  lastTs: number;
  /** no part of this bucket can be stored yet: a plain INSERT (no merge needed) */
  fresh?: boolean;
}

const H = 3_600_000;
/** an hour is rolled up once it is this long over (late readings have arrived by then) */
export const ROLLUP_GRACE_MS = 10 * 60_000;
export const ROLLUP_SLICE = 5_000;
const COLS = '(rid, t, n, min, max, sum, last, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const MERGE = `ON CONFLICT (rid, t) DO UPDATE SET n = n + excluded.n, min = min(min, excluded.min), max = max(max, excluded.max),
     sum = sum + excluded.sum, last = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last ELSE last END,
     last_ts = max(last_ts, excluded.last_ts)`;

export class SeriesStore {
  private readonly sql;
  /** hours before this are rolled up for every sensor */
  private watermark: number;
  /** the hour being rolled up now, and the first rid not yet done */
  private rolling: { hour: number; nextRid: number } | null = null;

  constructor(private readonly db: Db) {
    this.sql = {
      in5: db.prepare(`INSERT INTO sensor_series_5m ${COLS}`),
      up5: db.prepare(`INSERT INTO sensor_series_5m ${COLS} ${MERGE}`),
      up1h: db.prepare(`INSERT INTO sensor_series_1h ${COLS} ${MERGE}`),
      // SQLite takes `last` from the row with max(last_ts) when max() is the only aggregate over it
      rollup: db.prepare(
        `INSERT INTO sensor_series_1h (rid, t, n, min, max, sum, last, last_ts)
         SELECT rid, ?, sum(n), min(min), max(max), sum(sum), last, max(last_ts) FROM sensor_series_5m
         WHERE rid >= ? AND rid < ? AND t >= ? AND t < ? GROUP BY rid
         ON CONFLICT (rid, t) DO UPDATE SET n = excluded.n, min = excluded.min, max = excluded.max, sum = excluded.sum,
           last = excluded.last, last_ts = excluded.last_ts`,
      ),
    };
    // a rollup cut short by a restart is done again from its hour (rolling up is idempotent)
    this.watermark = (db.prepare('SELECT max(t) FROM sensor_series_1h').pluck().get() as number | null) ?? -Infinity;
  }

  private rolled(rid: number, t: number): boolean {
    const hour = t - (t % H);
    if (hour < this.watermark) return true;
    return this.rolling !== null && hour === this.rolling.hour && rid < this.rolling.nextRid;
  }

  /** Writes 5-minute buckets (call inside a transaction); a bucket in an hour already rolled up merges there too. */
  write(rows: readonly BucketRow[]): void {
    const { in5, up5, up1h } = this.sql;
    for (const b of rows) {
      (b.fresh ? in5 : up5).run(b.rid, b.t, b.n, b.min, b.max, b.sum, b.last, b.lastTs);
      if (this.rolled(b.rid, b.t)) up1h.run(b.rid, b.t - (b.t % H), b.n, b.min, b.max, b.sum, b.last, b.lastTs);
    }
  }

  /**
   * One step of the hourly rollup at `now`: a slice of sensors of the oldest complete hour not rolled up.
   * Returns whether there was work.
   */
  rollupStep(now: number, maxRid: number): boolean {
    const complete = now - ROLLUP_GRACE_MS - ((now - ROLLUP_GRACE_MS) % H) - H; // the last complete hour
    if (!this.rolling) {
      let hour = this.watermark;
      if (hour === -Infinity) {
        const first = this.db.prepare('SELECT min(t) FROM sensor_series_5m').pluck().get() as number | null;
        if (first === null) return false;
        hour = first - (first % H);
      }
      if (hour > complete) return false;
      this.rolling = { hour, nextRid: 0 };
    }
    const r = this.rolling;
    this.sql.rollup.run(r.hour, r.nextRid, r.nextRid + ROLLUP_SLICE, r.hour, r.hour + H);
    r.nextRid += ROLLUP_SLICE;
    if (r.nextRid > maxRid) {
      this.watermark = r.hour + H;
      this.rolling = null;
    }
    return true;
  }

  get rolledUntil(): number {
    return this.watermark;
  }

  series5m(rid: number, from: number, to: number): SeriesPoint[] {
    const rows = this.db
      .prepare('SELECT t, n, min, max, sum, last FROM sensor_series_5m WHERE rid = ? AND t >= ? AND t <= ? ORDER BY t')
      .raw()
      .all(rid, from, to) as number[][];
    return rows.map(point);
  }

  series1h(rid: number, from: number, to: number): SeriesPoint[] {
    const w = this.watermark === -Infinity ? -1 : this.watermark;
    const rolled = this.db
      .prepare(
        'SELECT t, n, min, max, sum, last FROM sensor_series_1h WHERE rid = ? AND t >= ? AND t <= ? AND t < ? ORDER BY t',
      )
      .raw()
      .all(rid, from, to, w) as number[][];
    const recent = this.db
      .prepare(
        `SELECT t - (t % ${H}) AS h, sum(n), min(min), max(max), sum(sum), last, max(last_ts) FROM sensor_series_5m
         WHERE rid = ? AND t >= ? AND t <= ? GROUP BY h ORDER BY h`,
      )
      .raw()
      .all(rid, Math.max(from - (from % H), w), to) as number[][];
    return [...rolled, ...recent].map(point);
  }

  /** Hourly means of several sensors together (the district's rainfall) from `from`. */
  hourlyMean(rids: readonly number[], from: number): { t: number; mean: number }[] {
    if (!rids.length) return [];
    const w = this.watermark === -Infinity ? -1 : this.watermark;
    const ids = JSON.stringify(rids);
    const rolled = this.db
      .prepare(
        `SELECT t, sum(sum) / sum(n) AS mean FROM sensor_series_1h
         WHERE t >= ? AND t < ? AND rid IN (SELECT value FROM json_each(?)) GROUP BY t`,
      )
      .all(from, w, ids) as { t: number; mean: number }[];
    const recent = this.db
      .prepare(
        `SELECT t - (t % ${H}) AS t, sum(sum) / sum(n) AS mean FROM sensor_series_5m
         WHERE t >= ? AND rid IN (SELECT value FROM json_each(?)) GROUP BY 1`,
      )
      .all(Math.max(from, w), ids) as { t: number; mean: number }[];
    return [...rolled, ...recent].sort((a, b) => a.t - b.t);
  }

  /** each sensor's last reading as the buckets have it (a restart after a crash picks up from there) */
  latest(): Map<number, { ts: number; value: number }> {
    const rows = this.db
      .prepare('SELECT rid, max(last_ts) AS ts, last AS value FROM sensor_series_5m GROUP BY rid')
      .all() as { rid: number; ts: number; value: number }[];
    return new Map(rows.map((r) => [r.rid, { ts: r.ts, value: r.value }]));
  }

  /** Deletes buckets older than the cut-offs for a slice of sensors (the primary key leads with rid). */
  prune(rids: readonly number[], before5m: number, before1h: number): number {
    const d5 = this.db.prepare('DELETE FROM sensor_series_5m WHERE rid = ? AND t < ?');
    const d1 = this.db.prepare('DELETE FROM sensor_series_1h WHERE rid = ? AND t < ?');
    // never drop 5-minute buckets the rollup has not read yet
    const cut5 = Math.min(before5m, this.watermark === -Infinity ? -Infinity : this.watermark);
    let n = 0;
    this.db.transaction(() => {
      for (const rid of rids) n += d5.run(rid, cut5).changes + d1.run(rid, before1h).changes;
    })();
    return n;
  }
}

function point(r: number[]): SeriesPoint {
  const [t, n, min, max, sum, last] = r;
  return { t, n, min, max, mean: Math.round((sum / n) * 1e4) / 1e4, last };
}
