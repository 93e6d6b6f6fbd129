// Down-sampled readings in a real store: 5-minute buckets from the ingest path, hours rolled up a slice of
// sensors at a time once complete, hourly reads that join rolled and not-yet-rolled hours without a gap,
// late readings merged into an hour already rolled, and pruning that never drops what is not rolled up.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUCKET_5M, BucketSet } from '../../../../electron/node/sensors/buckets';
import { ROLLUP_GRACE_MS, SeriesStore } from '../../../../electron/node/sensors/series';
import { migrate } from '../../../../native/sqlite/open';

const H = 3_600_000;
const T0 = Date.UTC(2026, 4, 14, 0); // an hour boundary
let db: Database.Database;
let store: SeriesStore;
let buckets: BucketSet;

/** one reading a minute for `minutes`, value = minute index, for sensors 1 and 2 */
function feed(from: number, minutes: number) {
  for (let m = 0; m < minutes; m++) for (const rid of [1, 2]) buckets.add(rid, from + m * 60_000, m + rid * 1_000);
  db.transaction(() => store.write(buckets.take(true)))();
}

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  store = new SeriesStore(db);
  buckets = new BucketSet(BUCKET_5M);
});

describe('the series store', () => {
  it('keeps 5-minute buckets with count, min, max, mean and last, open partials merged', () => {
    feed(T0, 7);
    feed(T0 + 7 * 60_000, 3); // the open bucket at 05:00 was written partly; its rest merges
    const s = store.series5m(1, T0, T0 + H);
    expect(s.map((p) => [p.t - T0, p.n, p.min, p.max, p.last])).toEqual([
      [0, 5, 1000, 1004, 1004],
      [5 * 60_000, 5, 1000, 1006, 1002],
    ]);
    expect(s[0].mean).toBe(1002);
  });

  it('rolls a complete hour up a slice at a time, reads hours before and after the watermark as one series', () => {
    feed(T0, 120); // two hours
    expect(store.rollupStep(T0 + H + ROLLUP_GRACE_MS - 1, 2)).toBe(false); // the first hour is not over + grace
    const before = store.series1h(1, T0, T0 + 2 * H);
    expect(before.map((p) => [p.t - T0, p.n])).toEqual([
      [0, 60],
      [H, 60],
    ]);
    expect(store.rollupStep(T0 + H + ROLLUP_GRACE_MS, 2)).toBe(true);
    expect(store.rolledUntil).toBe(T0 + H);
    expect(db.prepare('SELECT count(*) FROM sensor_series_1h').pluck().get()).toBe(2);
    const after = store.series1h(1, T0, T0 + 2 * H);
    expect(after).toEqual(before); // the same answer, half of it from the hourly table now
    expect(after[0]).toMatchObject({ min: 1000, max: 1059, last: 1059, mean: 1029.5 });
    // a late reading for the rolled hour merges into it
    buckets.add(1, T0 + 30 * 60_000, 5_000);
    db.transaction(() => store.write(buckets.take(true)))();
    expect(store.series1h(1, T0, T0 + H - 1)[0]).toMatchObject({ n: 61, max: 5_000 });
  });

  it('reads the district rainfall as hourly means across sensors, rolled or not', () => {
    feed(T0, 120);
    store.rollupStep(T0 + 3 * H, 2);
    expect(store.hourlyMean([1, 2], T0).map((p) => [p.t - T0, p.mean])).toEqual([
      [0, 1529.5],
      [H, 1589.5],
    ]);
  });

  it('never prunes 5-minute buckets the rollup has not read; knows each sensor’s last reading', () => {
    feed(T0, 120);
    store.prune([1, 2], T0 + 10 * H, T0);
    expect(db.prepare('SELECT count(*) FROM sensor_series_5m').pluck().get()).toBe(48);
    store.rollupStep(T0 + 3 * H, 2);
    store.prune([1, 2], T0 + 10 * H, T0);
    expect(db.prepare('SELECT count(*) FROM sensor_series_5m').pluck().get()).toBe(24); // the second hour remains
    expect(store.latest().get(2)).toEqual({ ts: T0 + 119 * 60_000, value: 2_119 });
  });
});
