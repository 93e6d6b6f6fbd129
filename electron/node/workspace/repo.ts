// Workspace values kept per workstation (window layouts), as JSON by key.
import type { Db } from '../../../native/sqlite/open';

export class WorkspaceRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare('SELECT value_json FROM workspace WHERE key = ?').pluck();
    this.setStmt = db.prepare(
      'INSERT INTO workspace (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
    );
  }

  get<T>(key: string): T | null {
    const s = this.getStmt.get(key) as string | undefined;
    return s === undefined ? null : (JSON.parse(s) as T);
  }

  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
}
