// Risk points: packed columns for the map, R*Tree box queries, trigram full-text search.
import type { Db } from '../../../native/sqlite/open';
import type { LevelCounts, PackedRiskPoints, RiskPointSummary } from '../../common/dto';
import { RISK_LEVELS, levelIndex, type RiskLevel } from '../../common/levels';
import type { RiskQuery } from '../../common/contract';

interface Row {
  id: number;
  name: string;
  category_id: number;
  level: RiskLevel;
  town_code: string;
  address: string;
  lon: number;
  lat: number;
}

export function toSummary(r: Row): RiskPointSummary {
  return {
    id: r.id,
    name: r.name,
    categoryId: r.category_id,
    level: r.level,
    townCode: r.town_code,
    address: r.address,
    lon: r.lon,
    lat: r.lat,
  };
}

export class RiskPointRepo {
  constructor(private readonly db: Db) {}

  packed(): PackedRiskPoints {
    const rows = this.db
      .prepare('SELECT id, lon, lat, level, category_id FROM risk_points ORDER BY id')
      .raw()
      .all() as [number, number, number, RiskLevel, number][];
    const n = rows.length;
    const id = new Uint32Array(n),
      lon = new Float64Array(n),
      lat = new Float64Array(n),
      level = new Uint8Array(n),
      category = new Uint16Array(n);
    rows.forEach((r, i) => {
      id[i] = r[0];
      lon[i] = r[1];
      lat[i] = r[2];
      level[i] = levelIndex(r[3]);
      category[i] = r[4];
    });
    return { count: n, id, lon, lat, level, category };
  }

  levelCounts(): LevelCounts {
    const out = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as LevelCounts;
    for (const r of this.db.prepare('SELECT level, COUNT(*) AS n FROM risk_points GROUP BY level').all() as {
      level: RiskLevel;
      n: number;
    }[])
      out[r.level] = r.n;
    return out;
  }

  get(id: number): (RiskPointSummary & { sensorIds: string[]; planId: string }) | null {
    const r = this.db.prepare('SELECT * FROM risk_points WHERE id = ?').get(id) as
      (Row & { sensor_ids_json: string; plan_id: string }) | undefined;
    return r ? { ...toSummary(r), sensorIds: JSON.parse(r.sensor_ids_json), planId: r.plan_id } : null;
  }

  /** Points inside a box (R*Tree), optionally of one level and/or category, in id order. */
  query(q: RiskQuery): RiskPointSummary[] {
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    // The R*Tree holds 32-bit floats rounded outward: use it to prefilter by overlap, then the exact columns.
    const where = [
      't.max_lon >= ?',
      't.min_lon <= ?',
      't.max_lat >= ?',
      't.min_lat <= ?',
      'p.lon BETWEEN ? AND ?',
      'p.lat BETWEEN ? AND ?',
    ];
    const args: (number | string)[] = [minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat];
    if (q.level) {
      where.push('p.level = ?');
      args.push(q.level);
    }
    if (q.categoryId) {
      where.push('p.category_id = ?');
      args.push(q.categoryId);
    }
    args.push(q.limit ?? 50_000);
    const sql = `SELECT p.* FROM risk_points_rtree t JOIN risk_points p ON p.id = t.id WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ?`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(toSummary);
  }

  /**
   * Substring search over names and addresses. Three or more characters use the trigram index;
   * shorter queries (two-character Chinese names are common) fall back to LIKE on the same table.
   */
  search(text: string, limit = 50): RiskPointSummary[] {
    const q = text.trim();
    if (!q) return [];
    const chars = [...q].length;
    const rows =
      chars >= 3
        ? this.db
            .prepare(
              `SELECT p.* FROM risk_points_fts f JOIN risk_points p ON p.id = f.rowid WHERE risk_points_fts MATCH ? ORDER BY rank LIMIT ?`,
            )
            .all(`"${q.replace(/"/g, '""')}"`, limit)
        : this.db
            .prepare(
              `SELECT p.* FROM risk_points p WHERE p.name LIKE ? ESCAPE '\\' OR p.address LIKE ? ESCAPE '\\' ORDER BY p.id LIMIT ?`,
            )
            .all(...Array(2).fill(`%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`), limit);
    return (rows as Row[]).map(toSummary);
  }
}
