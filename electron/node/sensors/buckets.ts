// Down-sampling in memory before SQLite: each sensor has one open 5-minute and one open hourly bucket;
// readings fold into them (count, min, max, sum, last). A bucket is written when the sensor moves on to the
// next one, and what open buckets hold is written now and then (and whenever a chart asks), merged on
// conflict in SQL. A reading for an older bucket (late) is written as its own small
// bucket and merged the same way; nothing is dropped.
import type { BucketRow } from './series';

export const BUCKET_5M = 300_000;
export const BUCKET_1H = 3_600_000;

class Open {
  t = -1;
  n = 0;
  min = 0;
  max = 0;
  sum = 0;
  last = 0;
  lastTs = 0;
  /** part of this bucket may be in SQLite already (written open, or from before a restart): merge it */
  stored = true;
}

export class BucketSet {
  private readonly open: (Open | undefined)[] = [];
  private readonly closed: BucketRow[] = [];
  private readonly dirty = new Set<number>();

  constructor(private readonly width: number) {}

  /** closed buckets waiting for the next flush (the open ones are bounded by the number of sensors) */
  get pending(): number {
    return this.closed.length;
  }

  add(rid: number, ts: number, v: number): void {
    const t = ts - (ts % this.width);
    let b = this.open[rid];
    if (!b) b = this.open[rid] = new Open();
    if (t < b.t) {
      // late: its own one-reading bucket, merged on conflict
      this.closed.push({ rid, t, n: 1, min: v, max: v, sum: v, last: v, lastTs: ts, fresh: false });
      return;
    }
    if (t > b.t) {
      // the sensor moved on: hand the open bucket over (the first one seen since start may exist already)
      if (b.n > 0) this.closed.push(this.rowOf(rid, b));
      b.stored = b.t === -1;
      b.t = t;
      b.n = 0;
    }
    if (b.n === 0) {
      b.min = b.max = v;
      b.sum = 0;
      b.lastTs = -Infinity;
    }
    b.n++;
    if (v < b.min) b.min = v;
    if (v > b.max) b.max = v;
    b.sum += v;
    if (ts >= b.lastTs) {
      b.last = v;
      b.lastTs = ts;
    }
    this.dirty.add(rid);
  }

  private rowOf(rid: number, b: Open): BucketRow {
    return {
      rid,
      t: b.t,
      n: b.n,
      min: b.min,
      max: b.max,
      sum: b.sum,
      last: b.last,
      lastTs: b.lastTs,
      fresh: !b.stored,
    };
  }

  /**
   * The closed buckets, and with `open` also what the open ones accumulated since the last such take (they
   * stay open; their next partial merges in SQL).
   */
  take(open = true): BucketRow[] {
    const out = this.closed.splice(0);
    if (!open) return out;
    for (const rid of this.dirty) {
      const b = this.open[rid]!;
      if (b.n > 0) {
        out.push(this.rowOf(rid, b));
        b.stored = true;
      }
      b.n = 0;
    }
    this.dirty.clear();
    return out;
  }
}
