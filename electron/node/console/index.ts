// The composition root: builds one console — store, repositories, services, (later) the broker,
// adapters and simulators — with every dependency passed in, and hands it to the Electron main
// process or the console host. Start-up order, readiness and shutdown live here and nowhere else.
import path from 'node:path';
import type { Db } from '../../../native/sqlite/open';
import type { ServiceMap } from '../../common/contract';
import type { SeedProgress } from '../../common/dto';
import { createIdSource, type IdSource } from '../../common/ids';
import { Bus } from '../bus/index';
import { BusService } from '../bus/service';
import { CameraRepo } from '../cameras/repo';
import { CameraService } from '../cameras/service';
import { EvidenceStore } from '../dispatch/evidence';
import { Ledger } from '../dispatch/ledger';
import { DispatchService } from '../dispatch/service';
import { createDrones, type DronesParts } from '../drones/index';
import type { DronesService } from '../drones/service';
import { droneRoutes } from '../host/routes/drones';
import { officerRoutes } from '../host/routes/officers';
import { createOfficers, type ConsoleOfficers, type OfficersOptions } from '../officers/index';
import type { SessionService } from '../officers/service';
import { createReports, type ConsoleReports, type ReportsOptions } from '../reports/index';
import { seededRoster } from '../seed/officers';
import { ReferenceRepo } from '../reference/repo';
import { ReferenceService } from '../reference/service';
import { RiskPointRepo } from '../riskmap/repo';
import { RiskMapService } from '../riskmap/service';
import type { UpgradeHandler } from '../host/host';
import type { RouteDef } from '../host/router';
import { createDispatcher, type Dispatcher } from '../rpc/dispatcher';
import { bootStore, type BootOptions } from '../seed/boot';
import { DockSimulators } from '../simulators/index';
import { SystemService } from '../system/service';
import { WorkspaceRepo } from '../workspace/repo';
import { WorkspaceService } from '../workspace/service';
import { createVideo, type ConsoleVideo, type VideoOptions } from '../video/index';
import type { VideoService } from '../video/service';
import { videoRoutes } from '../host/routes/video';
import { schematicData } from '../seed/basemap';
import { createFieldPackages, type ConsoleFieldPackages } from '../packages/index';
import type { FieldPackagesService } from '../packages/service';
import { createMaps, type ConsoleMaps, type MapsOptions } from '../tiles/index';
import { SnapshotStore } from '../video/snapshots';
import type { MapsService } from '../tiles/service';
import { createReplication, type ConsoleReplication, type ReplicationOptions } from '../replication/index';
import type { ReplicationService } from '../replication/service';
import type { AlarmsService } from '../alarms/service';
import type { CockpitService } from '../cockpit/service';
import type { FloodService } from '../flood/service';
import type { HandoverService } from '../handover/service';
import type { SensingService } from '../sensors/service';
import { createWatch, type ConsoleWatch, type WatchOptions } from '../watch/index';
import { consoleIdOf, openConsoleDb } from './store';
import { seedLogger } from './progress';

export interface ConsoleOptions {
  dataDir: string;
  version: string;
  log?: (line: string) => void;
  /** the clock every service reads (tests pass a fixed one) */
  now?: () => number;
  /** randomness for ids (tests pass a seeded one) */
  random?: () => number;
  /** first-start seed options (tests: a smaller season) */
  seed?: BootOptions;
  /** a terminal to draw the first-start progress bars on (in place); otherwise lines go to `log` */
  tty?: { write(s: string): void } | null;
  /** better-sqlite3 built for Electron's ABI */
  nativeBinding?: string;
  /** an external MQTT broker (mqtt://host:port); absent: the embedded Aedes broker */
  brokerUrl?: string;
  /** port of the embedded broker on 127.0.0.1 (0, the default, picks a free one) */
  mqttPort?: number;
  /** simulated DJI docks for the seeded nests (default on) */
  simulateDocks?: boolean;
  /** simulated seconds per real second (tests fly faster) */
  simSpeed?: number;
  /** listen for MAVLink on this UDP port (absent: off) */
  mavlinkUdpPort?: number;
  /** base URL docks download wayline files from (default http://127.0.0.1:4510) */
  publicUrl?: string;
  /** how long a dock has to answer a service before the command is timed out (default 10 s) */
  droneServiceTimeoutMs?: number;
  /** video platforms (`--video-platform`), clips folder; default: the embedded simulator */
  video?: VideoOptions;
  /** offline maps: download concurrency and retries, web-source timeout (tests: fetch) */
  maps?: MapsOptions;
  /** sign-in: required on loopback too (Electron: the administrator's choice), idle lock */
  officers?: OfficersOptions;
  /** the platforms' reports over the bus */
  reports?: ReportsOptions;
  /** several consoles (`--replication`): this one decides (authority, the default) or sends to the one that does */
  replication?: ReplicationOptions;
  /** the night watch: sensor simulator, shift changes, the handover PDF's font */
  watch?: WatchOptions;
}

export interface ConsoleServices extends ServiceMap {
  system: SystemService;
  reference: ReferenceService;
  riskmap: RiskMapService;
  cameras: CameraService;
  dispatch: DispatchService;
  workspace: WorkspaceService;
  bus: BusService;
  drones: DronesService;
  video: VideoService;
  maps: MapsService;
  fieldPackages: FieldPackagesService;
  session: SessionService;
  replication: ReplicationService;
  sensing: SensingService;
  alarms: AlarmsService;
  flood: FloodService;
  handover: HandoverService;
  cockpit: CockpitService;
}

/** Something the console starts after its services and stops before the store closes (broker, simulators…). */
export interface ConsolePart {
  name: string;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

export interface LianqinConsole {
  /** this console's global id (replicas tell events apart by it) */
  readonly id: string;
  readonly dataDir: string;
  readonly version: string;
  readonly db: Db;
  readonly services: ConsoleServices;
  /** the one serving edge for IPC and the WebSocket */
  readonly dispatcher: Dispatcher;
  /** host-side access for the season loader, benchmarks and tests */
  readonly ledger: Ledger;
  readonly ids: IdSource;
  readonly now: () => number;
  /** resolves when the store is seeded and the console is ready; rejects when seeding failed */
  readonly ready: Promise<void>;
  /** HTTP routes and WebSocket endpoints the console's parts add; the host serves them */
  readonly routes: RouteDef[];
  readonly upgrades: UpgradeHandler[];
  /** the MQTT bus (broker and client) */
  readonly bus: Bus;
  /** drone adapters and, when on, the dock simulators */
  readonly drones: DronesParts & { simulators: DockSimulators | null };
  /** video platforms, the simulator's stream endpoints and the video service */
  readonly video: ConsoleVideo;
  /** map layers, web sources with their caches, region downloads */
  readonly maps: ConsoleMaps;
  /** field data packages (the on-site laptop): export, import, the laptop's journal back */
  readonly fieldPackages: ConsoleFieldPackages;
  /** the roster and sessions */
  readonly officers: ConsoleOfficers;
  /** platform reports taken once by their own id (HTTP and the bus) */
  readonly reports: ConsoleReports;
  /** several consoles, one board: the authority or replica role */
  readonly replication: ConsoleReplication;
  /** sensors, alarms, grading, flood watch, handover and cockpit layouts */
  readonly watch: ConsoleWatch;
  close(): Promise<void>;
}

class Closing extends Error {}

export function createConsole(opts: ConsoleOptions): LianqinConsole {
  const log = opts.log ?? ((l: string) => console.log(l));
  const now = opts.now ?? Date.now;
  const db = openConsoleDb(opts.dataDir, log, opts.nativeBinding);
  const id = consoleIdOf(db);
  const ids = createIdSource(opts.random);

  const referenceRepo = new ReferenceRepo(db);
  const reference = new ReferenceService(referenceRepo);
  const ledger = new Ledger(db, { reference: () => reference.snapshot(), ids, consoleId: id });
  if (ledger.ensureProjections()) log('[store] incident projections rebuilt from the event log (new fields)');
  const officers = createOfficers(
    { db, dataDir: opts.dataDir, consoleId: id, now, log, roster: seededRoster() },
    opts.officers,
  );
  const system = new SystemService(db, referenceRepo, opts.version);
  const riskmap = new RiskMapService(new RiskPointRepo(db), reference, referenceRepo);
  const dispatch = new DispatchService({
    db,
    ledger,
    now,
    ids,
    evidence: new EvidenceStore(path.join(opts.dataDir, 'evidence')),
    sessionActor: () => officers.service.currentActor(),
  });
  const workspace = new WorkspaceService({
    repo: new WorkspaceRepo(db),
    now,
    locateIncident: (incidentId) => {
      const i = ledger.get(incidentId);
      return i ? { lon: i.report.lon, lat: i.report.lat } : null;
    },
  });
  const bus = new Bus({
    dataDir: opts.dataDir,
    consoleId: id,
    version: opts.version,
    brokerUrl: opts.brokerUrl,
    mqttPort: opts.mqttPort,
    log,
    now,
  });
  const drones = createDrones({
    db,
    bus,
    ids,
    now,
    log,
    nests: () => referenceRepo.nests(),
    publicUrl: opts.publicUrl ?? 'http://127.0.0.1:4510',
    mavlinkUdpPort: opts.mavlinkUdpPort,
    serviceTimeoutMs: opts.droneServiceTimeoutMs,
  });
  const simulators =
    opts.simulateDocks === false
      ? null
      : new DockSimulators({
          nests: () => referenceRepo.nests(),
          connection: () => bus.connection(),
          now,
          speed: opts.simSpeed,
          log,
          // a simulated push reaches the embedded video simulator, which then serves uav-<sn> like a camera
          live: { start: (sn) => drones.streams.started(sn), stop: (sn) => drones.streams.stopped(sn) },
          // the in-console docks read wayline files straight from the service; others fetch the URL
          fetchFile: async (url) => {
            const m = /\/api\/drones\/waylines\/([\w-]+)\.kmz$/.exec(url);
            const f = m ? drones.service.waylineFile(m[1]) : null;
            if (f) return f.kmz;
            const r = await fetch(url);
            if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
            return new Uint8Array(await r.arrayBuffer());
          },
        });
  const replication = createReplication(
    {
      db,
      bus,
      ledger,
      dispatch,
      consoleId: id,
      now,
      newId: () => ids.next(now()),
      log,
      officers,
      dataDir: opts.dataDir,
    },
    opts.replication,
  );
  const busService = new BusService(bus);
  const cameraRepo = new CameraRepo(db);
  const video = createVideo(
    {
      db,
      dataDir: opts.dataDir,
      cameras: cameraRepo,
      now,
      newId: () => ids.next(now()),
      incidentExists: (incidentId) => ledger.get(incidentId) !== null,
      log,
      extraStreams: (streamId) => (drones.streams.isLive(streamId) ? { status: 'online', codec: 'h264' } : null),
      // a snapshot goes on the incident's timeline as evidence (dispatch's `attach` command)
      attachToIncident: async (incidentId, evidence) => {
        for (let tries = 0; ; tries++) {
          const i = ledger.get(incidentId);
          if (!i) throw new Error(`no incident ${incidentId}`);
          try {
            await dispatch.command(incidentId, i.version, { type: 'attach', evidence });
            return;
          } catch (e) {
            // someone changed the incident between reading its version and attaching: read it again once
            if (tries > 0 || (e as { code?: string }).code !== 'conflict') throw e;
          }
        }
      },
    },
    opts.video,
  );
  const maps = createMaps(
    {
      db,
      dataDir: opts.dataDir,
      now,
      newId: () => ids.next(now()),
      log,
      schematic: schematicData(),
      area: {
        // read when asked: on a first start the seed writes them after the console is built
        get towns() {
          return referenceRepo.towns();
        },
        get outline() {
          return referenceRepo.mapLayers().outline.ring;
        },
        incident: (incidentId) => {
          const i = ledger.get(incidentId);
          return i ? { lon: i.report.lon, lat: i.report.lat, ref: i.ref } : null;
        },
      },
      sqlite: { nativeBinding: opts.nativeBinding },
    },
    opts.maps,
  );
  const riskPointRepo = new RiskPointRepo(db);
  const fieldPackages = createFieldPackages({
    db,
    dataDir: opts.dataDir,
    consoleId: id,
    version: opts.version,
    now,
    newId: () => ids.next(now()),
    log,
    ledger,
    incident: (incidentId) => ledger.get(incidentId),
    timeline: (incidentId) => ledger.timeline(incidentId),
    announce: (incidents) => incidents.forEach((i) => dispatch.announce(i)),
    focus: (lon, lat) => workspace.focusPoint(lon, lat),
    riskPoints: (bbox) => riskPointRepo.query({ bbox, limit: 50_000 }),
    cameras: () => cameraRepo.list(),
    nests: () => referenceRepo.nests(),
    docks: () => drones.service.listDocks(),
    categories: () => referenceRepo.categories(),
    plan: (planId) => referenceRepo.plan(planId),
    snapshots: new SnapshotStore(db, opts.dataDir),
    tiles: maps,
  });
  const watch = createWatch(
    {
      db,
      dataDir: opts.dataDir,
      bus,
      ids,
      now,
      log,
      sessionActor: () => officers.service.currentActor(),
      dispatch,
      point: (pointId) => riskmap.getPoint(pointId),
      categories: () => referenceRepo.categories(),
      plan: (planId) => referenceRepo.plan(planId),
      towns: () => referenceRepo.towns(),
      mapLayers: () => referenceRepo.mapLayers(),
      cameras: cameraRepo,
    },
    opts.watch,
  );
  const services: ConsoleServices = {
    system,
    reference,
    riskmap,
    cameras: new CameraService(cameraRepo),
    dispatch,
    workspace,
    bus: busService,
    drones: drones.service,
    video: video.service,
    maps: maps.service,
    fieldPackages: fieldPackages.service,
    session: officers.service,
    replication: replication.service,
    ...watch.services,
  };
  const dispatcher = createDispatcher(services, log, (channel) => officers.service.authorize(channel));
  const reports = createReports(
    { db, bus, dispatch, incident: (incidentId) => ledger.get(incidentId), now, log },
    // on one broker only the authority takes the platforms' reports, or each console would take them
    replication.mode === 'replica' ? { ...opts.reports, overBus: false } : opts.reports,
  );
  const parts: ConsolePart[] = [
    bus,
    replication,
    ...drones.parts,
    ...(simulators ? [simulators] : []),
    ...video.parts,
    ...maps.parts,
    ...reports.parts,
    ...watch.parts,
  ];

  let closing = false;
  const basePause = opts.seed?.pause ?? (() => new Promise<void>((r) => setImmediate(r)));
  const pause = async () => {
    if (closing) throw new Closing('the console is closing');
    await basePause();
    if (closing) throw new Closing('the console is closing');
  };
  const onProgress = seedLogger(log, (p: SeedProgress) => system.reportSeed(p), opts.tty ?? null);
  const ready = bootStore(
    {
      db,
      ledger,
      now,
      onReseeded: () => {
        reference.invalidate();
        riskmap.invalidate();
        video.service.invalidate();
      },
    },
    // a replica learns the season from the authority, not from its own generator
    { ...opts.seed, ...(replication.mode === 'replica' ? { historyCount: 0 } : {}), pause, onProgress },
  ).then(
    async (r) => {
      if (r.seeded) log(`[seed] district seeded in ${Math.round(r.ms)} ms`);
      for (const p of parts) await p.start();
    },
    (e) => {
      if (e instanceof Closing) return;
      system.reportSeed({ phase: 'error', step: 'seed', done: 0, total: 1, message: (e as Error).message });
      log(`[seed] failed: ${(e as Error).message}`);
      throw e;
    },
  );
  ready.catch(() => {});

  return {
    id,
    dataDir: opts.dataDir,
    version: opts.version,
    db,
    services,
    dispatcher,
    ledger,
    ids,
    now,
    ready,
    routes: [
      ...droneRoutes({ drones: drones.service, bus: busService }),
      ...videoRoutes(video.service),
      ...video.routes,
      ...maps.routes,
      ...fieldPackages.routes,
      ...officerRoutes({ session: officers.service, dispatch }),
      ...watch.routes,
    ],
    upgrades: [...video.upgrades],
    bus,
    drones: { ...drones, simulators },
    video,
    maps,
    fieldPackages,
    officers,
    reports,
    replication,
    watch,
    async close() {
      closing = true;
      await ready.catch(() => {});
      await officers.ready;
      for (const p of [...parts].reverse()) await p.stop();
      db.close();
    },
  };
}
