// Down-sampling in memory before SQLite: each sensor has one open 5-minute and one open hourly bucket;
// readings fold into them (count, min, max, sum, last) and a flush writes what accumulated since the last
// flush, merged on conflict in SQL. A reading for an older bucket (late) is written as its own small
// bucket and merged the same way; nothing is dropped.
import type { BucketRow } from './repo';

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
}

export class BucketSet {
  private readonly open: (Open | undefined)[] = [];
  private readonly closed: BucketRow[] = [];
  private readonly dirty = new Set<number>();

  constructor(private readonly width: number) {}

  /** rows waiting for the next flush (closed buckets, plus one open partial per dirty sensor) */
  get pending(): number {
    return this.closed.length + this.dirty.size;
  }

  add(rid: number, ts: number, v: number): void {
    const t = ts - (ts % this.width);
    let b = this.open[rid];
    if (!b) b = this.open[rid] = new Open();
    if (b.t === t || b.n === 0) {
      if (b.n === 0) {
        b.t = t;
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
      return;
    }
    if (t < b.t) {
      // late: its own one-reading bucket, merged on conflict
      this.closed.push({ rid, t, n: 1, min: v, max: v, sum: v, last: v, lastTs: ts });
      return;
    }
    // the sensor moved on to a new bucket: hand the open one over and start again
    this.closed.push(this.rowOf(rid, b));
    b.n = 0;
    this.add(rid, ts, v);
  }

  private rowOf(rid: number, b: Open): BucketRow {
    return { rid, t: b.t, n: b.n, min: b.min, max: b.max, sum: b.sum, last: b.last, lastTs: b.lastTs };
  }

  /** Everything accumulated since the last take; open buckets stay open (their next partial merges). */
  take(): BucketRow[] {
    const out = this.closed.splice(0);
    for (const rid of this.dirty) {
      const b = this.open[rid]!;
      if (b.n > 0) out.push(this.rowOf(rid, b));
      b.n = 0;
    }
    this.dirty.clear();
    return out;
  }
}
