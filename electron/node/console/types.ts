// What a console is made of and how it is asked for: its options, its services, the parts it starts
// and stops, and the handle the Electron main process, the host and the tests hold.
import type { Db } from '../../../native/sqlite/open';
import type { ServiceMap } from '../../common/contract';
import type { IdSource } from '../../common/ids';
import type { Bus } from '../bus/index';
import type { BusService } from '../bus/service';
import type { CameraService } from '../cameras/service';
import type { Ledger } from '../dispatch/ledger';
import type { DispatchService } from '../dispatch/service';
import type { DronesParts } from '../drones/index';
import type { DronesService } from '../drones/service';
import type { ConsoleOfficers, OfficersOptions } from '../officers/index';
import type { SessionService } from '../officers/service';
import type { ConsoleReports, ReportsOptions } from '../reports/index';
import type { ReferenceService } from '../reference/service';
import type { RiskMapService } from '../riskmap/service';
import type { UpgradeHandler } from '../host/host';
import type { RouteDef } from '../host/router';
import type { Dispatcher } from '../rpc/dispatcher';
import type { BootOptions } from '../seed/boot';
import type { DockSimulators } from '../simulators/index';
import type { SystemService } from '../system/service';
import type { WorkspaceService } from '../workspace/service';
import type { ConsoleVideo, VideoOptions } from '../video/index';
import type { VideoService } from '../video/service';
import type { ConsoleFieldPackages } from '../packages/index';
import type { FieldPackagesService } from '../packages/service';
import type { ConsoleMaps, MapsOptions } from '../tiles/index';
import type { MapsService } from '../tiles/service';
import type { ConsoleReplication, ReplicationOptions } from '../replication/index';
import type { ReplicationService } from '../replication/service';
import type { AlarmsService } from '../alarms/service';
import type { CockpitService } from '../cockpit/service';
import type { FloodService } from '../flood/service';
import type { HandoverService } from '../handover/service';
import type { SensingService } from '../sensors/service';
import type { ConsoleWatch, WatchOptions } from '../watch/index';

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
