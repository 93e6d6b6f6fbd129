// 0007: frames an officer took from the video wall. The JPEG lives in the data folder (`file` is its
// path there); the row says which camera, when, and the incident it was attached to (if any).
import type { Database } from 'better-sqlite3';

export const name = '0007-video-snapshots';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE video_snapshots (
      id TEXT PRIMARY KEY, camera_id TEXT NOT NULL, incident_id TEXT,
      file TEXT NOT NULL UNIQUE, bytes INTEGER NOT NULL CHECK (bytes > 0), at INTEGER NOT NULL
    );
    CREATE INDEX video_snapshots_incident ON video_snapshots(incident_id, at);
  `);
}
