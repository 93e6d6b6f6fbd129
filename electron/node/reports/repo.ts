// Which incident a platform's report made, by (source, the platform's report id).
import type { Db } from '../../../native/sqlite/open';

export class PlatformReportRepo {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      find: db.prepare('SELECT incident_id FROM platform_reports WHERE source = ? AND platform_report_id = ?'),
      add: db.prepare(
        'INSERT OR IGNORE INTO platform_reports (source, platform_report_id, incident_id, received_at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  find(source: string, platformReportId: string): string | null {
    const r = this.sql.find.get(source, platformReportId) as { incident_id: string } | undefined;
    return r?.incident_id ?? null;
  }

  remember(source: string, platformReportId: string, incidentId: string, at: number): void {
    this.sql.add.run(source, platformReportId, incidentId, at);
  }
}
