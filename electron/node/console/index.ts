// The composition root: builds one console — store, repositories, services, (later) the broker,
// adapters and simulators — with every dependency passed in, and hands it to the Electron main
// process or the console host. Start-up order, readiness and shutdown live here and nowhere else.
import path from 'node:path';
import type { SeedProgress } from '../../common/dto';
import { createIdSource } from '../../common/ids';
import { Bus } from '../bus/index';
import { BusService } from '../bus/service';
import { CameraRepo } from '../cameras/repo';
import { CameraService } from '../cameras/service';
import { EvidenceStore } from '../dispatch/evidence';
import { Ledger } from '../dispatch/ledger';
import { DispatchService } from '../dispatch/service';
import { createDrones } from '../drones/index';
import { droneRoutes } from '../host/routes/drones';
import { officerRoutes } from '../host/routes/officers';
import { createOfficers } from '../officers/index';
import { createReports } from '../reports/index';
import { seededRoster } from '../seed/officers';
import { ReferenceRepo } from '../reference/repo';
import { ReferenceService } from '../reference/service';
import { RiskPointRepo } from '../riskmap/repo';
import { RiskMapService } from '../riskmap/service';
import { createDispatcher } from '../rpc/dispatcher';
import { bootStore } from '../seed/boot';
import { DockSimulators } from '../simulators/index';
import { SystemService } from '../system/service';
import { WorkspaceRepo } from '../workspace/repo';
import { WorkspaceService } from '../workspace/service';
import { createVideo } from '../video/index';
import { videoRoutes } from '../host/routes/video';
import { schematicData } from '../seed/basemap';
import { createFieldPackages } from '../packages/index';
import { createMaps } from '../tiles/index';
import { SnapshotStore } from '../video/snapshots';
import { createReplication } from '../replication/index';
import { createWatch } from '../watch/index';
import { consoleIdOf, openConsoleDb } from './store';
import { seedLogger } from './progress';
import type { ConsoleOptions, ConsolePart, ConsoleServices, LianqinConsole } from './types';

export type { ConsoleOptions, ConsoleServices, ConsolePart, LianqinConsole } from './types';

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
