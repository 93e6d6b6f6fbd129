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
