// Cameras with an R*Tree: nearby lookups prefilter by box, then refine by great-circle distance.
import type { Db } from '../../../native/sqlite/open';
import type { CameraDto, NearbyCameraDto } from '../../common/dto';
import { bboxAround, haversineM } from '../../common/geo';

interface Row {
  id: string;
  name: string;
  kind: CameraDto['kind'];
  mount: CameraDto['mount'];
  status: CameraDto['status'];
  town_code: string;
  lon: number;
  lat: number;
  main_stream_url: string;
  sub_stream_url: string;
  heading_deg: number | null;
  fov_deg: number | null;
  range_m: number | null;
  codec: CameraDto['codec'];
  platform: string;
}

function toDto(r: Row): CameraDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    mount: r.mount,
    status: r.status,
    townCode: r.town_code,
    lon: r.lon,
    lat: r.lat,
    mainStreamUrl: r.main_stream_url,
    subStreamUrl: r.sub_stream_url,
    headingDeg: r.heading_deg,
    fovDeg: r.fov_deg,
    rangeM: r.range_m,
    codec: r.codec,
    platform: r.platform,
  };
}

export class CameraRepo {
  constructor(private readonly db: Db) {}

  list(): CameraDto[] {
    return (this.db.prepare('SELECT * FROM cameras ORDER BY rid').all() as Row[]).map(toDto);
  }

  get(id: string): CameraDto | null {
    const r = this.db.prepare('SELECT * FROM cameras WHERE id = ?').get(id) as Row | undefined;
    return r ? toDto(r) : null;
  }

  /**
   * Cameras whose name contains the text (Chinese or not), in list order. Three or more characters use
   * the trigram index; shorter queries (two-character place names are common) fall back to LIKE.
   */
  search(text: string, limit = 200): CameraDto[] {
    const q = text.trim();
    if (!q) return [];
    const rows =
      [...q].length >= 3
        ? this.db
            .prepare(
              `SELECT c.* FROM cameras_fts f JOIN cameras c ON c.rid = f.rowid WHERE cameras_fts MATCH ? ORDER BY c.rid LIMIT ?`,
            )
            .all(`"${q.replace(/"/g, '""')}"`, limit)
        : this.db
            .prepare(`SELECT * FROM cameras WHERE name LIKE ? ESCAPE '\\' ORDER BY rid LIMIT ?`)
            .all(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, limit);
    return (rows as Row[]).map(toDto);
  }

  /** The WVP device a platform channel belongs to (null for seeded cameras). */
  deviceIdOf(id: string): string | null {
    const r = this.db.prepare('SELECT device_id FROM cameras WHERE id = ?').get(id) as
      { device_id: string | null } | undefined;
    return r?.device_id ?? null;
  }

  /** Cameras within radiusM of (lon, lat), nearest first; ties broken by id so the order is stable. */
  nearby(lon: number, lat: number, radiusM: number, limit = 500): NearbyCameraDto[] {
    const b = bboxAround(lon, lat, radiusM);
    const rows = this.db
      .prepare(
        `SELECT c.* FROM cameras_rtree t JOIN cameras c ON c.rid = t.rid
       WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ?`,
      )
      .all(b.minLon, b.maxLon, b.minLat, b.maxLat) as Row[];
    const hits: { r: Row; d: number }[] = [];
    for (const r of rows) {
      const d = haversineM(lon, lat, r.lon, r.lat);
      if (d <= radiusM) hits.push({ r, d });
    }
    hits.sort((a, b2) => a.d - b2.d || (a.r.id < b2.r.id ? -1 : 1));
    return hits.slice(0, limit).map(({ r, d }) => ({ ...toDto(r), distanceM: Math.round(d * 10) / 10 }));
  }
}
