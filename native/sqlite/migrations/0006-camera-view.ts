// 0006: what the video wall needs to know about a camera. A fixed camera's view (heading, field of
// view, range) for its cone on the map; the codec its streams carry (H.265 cannot play in a browser);
// the platform that serves it ('seed' for the embedded district, 'wvp:<host>' for a WVP platform's
// channels) and the GB/T 28181 device the channel belongs to (WVP plays by device + channel).
import type { Database } from 'better-sqlite3';

export const name = '0006-camera-view';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE cameras ADD COLUMN heading_deg REAL CHECK (heading_deg IS NULL OR (heading_deg >= 0 AND heading_deg < 360));
    ALTER TABLE cameras ADD COLUMN fov_deg REAL CHECK (fov_deg IS NULL OR (fov_deg > 0 AND fov_deg <= 360));
    ALTER TABLE cameras ADD COLUMN range_m REAL CHECK (range_m IS NULL OR range_m > 0);
    ALTER TABLE cameras ADD COLUMN codec TEXT NOT NULL DEFAULT 'h264' CHECK (codec IN ('h264', 'h265', 'unknown'));
    ALTER TABLE cameras ADD COLUMN platform TEXT NOT NULL DEFAULT 'seed';
    ALTER TABLE cameras ADD COLUMN device_id TEXT;
    CREATE INDEX cameras_platform ON cameras(platform);
  `);
}
