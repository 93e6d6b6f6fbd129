// SQL for alarms: the current state of each (a projection with its version) and the append-only history
// of what happened to it, written together in one transaction.
import type { Db } from '../../../native/sqlite/open';
import type { Alarm, AlarmEvent, AlarmState } from '../../common/alarms/types';

export class AlarmRepo {
  private readonly sql;

  constructor(private readonly db: Db) {
    this.sql = {
      put: db.prepare(
        `INSERT INTO alarms (id, source, source_id, risk_point_id, seat, priority, state, condition, raised_at,
           updated_at, version, alarm_json)
         VALUES (@id, @source, @sourceId, @riskPointId, @seat, @priority, @state, @condition, @raisedAt, @updatedAt, @version, @json)
         ON CONFLICT (id) DO UPDATE SET priority = excluded.priority, state = excluded.state, condition = excluded.condition,
           updated_at = excluded.updated_at, version = excluded.version, alarm_json = excluded.alarm_json`,
      ),
      event: db.prepare(
        'INSERT INTO alarm_events (alarm_id, at, type, actor_json, detail_json) VALUES (?, ?, ?, ?, ?)',
      ),
    };
  }

  /** Writes alarms as they now are with the events that made them so, in one transaction. */
  save(items: readonly { alarm: Alarm; event: AlarmEvent }[]): void {
    const { put, event } = this.sql;
    this.db.transaction(() => {
      for (const { alarm: a, event: e } of items) {
        put.run({
          id: a.id,
          source: a.source,
          sourceId: a.sourceId,
          riskPointId: a.riskPointId,
          seat: a.seat,
          priority: a.priority,
          state: a.state,
          condition: a.condition ? 1 : 0,
          raisedAt: a.raisedAt,
          updatedAt: a.updatedAt,
          version: a.version,
          json: JSON.stringify(a),
        });
        event.run(e.alarmId, e.at, e.type, e.actor ? JSON.stringify(e.actor) : null, JSON.stringify(e.detail));
      }
    })();
  }

  open(): Alarm[] {
    return this.parse(
      this.db.prepare("SELECT alarm_json FROM alarms WHERE state != 'cleared'").pluck().all() as string[],
    );
  }

  get(id: string): Alarm | null {
    const j = this.db.prepare('SELECT alarm_json FROM alarms WHERE id = ?').pluck().get(id) as string | undefined;
    return j ? (JSON.parse(j) as Alarm) : null;
  }

  list(filter: { state?: AlarmState; limit: number; since?: number }): Alarm[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.state) {
      where.push('state = ?');
      args.push(filter.state);
    }
    if (filter.since !== undefined) {
      where.push('raised_at >= ?');
      args.push(filter.since);
    }
    const sql = `SELECT alarm_json FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY raised_at DESC LIMIT ?`;
    return this.parse(
      this.db
        .prepare(sql)
        .pluck()
        .all(...args, filter.limit) as string[],
    );
  }

  events(alarmId: string): AlarmEvent[] {
    const rows = this.db
      .prepare('SELECT alarm_id, at, type, actor_json, detail_json FROM alarm_events WHERE alarm_id = ? ORDER BY seq')
      .raw()
      .all(alarmId) as [string, number, AlarmEvent['type'], string | null, string][];
    return rows.map(([alarmId2, at, type, actor, detail]) => ({
      alarmId: alarmId2,
      at,
      type,
      actor: actor ? JSON.parse(actor) : null,
      detail: JSON.parse(detail),
    }));
  }

  /** raises and re-raises between two times (for the chattering list) */
  raises(from: number, to: number): { alarmId: string; at: number }[] {
    return this.db
      .prepare(
        `SELECT alarm_id AS alarmId, at FROM alarm_events WHERE at >= ? AND at < ? AND type IN ('raise', 're-raise') ORDER BY at`,
      )
      .all(from, to) as { alarmId: string; at: number }[];
  }

  sourcesOf(ids: readonly string[]): Map<string, { source: Alarm['source']; sourceId: string }> {
    const rows = this.db
      .prepare('SELECT id, source, source_id AS sourceId FROM alarms WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { id: string; source: Alarm['source']; sourceId: string }[];
    return new Map(rows.map((r) => [r.id, { source: r.source, sourceId: r.sourceId }]));
  }

  private parse(rows: string[]): Alarm[] {
    return rows.map((j) => JSON.parse(j) as Alarm);
  }
}
