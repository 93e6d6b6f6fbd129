// A platform's channels in the camera list: inserted or updated by GB id (so the R*Tree and the
// full-text index follow), and removed when the platform no longer lists them. Each goes to the
// town whose centre is nearest. Seeded cameras are never touched, except when a platform lists the
// same GB id: then the platform's record wins (it is the live truth about that camera).
import type { Db } from '../../../native/sqlite/open';
import { haversineM } from '../../common/geo';

export interface ChannelRow {
  id: string;
  deviceId: string;
  name: string;
  lon: number;
  lat: number;
  status: 'online' | 'offline';
  mount: 'fixed' | 'ptz';
  headingDeg: number | null;
}

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
}

/** Platform channels get this view when the platform gives a heading (GB/T 28181 says only the direction). */
const CHANNEL_FOV_DEG = 60;
const CHANNEL_RANGE_M = 120;

export function syncPlatformChannels(db: Db, platformId: string, channels: readonly ChannelRow[]): SyncResult {
  const towns = db.prepare('SELECT code, lon, lat FROM towns').all() as { code: string; lon: number; lat: number }[];
  if (!towns.length) throw new Error('the towns are not seeded yet: cannot place platform channels');
  const townOf = (lon: number, lat: number) => {
    let best = towns[0];
    let d = Infinity;
    for (const t of towns) {
      const dt = haversineM(lon, lat, t.lon, t.lat);
      if (dt < d) [best, d] = [t, dt];
    }
    return best.code;
  };
  const find = db.prepare('SELECT rid, name FROM cameras WHERE id = ?');
  const ins = db.prepare(
    `INSERT INTO cameras (id, name, kind, mount, status, town_code, lon, lat, main_stream_url, sub_stream_url,
       heading_deg, fov_deg, range_m, codec, platform, device_id)
     VALUES (?, ?, 'public-safety', ?, ?, ?, ?, ?, '', '', ?, ?, ?, 'unknown', ?, ?)`,
  );
  const upd = db.prepare(
    `UPDATE cameras SET name = ?, mount = ?, status = ?, town_code = ?, lon = ?, lat = ?, heading_deg = ?,
       fov_deg = ?, range_m = ?, platform = ?, device_id = ? WHERE rid = ?`,
  );
  const ftsDel = db.prepare("INSERT INTO cameras_fts(cameras_fts, rowid, name) VALUES ('delete', ?, ?)");
  const ftsIns = db.prepare('INSERT INTO cameras_fts(rowid, name) VALUES (?, ?)');
  const treeDel = db.prepare('DELETE FROM cameras_rtree WHERE rid = ?');
  const treeIns = db.prepare('INSERT INTO cameras_rtree (rid, min_lon, max_lon, min_lat, max_lat) VALUES (?,?,?,?,?)');
  const result: SyncResult = { added: 0, updated: 0, removed: 0 };
  db.transaction(() => {
    const listed = new Set<string>();
    for (const c of channels) {
      if (listed.has(c.id)) continue;
      listed.add(c.id);
      const view = c.headingDeg === null ? [null, null, null] : [c.headingDeg % 360, CHANNEL_FOV_DEG, CHANNEL_RANGE_M];
      const town = townOf(c.lon, c.lat);
      const old = find.get(c.id) as { rid: number; name: string } | undefined;
      if (old) {
        upd.run(c.name, c.mount, c.status, town, c.lon, c.lat, ...view, platformId, c.deviceId, old.rid);
        if (old.name !== c.name) {
          ftsDel.run(old.rid, old.name);
          ftsIns.run(old.rid, c.name);
        }
        treeDel.run(old.rid);
        treeIns.run(old.rid, c.lon, c.lon, c.lat, c.lat);
        result.updated++;
      } else {
        const rid = ins.run(
          c.id,
          c.name,
          c.mount,
          c.status,
          town,
          c.lon,
          c.lat,
          ...view,
          platformId,
          c.deviceId,
        ).lastInsertRowid;
        treeIns.run(rid, c.lon, c.lon, c.lat, c.lat);
        result.added++;
      }
    }
    const gone = (
      db.prepare('SELECT rid, id FROM cameras WHERE platform = ?').all(platformId) as { rid: number; id: string }[]
    ).filter((r) => !listed.has(r.id));
    for (const r of gone) {
      treeDel.run(r.rid);
      db.prepare('DELETE FROM cameras WHERE rid = ?').run(r.rid);
      result.removed++;
    }
  })();
  return result;
}
