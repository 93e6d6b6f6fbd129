// The drones service: docks with readiness, aircraft, tracks, commands (audited, sent over the DJI
// adapter, outcome from services_reply or the timeout) and the nearest dock for the board. Telemetry
// reaches windows coalesced to the latest state per entity, at most every 100 ms.
import type { IDronesService } from '../../common/contract/drones';
import type { DroneNestDto } from '../../common/dto';
import type { Actor } from '../../common/dispatch/types';
import {
  COMMAND_PARAMS,
  buildServiceData,
  mayUse,
  type CommandDto,
  type CommandRequest,
} from '../../common/drones/commands';
import { nearestDock, CRUISE_SPEED_MPS } from '../../common/drones/nearest';
import { describeResult } from '../../common/drones/results';
import { trackCutoff } from '../../common/drones/track';
import type {
  AircraftLive,
  AircraftState,
  DockDto,
  NearestDock,
  TelemetryBatch,
  TrackPoint,
} from '../../common/drones/types';
import { patrolAround, type Patrol } from '../../common/drones/wayline';
import { ServiceError } from '../../common/errors';
import type { IdSource } from '../../common/ids';
import { BusTimeoutError } from '../bus/client';
import { createCoalescer, type Coalescer } from '../bus/coalesce';
import { CONSOLE_OFFICER } from '../dispatch/actors';
import { Emitter } from '../events';
import type { DjiAdapter } from './dji/adapter';
import type { DroneRegistry } from './registry';
import type { DroneRepo } from './repo';
import type { TrackWriter } from './trackWriter';
import { buildKmz, type WaylineFile } from './waylines';

export interface LiveIngest {
  /** where an aircraft should push its video (url_type per DJI: 1 RTMP, 2 RTSP, 3 GB28181, 4 WHIP) */
  ingestFor(aircraftSn: string): { urlType: number; url: string } | null;
  /** where it plays while it is pushed, or null */
  liveOf?(aircraftSn: string): AircraftLive | null;
}

export interface DronesDeps {
  registry: DroneRegistry;
  repo: DroneRepo;
  tracks: TrackWriter;
  dji: DjiAdapter;
  ids: IdSource;
  now: () => number;
  nests: () => DroneNestDto[];
  /** base URL docks download wayline files from */
  publicUrl: string;
  live?: LiveIngest | null;
  serviceTimeoutMs?: number;
  telemetryIntervalMs?: number;
  log?: (line: string) => void;
}

type Key = { kind: 'dock' | 'aircraft'; sn: string; id: string };

export class DronesService implements IDronesService {
  readonly name = 'drones';
  private readonly telemetry = new Emitter<TelemetryBatch>();
  private readonly commands = new Emitter<CommandDto>();
  readonly onDidTelemetry = this.telemetry.event;
  readonly onDidCommand = this.commands.event;
  private readonly coalescer: Coalescer<Key>;
  private waylines = new Map<string, WaylineFile>();
  /** flight_id of a prepared patrol → its patrol id (the dock asks for the file again by flight id) */
  private readonly flights = new Map<string, string>();
  private lastReadiness = new Map<string, string>();
  private tick: ReturnType<typeof setInterval> | null = null;
  live: LiveIngest | null;

  constructor(private readonly d: DronesDeps) {
    this.live = d.live ?? null;
    this.coalescer = createCoalescer((keys) => this.emitTelemetry(keys), d.telemetryIntervalMs ?? 100);
  }

  /** Loads the nests (after the seed) and starts the track writer and the staleness check. */
  start(): void {
    this.d.registry.addNests(this.d.nests());
    this.waylines = new Map(
      this.d.nests().map((n) => {
        const f = buildKmz(patrolAround(n));
        return [f.patrol.id, f];
      }),
    );
    this.d.tracks.start();
    this.prune();
    this.tick ??= setInterval(() => this.checkStale(), 5_000);
  }

  stop(): void {
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
    this.coalescer.flush();
    this.coalescer.dispose();
    this.d.tracks.stop();
  }

  // ---- what the protocol adapters report (the ingest hot path: no allocation per message here)
  private readonly keys = { dock: new Map<string, Key>(), aircraft: new Map<string, Key>() };
  private push(kind: Key['kind'], sn: string): void {
    let k = this.keys[kind].get(sn);
    if (!k) {
      k = { kind, sn, id: `${kind}:${sn}` };
      this.keys[kind].set(sn, k);
    }
    this.coalescer.push(k.id, k);
  }

  dockChanged(sn: string): void {
    this.push('dock', sn);
  }

  aircraftChanged(a: AircraftState): void {
    this.d.tracks.record(a, a.updatedAt);
    this.push('aircraft', a.sn);
    if (a.gatewaySn) this.push('dock', a.gatewaySn);
  }

  private emitTelemetry(keys: Key[]): void {
    const now = this.d.now();
    const docks: DockDto[] = [];
    const aircraft: AircraftState[] = [];
    for (const k of keys) {
      if (k.kind === 'dock') {
        const e = this.d.registry.docks.get(k.sn);
        if (!e) continue;
        const dto = this.d.registry.dockDto(e, now);
        this.lastReadiness.set(k.sn, readinessKey(dto));
        docks.push(dto);
      } else {
        const a = this.d.registry.aircraft.get(k.sn);
        if (a) aircraft.push(this.view(a, now));
      }
    }
    if (docks.length || aircraft.length) this.telemetry.fire({ docks, aircraft });
  }

  private lastPrune = 0;

  private checkStale(): void {
    const now = this.d.now();
    if (now - this.lastPrune >= 3_600_000) this.prune();
    for (const e of this.d.registry.docks.values()) {
      const k = readinessKey(this.d.registry.dockDto(e, now));
      if (this.lastReadiness.get(e.sn) !== k) this.dockChanged(e.sn);
    }
  }

  /** drops fixes older than the 30-day retention (at start, then hourly) */
  prune(): number {
    this.lastPrune = this.d.now();
    try {
      return this.d.repo.pruneTracks(trackCutoff(this.lastPrune));
    } catch (e) {
      this.d.log?.(`[drones] pruning old tracks failed: ${(e as Error).message}`);
      return 0;
    }
  }

  /** a copy for callers: online judged now, live video where it plays */
  private view(a: AircraftState, now: number): AircraftState {
    const online = a.online && now - a.updatedAt <= this.d.registry.limits.staleAfterMs;
    return { ...a, online, live: this.live?.liveOf?.(a.sn) ?? null };
  }

  /** the aircraft's video started or stopped: windows hear it with the next telemetry */
  liveChanged(aircraftSn: string): void {
    this.push('aircraft', aircraftSn);
  }

  // ---- the contract
  async listDocks(): Promise<DockDto[]> {
    return this.d.registry.listDocks(this.d.now());
  }

  async getDock(sn: string): Promise<DockDto | null> {
    const e = this.d.registry.docks.get(sn);
    return e ? this.d.registry.dockDto(e, this.d.now()) : null;
  }

  async listAircraft(): Promise<AircraftState[]> {
    const now = this.d.now();
    return [...this.d.registry.aircraft.values()]
      .sort((a, b) => a.sn.localeCompare(b.sn))
      .map((a) => this.view(a, now));
  }

  async track(sn: string, since: number): Promise<TrackPoint[]> {
    if (!this.d.registry.aircraft.has(sn) && !this.d.repo.devices().some((x) => x.sn === sn))
      throw new ServiceError('not-found', `no aircraft ${sn}`, { field: 'sn' });
    this.d.tracks.flush();
    return this.d.repo.track(sn, Math.max(since, trackCutoff(this.d.now())));
  }

  async nearestDock(lon: number, lat: number): Promise<NearestDock | null> {
    return nearestDock(this.d.registry.listDocks(this.d.now()), lon, lat, CRUISE_SPEED_MPS);
  }

  async listPatrols(): Promise<Patrol[]> {
    return [...this.waylines.values()].map((w) => w.patrol);
  }

  /** The KMZ of a stored patrol, for the host route. */
  waylineFile(patrolId: string): WaylineFile | null {
    return this.waylines.get(patrolId) ?? null;
  }

  waylineOfFlight(flightId: string): { url: string; fingerprint: string } | null {
    const id = this.flights.get(flightId);
    const f = id ? this.waylines.get(id) : undefined;
    return f ? { url: this.waylineUrl(f.patrol.id), fingerprint: f.fingerprint } : null;
  }

  private waylineUrl(patrolId: string): string {
    return `${this.d.publicUrl.replace(/\/$/, '')}/api/drones/waylines/${encodeURIComponent(patrolId)}.kmz`;
  }

  async getCommand(id: string): Promise<CommandDto | null> {
    const c = this.d.repo.command(id);
    if (!c) return null;
    const { actor: _actor, ...dto } = c;
    return dto;
  }

  async recentCommands(dockSn: string, limit = 20): Promise<CommandDto[]> {
    const out: CommandDto[] = [];
    for (const id of this.d.repo.recentCommands(dockSn, limit)) {
      const c = await this.getCommand(id);
      if (c) out.push(c);
    }
    return out;
  }

  async command(dockSn: string, request: CommandRequest, actor: Actor = CONSOLE_OFFICER): Promise<{ id: string }> {
    const dock = this.d.registry.docks.get(dockSn);
    if (!dock) throw new ServiceError('not-found', `no dock ${dockSn}`, { field: 'sn' });
    const parsed = COMMAND_PARAMS[request.method].safeParse(request.params ?? {});
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      const field = ['params', ...i.path.map(String)].join('.');
      throw new ServiceError('bad-request', `invalid ${field}: ${i.message}`, { field });
    }
    if (!mayUse(request.method, actor))
      throw new ServiceError(
        'forbidden',
        `${request.method} is a dock debug command; the ${actor.role} role may not use it`,
      );
    const params = parsed.data as Record<string, unknown>;
    const now = this.d.now();
    let wayline: { url: string; fingerprint: string } | null = null;
    if (request.method === 'flighttask_prepare') {
      const f = this.waylines.get(String(params.patrolId));
      if (f && f.patrol.dockSn !== dockSn)
        throw new ServiceError('rejected', `patrol ${f.patrol.id} belongs to dock ${f.patrol.dockSn}`, {
          field: 'params.patrolId',
        });
      wayline = f ? { url: this.waylineUrl(f.patrol.id), fingerprint: f.fingerprint } : null;
    }
    const built = buildServiceData(request.method, params, {
      newId: () => crypto.randomUUID(),
      now,
      dockHeightM: dock.osd?.heightM ?? null,
      aircraftSn: dock.aircraftSn,
      wayline,
      live: dock.aircraftSn && this.live ? this.live.ingestFor(dock.aircraftSn) : null,
    });
    if (!built.ok) throw new ServiceError(built.code, built.message, { field: 'params' });
    if (request.method === 'flighttask_prepare' && built.flightId)
      this.flights.set(built.flightId, String(params.patrolId));

    const m = this.d.dji.prepare(request.method, built.data);
    const cmd: CommandDto = {
      id: this.d.ids.next(now),
      dockSn,
      method: request.method,
      params,
      state: 'sent',
      resultCode: null,
      message: null,
      messageEn: null,
      tid: m.tid,
      bid: m.bid,
      actorName: actor.name,
      flightId: built.flightId,
      createdAt: now,
      updatedAt: now,
    };
    this.d.repo.insertCommand(cmd, actor);
    this.commands.fire(cmd);
    void this.d.dji.call(dockSn, m, this.d.serviceTimeoutMs ?? 10_000).then(
      (r) =>
        r.result === 0 && r.status !== 'failed' && r.status !== 'rejected'
          ? this.settle(cmd, 'accepted', 0, describeResult(0))
          : this.settle(cmd, 'failed', r.result, describeResult(r.result)),
      (e: unknown) =>
        e instanceof BusTimeoutError
          ? this.settle(cmd, 'timed-out', null, {
              zh: `机场 ${Math.round(e.timeoutMs / 1000)} 秒内未回复`,
              en: `The dock did not reply within ${Math.round(e.timeoutMs / 1000)} s`,
            })
          : this.settle(cmd, 'failed', null, {
              zh: `指令未能发出：消息总线未连接（${(e as Error).message}）`,
              en: `Not sent: ${(e as Error).message}`,
            }),
    );
    return { id: cmd.id };
  }

  private settle(
    cmd: CommandDto,
    state: CommandDto['state'],
    code: number | null,
    text: { zh: string; en: string },
  ): void {
    const at = this.d.now();
    try {
      this.d.repo.updateCommand(cmd.id, state, code, text, at);
    } catch (e) {
      this.d.log?.(`[drones] recording the outcome of ${cmd.id} failed: ${(e as Error).message}`);
      return;
    }
    this.commands.fire({ ...cmd, state, resultCode: code, message: text.zh, messageEn: text.en, updatedAt: at });
  }
}

const readinessKey = (d: DockDto): string => `${d.online}|${d.readiness.reasons.map((r) => r.code).join(',')}`;
