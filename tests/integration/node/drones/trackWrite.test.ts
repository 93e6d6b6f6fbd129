// The track write goes in as multi-row INSERT statements (100s, 10s, 1s): it must store exactly what one
// INSERT OR IGNORE per fix stores — every value, nulls included, and the first fix of a second kept.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/common/prng';
import { DroneRepo, TRACK_CHUNKS, type TrackRow } from '../../../../electron/node/drones/repo';
import { migrate } from '../../../../native/sqlite/open';

const SELECT = 'SELECT * FROM drone_tracks ORDER BY aircraft_sn, t';

function freshDb() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

/** the reading of the write: one INSERT OR IGNORE per fix, in order */
function rowByRow(db: Database.Database, rows: readonly TrackRow[]): void {
  const ins = db.prepare(
    `INSERT OR IGNORE INTO drone_tracks (aircraft_sn, t, lon, lat, height_m, elevation_m, heading_deg, speed_mps, battery_pct)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows)
    ins.run(r.sn, r.t, r.lon, r.lat, r.heightM, r.elevationM, r.headingDeg, r.speedMps, r.batteryPct);
}

describe('track write in chunks', () => {
  it('stores every fix of batches around the chunk sizes, value for value', () => {
    expect(TRACK_CHUNKS[TRACK_CHUNKS.length - 1]).toBe(1);
    for (const n of [0, 1, 9, 10, 11, 99, 100, 101, 199, 257]) {
      const db = freshDb();
      const rows: TrackRow[] = Array.from({ length: n }, (_, i) => ({
        sn: `UAV-${i % 7}`,
        t: 1_000 * i,
        lon: 106 + i / 1e4,
        lat: 29 + i / 1e4,
        heightM: i % 3 ? 100 + i : null,
        elevationM: i % 4 ? 50 + i : null,
        headingDeg: i % 360,
        speedMps: i % 5 ? i / 10 : null,
        batteryPct: 100 - (i % 100),
      }));
      new DroneRepo(db).writeTracks(rows);
      const ref = freshDb();
      rowByRow(ref, rows);
      expect(db.prepare('SELECT count(*) AS n FROM drone_tracks').get(), `n=${n}`).toEqual({ n });
      expect(db.prepare(SELECT).all(), `n=${n}`).toEqual(ref.prepare(SELECT).all());
    }
  });

  it('property: random batches, with repeated seconds inside a batch and across batches, store as row by row', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 40; trial++) {
      const db = freshDb();
      const ref = freshDb();
      const repo = new DroneRepo(db);
      for (let b = 0; b < 3; b++) {
        const rows: TrackRow[] = Array.from({ length: rng.int(0, 260) }, () => ({
          sn: `UAV-${rng.int(0, 4)}`,
          t: 1_000 * rng.int(0, 80),
          lon: 106 + rng.next(),
          lat: 29 + rng.next(),
          heightM: rng.next() < 0.2 ? null : rng.next() * 500,
          elevationM: rng.next() < 0.2 ? null : rng.next() * 500,
          headingDeg: rng.next() < 0.2 ? null : rng.next() * 360,
          speedMps: rng.next() < 0.2 ? null : rng.next() * 20,
          batteryPct: rng.next() < 0.2 ? null : rng.int(0, 100),
        }));
        repo.writeTracks(rows);
        rowByRow(ref, rows);
      }
      expect(db.prepare(SELECT).all()).toEqual(ref.prepare(SELECT).all());
    }
  });

  it('a batch that cannot be stored is stored not at all (one transaction)', () => {
    const db = freshDb();
    const ok = (i: number): TrackRow => ({
      sn: 'UAV',
      t: i * 1_000,
      lon: 106,
      lat: 29,
      heightM: null,
      elevationM: null,
      headingDeg: null,
      speedMps: null,
      batteryPct: null,
    });
    const rows = Array.from({ length: 150 }, (_, i) => ok(i));
    // a value that cannot be bound (a Symbol), in the second chunk of 100: the first chunk is rolled back too
    (rows[120] as unknown as { t: unknown }).t = Symbol('bad');
    expect(() => new DroneRepo(db).writeTracks(rows)).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM drone_tracks').get()).toEqual({ n: 0 });
  });
});
