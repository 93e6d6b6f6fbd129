import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../native/sqlite/migrations/index';
import { migrate, schemaVersion } from '../../../native/sqlite/open';

describe('migration 0006-camera-view', () => {
  it('adds view, codec, platform and device to cameras; rows already there keep their data and read as seed H.264', () => {
    const db = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.name === '0006-camera-view');
    expect(at).toBe(5);
    migrate(db, MIGRATIONS.slice(0, at));
    db.exec("INSERT INTO towns VALUES ('t','镇','T','town',1,106,29,'estimate','x')");
    db.exec(`INSERT INTO cameras (id, name, kind, mount, status, town_code, lon, lat, main_stream_url, sub_stream_url)
             VALUES ('c1', '路口1号', 'public-safety', 'fixed', 'online', 't', 106.4, 29.5, '/m', '/s')`);
    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT name, heading_deg, codec, platform, device_id FROM cameras').get()).toEqual({
      name: '路口1号',
      heading_deg: null,
      codec: 'h264',
      platform: 'seed',
      device_id: null,
    });
    const set = (col: string, v: unknown) => () => db.prepare(`UPDATE cameras SET ${col} = ? WHERE id = 'c1'`).run(v);
    expect(set('heading_deg', 360)).toThrow(/CHECK/);
    expect(set('fov_deg', 0)).toThrow(/CHECK/);
    expect(set('range_m', -5)).toThrow(/CHECK/);
    expect(set('codec', 'vp9')).toThrow(/CHECK/);
    set('heading_deg', 359.5)();
    set('codec', 'h265')();
    expect(db.prepare('SELECT heading_deg, codec FROM cameras').get()).toEqual({ heading_deg: 359.5, codec: 'h265' });
  });
});
