// SQL for drones: announced devices, 1 Hz tracks (30 days) and the command audit.
import type { Db } from '../../../native/sqlite/open';
import type { Actor } from '../../common/dispatch/types';
import type { CommandDto, CommandMethod, CommandState } from '../../common/drones/commands';
import type { TrackPoint } from '../../common/drones/types';

export interface TrackRow extends TrackPoint {
  sn: string;
}

type TrackArg = string | number | null;

export interface DeviceRow {
  sn: string;
  kind: 'dock' | 'aircraft';
  gatewaySn: string | null;
  source: string;
}

function putTrackArgs(args: TrackArg[], o: number, r: TrackRow): void {
  args[o] = r.sn;
  args[o + 1] = r.t;
  args[o + 2] = r.lon;
  args[o + 3] = r.lat;
  args[o + 4] = r.heightM;
  args[o + 5] = r.elevationM;
  args[o + 6] = r.headingDeg;
  args[o + 7] = r.speedMps;
  args[o + 8] = r.batteryPct;
}

/** The outcome text is kept in both languages, as JSON in the `message` column. */
const messageJson = (zh: string | null, en: string | null): string | null =>
  zh === null && en === null ? null : JSON.stringify({ zh: zh ?? en, en: en ?? zh });

const TRACK_COLUMNS = 'aircraft_sn, t, lon, lat, height_m, elevation_m, heading_deg, speed_mps, battery_pct';
const TRACK_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
/**
 * Fixes per INSERT statement, largest first: one run of a 100-row statement costs well under 100 runs of a
 * one-row statement (the call into the binding, reset and step are paid once), so a batch goes in as 100s, 10s, 1s.
 */
export const TRACK_CHUNKS = [100, 10, 1] as const;

export class DroneRepo {
  private readonly insTracks;

  constructor(private readonly db: Db) {
    const chunks = TRACK_CHUNKS.map((n) => ({
      n,
      stmt: db.prepare(
        `INSERT OR IGNORE INTO drone_tracks (${TRACK_COLUMNS}) VALUES ${Array<string>(n).fill(TRACK_ROW).join(', ')}`,
      ),
      args: new Array<TrackArg>(n * 9),
    }));
    this.insTracks = db.transaction((rows: readonly TrackRow[]) => {
      let i = 0;
      for (const { n, stmt, args } of chunks) {
        for (; i + n <= rows.length; i += n) {
          for (let j = 0; j < n; j++) putTrackArgs(args, j * 9, rows[i + j]);
          // spread: the binding reads arguments directly, an array element by element through the V8 API
          stmt.run(...args);
        }
      }
    });
  }

  upsertDevice(d: DeviceRow, at: number): void {
    this.db
      .prepare(
        `INSERT INTO drone_devices (sn, kind, gateway_sn, source, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(sn) DO UPDATE SET gateway_sn = excluded.gateway_sn, last_seen = excluded.last_seen`,
      )
      .run(d.sn, d.kind, d.gatewaySn, d.source, at, at);
  }

  devices(): DeviceRow[] {
    return (
      this.db.prepare('SELECT sn, kind, gateway_sn, source FROM drone_devices ORDER BY sn').all() as {
        sn: string;
        kind: 'dock' | 'aircraft';
        gateway_sn: string | null;
        source: string;
      }[]
    ).map((r) => ({ sn: r.sn, kind: r.kind, gatewaySn: r.gateway_sn, source: r.source }));
  }

  /** One transaction for a batch of fixes, TRACK_CHUNKS rows a statement (a fix already stored for that second is kept). */
  writeTracks(rows: readonly TrackRow[]): void {
    if (rows.length) this.insTracks(rows);
  }

  track(sn: string, since: number, limit = 86_400): TrackPoint[] {
    return (
      this.db
        .prepare(
          `SELECT t, lon, lat, height_m, elevation_m, heading_deg, speed_mps, battery_pct FROM drone_tracks
           WHERE aircraft_sn = ? AND t >= ? ORDER BY t LIMIT ?`,
        )
        .all(sn, since, limit) as Record<string, number | null>[]
    ).map((r) => ({
      t: r.t as number,
      lon: r.lon as number,
      lat: r.lat as number,
      heightM: r.height_m,
      elevationM: r.elevation_m,
      headingDeg: r.heading_deg,
      speedMps: r.speed_mps,
      batteryPct: r.battery_pct,
    }));
  }

  pruneTracks(before: number): number {
    return this.db.prepare('DELETE FROM drone_tracks WHERE t < ?').run(before).changes;
  }

  insertCommand(c: CommandDto, actor: Actor): void {
    this.db
      .prepare(
        `INSERT INTO drone_commands (id, dock_sn, method, params_json, state, result_code, message, tid, bid, actor_json,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        c.dockSn,
        c.method,
        JSON.stringify({ params: c.params, flightId: c.flightId }),
        c.state,
        c.resultCode,
        messageJson(c.message, c.messageEn),
        c.tid,
        c.bid,
        JSON.stringify(actor),
        c.createdAt,
        c.updatedAt,
      );
  }

  updateCommand(
    id: string,
    state: CommandState,
    resultCode: number | null,
    message: { zh: string; en: string } | null,
    at: number,
  ): void {
    this.db
      .prepare('UPDATE drone_commands SET state = ?, result_code = ?, message = ?, updated_at = ? WHERE id = ?')
      .run(state, resultCode, message ? messageJson(message.zh, message.en) : null, at, id);
  }

  command(id: string): (CommandDto & { actor: Actor }) | null {
    const r = this.db.prepare('SELECT * FROM drone_commands WHERE id = ?').get(id) as
      Record<string, unknown> | undefined;
    if (!r) return null;
    const p = JSON.parse(r.params_json as string) as { params: Record<string, unknown>; flightId: string | null };
    const actor = JSON.parse(r.actor_json as string) as Actor;
    const m = r.message ? (JSON.parse(r.message as string) as { zh: string; en: string }) : null;
    return {
      id: r.id as string,
      dockSn: r.dock_sn as string,
      method: r.method as CommandMethod,
      params: p.params,
      flightId: p.flightId,
      state: r.state as CommandState,
      resultCode: r.result_code as number | null,
      message: m?.zh ?? null,
      messageEn: m?.en ?? null,
      tid: r.tid as string,
      bid: r.bid as string,
      actorName: actor.name,
      actor,
      createdAt: r.created_at as number,
      updatedAt: r.updated_at as number,
    };
  }

  recentCommands(dockSn: string, limit: number): string[] {
    return (
      this.db
        .prepare('SELECT id FROM drone_commands WHERE dock_sn = ? ORDER BY created_at DESC, id DESC LIMIT ?')
        .all(dockSn, limit) as { id: string }[]
    ).map((r) => r.id);
  }
}
