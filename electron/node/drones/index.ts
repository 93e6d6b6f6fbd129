// Wires the drone parts for the composition root: registry, repository, track writer, the DJI adapter
// on the bus, the optional MAVLink listener, and the service. Returns the service and the parts to start.
import type { Db } from '../../../native/sqlite/open';
import type { DroneNestDto } from '../../common/dto';
import type { IdSource } from '../../common/ids';
import type { Bus } from '../bus/index';
import { DjiAdapter } from './dji/adapter';
import { AircraftStreams } from './live';
import { MavlinkAdapter } from './mavlink/adapter';
import { DroneRegistry } from './registry';
import { DroneRepo } from './repo';
import { DronesService, type LiveIngest } from './service';
import { TrackWriter } from './trackWriter';

export interface DronesOptions {
  db: Db;
  bus: Bus;
  ids: IdSource;
  now: () => number;
  log: (line: string) => void;
  nests: () => DroneNestDto[];
  publicUrl: string;
  /** listen for MAVLink on this UDP port (0 = a free one); absent = off */
  mavlinkUdpPort?: number;
  serviceTimeoutMs?: number;
  /** where aircraft push live video; default: the embedded streams the video simulator serves */
  live?: LiveIngest | null;
}

export interface DronesParts {
  service: DronesService;
  dji: DjiAdapter;
  mavlink: MavlinkAdapter | null;
  registry: DroneRegistry;
  repo: DroneRepo;
  tracks: TrackWriter;
  /** aircraft streams pushed to the embedded video simulator */
  streams: AircraftStreams;
  /** in start order */
  parts: { name: string; start(): Promise<void> | void; stop(): Promise<void> | void }[];
}

export function createDrones(o: DronesOptions): DronesParts {
  const registry = new DroneRegistry();
  const repo = new DroneRepo(o.db);
  const tracks = new TrackWriter(repo, { log: o.log });
  const streams = new AircraftStreams();
  let service: DronesService | null = null;
  const dji = new DjiAdapter({
    bus: o.bus.client,
    ingest: o.bus.ingest,
    registry,
    repo,
    now: o.now,
    log: o.log,
    onDock: (sn) => service?.dockChanged(sn),
    onAircraft: (a) => service?.aircraftChanged(a),
    waylineOf: (flightId) => service?.waylineOfFlight(flightId) ?? null,
  });
  service = new DronesService({
    registry,
    repo,
    tracks,
    dji,
    ids: o.ids,
    now: o.now,
    nests: o.nests,
    publicUrl: o.publicUrl,
    live: o.live === undefined ? streams : o.live,
    serviceTimeoutMs: o.serviceTimeoutMs,
    log: o.log,
  });
  const svc = service;
  streams.onDidChange((sn) => svc.liveChanged(sn));
  const mavlink =
    o.mavlinkUdpPort === undefined
      ? null
      : new MavlinkAdapter({
          port: o.mavlinkUdpPort,
          ingest: o.bus.ingest,
          registry,
          now: o.now,
          log: o.log,
          onAircraft: (a) => svc.aircraftChanged(a),
        });
  const parts: DronesParts['parts'] = [
    {
      name: 'drones',
      start: () => {
        // devices announced before a restart are known again at once
        svc.start();
        for (const d of repo.devices()) {
          if (d.source !== 'dji') continue;
          if (d.kind === 'dock') registry.remember(d.sn, null, o.now());
          else if (d.gatewaySn) registry.remember(d.gatewaySn, d.sn, o.now());
        }
        dji.start();
      },
      stop: () => {
        dji.stop();
        svc.stop();
      },
    },
  ];
  if (mavlink) parts.push(mavlink);
  return { service: svc, dji, mavlink, registry, repo, tracks, streams, parts };
}
