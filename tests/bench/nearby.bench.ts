// Nearby cameras over 100,000 synthetic cameras: R*Tree + refine vs a linear scan of the same table.
import path from 'node:path';
import { haversineM } from '../../electron/common/geo';
import { createRng } from '../../electron/common/prng';
import { CameraRepo } from '../../electron/node/cameras/repo';
import { openStore } from '../../native/sqlite/open';
import { tmpDir } from '../helpers/tmp';
import { line, percentile } from './stats';

export function benchNearby(cameraCount = 100_000, queries = 300, radiusM = 500) {
  const db = openStore(path.join(tmpDir(), 'nearby.sqlite'));
  db.exec("INSERT INTO towns VALUES ('t','镇','T','town',1,106.4,29.6,'estimate','bench')");
  const rng = createRng(2024);
  const ins = db.prepare(
    `INSERT INTO cameras (id, name, kind, mount, status, town_code, lon, lat, main_stream_url, sub_stream_url)
     VALUES (?, ?, 'public-safety', 'fixed', 'online', 't', ?, ?, '', '')`,
  );
  const tree = db.prepare('INSERT INTO cameras_rtree VALUES (?,?,?,?,?)');
  db.transaction(() => {
    for (let i = 0; i < cameraCount; i++) {
      const lon = 106.25 + rng.next() * 0.25;
      const lat = 29.49 + rng.next() * 0.26;
      const rid = ins.run(`B${i}`, `cam ${i}`, lon, lat).lastInsertRowid;
      tree.run(rid, lon, lon, lat, lat);
    }
  })();
  const repo = new CameraRepo(db);
  const scanStmt = db.prepare('SELECT id, lon, lat FROM cameras');
  const scan = (lon: number, lat: number) => {
    const out: { id: string; d: number }[] = [];
    for (const r of scanStmt.all() as { id: string; lon: number; lat: number }[]) {
      const d = haversineM(lon, lat, r.lon, r.lat);
      if (d <= radiusM) out.push({ id: r.id, d });
    }
    return out.sort((a, b) => a.d - b.d);
  };
  const points = Array.from(
    { length: queries },
    () => [106.27 + rng.next() * 0.21, 29.51 + rng.next() * 0.22] as const,
  );
  // warm up both paths, and check they agree before timing anything
  for (const [lon, lat] of points.slice(0, 5)) {
    const a = repo
      .nearby(lon, lat, radiusM, 100_000)
      .map((c) => c.id)
      .sort();
    const b = scan(lon, lat)
      .map((c) => c.id)
      .sort();
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('nearby: R*Tree and scan disagree');
  }
  const tree_ms: number[] = [];
  const scan_ms: number[] = [];
  for (const [lon, lat] of points) {
    let t = performance.now();
    repo.nearby(lon, lat, radiusM, 100_000);
    tree_ms.push(performance.now() - t);
    t = performance.now();
    scan(lon, lat);
    scan_ms.push(performance.now() - t);
  }
  db.close();
  const p99 = percentile(tree_ms, 99);
  const base = percentile(scan_ms, 99);
  return line('nearby.p99', p99, base, 'ms', {
    target: 'ratio <= 0.02 (R*Tree at least 50x faster than the scan)',
    note: `${cameraCount} cameras, ${queries} queries, radius ${radiusM} m; speedup ${(base / p99).toFixed(1)}x`,
  });
}
