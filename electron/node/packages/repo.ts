// Field packages this console made or took in (migration 0009), with the report of what an import did
// and, for an imported area package, this console's own sequence at that moment: its journal since
// then is what goes back to the centre.
import type { Db } from '../../../native/sqlite/open';
import type { ImportReport, PackageInfo, PackageManifest } from '../../common/tiles/manifest';

interface Row {
  id: string;
  direction: 'exported' | 'imported';
  kind: 'area' | 'return';
  manifest_json: string;
  file: string | null;
  bytes: number;
  report_json: string | null;
  local_seq: number;
  at: number;
}

export interface PackageRecord {
  id: string;
  direction: 'exported' | 'imported';
  manifest: PackageManifest;
  file: string | null;
  bytes: number;
  report: ImportReport | null;
  localSeq: number;
  at: number;
}

const toRecord = (r: Row): PackageRecord => ({
  id: r.id,
  direction: r.direction,
  manifest: JSON.parse(r.manifest_json),
  file: r.file,
  bytes: r.bytes,
  report: r.report_json ? JSON.parse(r.report_json) : null,
  localSeq: r.local_seq,
  at: r.at,
});

export function infoOf(r: PackageRecord): PackageInfo {
  return {
    id: r.id,
    direction: r.direction,
    kind: r.manifest.kind,
    bytes: r.bytes,
    at: r.at,
    created: r.manifest.created,
    console: r.manifest.console.id,
    area: r.manifest.area.label,
    counts: r.manifest.counts,
  };
}

export class PackageRepo {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      ins: db.prepare(
        `INSERT INTO field_packages (id, direction, kind, manifest_json, file, bytes, report_json, local_seq, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET report_json = excluded.report_json`,
      ),
      get: db.prepare('SELECT * FROM field_packages WHERE id = ?'),
      list: db.prepare('SELECT * FROM field_packages ORDER BY at DESC, id DESC LIMIT ?'),
      firstImport: db.prepare(
        `SELECT * FROM field_packages WHERE direction = 'imported' AND kind = 'area' ORDER BY at ASC, id ASC LIMIT 1`,
      ),
      latestImport: db.prepare(
        `SELECT * FROM field_packages WHERE direction = 'imported' AND kind = 'area' ORDER BY at DESC, id DESC LIMIT 1`,
      ),
    };
  }

  put(r: PackageRecord): void {
    this.sql.ins.run(
      r.id,
      r.direction,
      r.manifest.kind,
      JSON.stringify(r.manifest),
      r.file,
      r.bytes,
      r.report ? JSON.stringify(r.report) : null,
      r.localSeq,
      r.at,
    );
  }

  get(id: string): PackageRecord | null {
    const r = this.sql.get.get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  list(limit = 50): PackageRecord[] {
    return (this.sql.list.all(limit) as Row[]).map(toRecord);
  }

  /** the first area package taken in: the laptop's journal starts after it */
  firstImport(): PackageRecord | null {
    const r = this.sql.firstImport.get() as Row | undefined;
    return r ? toRecord(r) : null;
  }

  latestImport(): PackageRecord | null {
    const r = this.sql.latestImport.get() as Row | undefined;
    return r ? toRecord(r) : null;
  }
}
