// Snapshots: the JPEG goes to <data>/snapshots/<day>/<id>.jpg (written to a temporary name, flushed,
// then renamed, so a crash never leaves half a picture under the real name), the row to video_snapshots.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../native/sqlite/open';
import type { SnapshotDto } from '../../common/video/types';

interface Row {
  id: string;
  camera_id: string;
  incident_id: string | null;
  file: string;
  bytes: number;
  at: number;
}
const toDto = (r: Row): SnapshotDto => ({
  id: r.id,
  cameraId: r.camera_id,
  incidentId: r.incident_id,
  file: r.file,
  bytes: r.bytes,
  at: r.at,
});

export class SnapshotStore {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
  ) {}

  save(id: string, cameraId: string, incidentId: string | null, jpeg: Buffer, at: number): SnapshotDto {
    const day = new Date(at).toISOString().slice(0, 10);
    const rel = path.posix.join('snapshots', day, `${id}.jpg`);
    const abs = path.join(this.dataDir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.part`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, jpeg);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, abs);
    const row: Row = { id, camera_id: cameraId, incident_id: incidentId, file: rel, bytes: jpeg.length, at };
    this.db
      .prepare('INSERT INTO video_snapshots (id, camera_id, incident_id, file, bytes, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.camera_id, row.incident_id, row.file, row.bytes, row.at);
    return toDto(row);
  }

  byIncident(incidentId: string): SnapshotDto[] {
    return (
      this.db.prepare('SELECT * FROM video_snapshots WHERE incident_id = ? ORDER BY at, id').all(incidentId) as Row[]
    ).map(toDto);
  }

  get(id: string): SnapshotDto | null {
    const r = this.db.prepare('SELECT * FROM video_snapshots WHERE id = ?').get(id) as Row | undefined;
    return r ? toDto(r) : null;
  }

  /** The picture's bytes, or null when the file has gone. */
  read(s: SnapshotDto): Buffer | null {
    const abs = path.join(this.dataDir, s.file);
    return fs.existsSync(abs) ? fs.readFileSync(abs) : null;
  }
}
