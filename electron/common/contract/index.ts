// The service contract: one file per service (its interface and argument schemas), served identically
// over Electron IPC and the console host's WebSocket. A new service adds its file here and to CONTRACT.
import { alarmsContract, type IAlarmsService } from './alarms';
import type { ServiceContract } from './base';
import { busContract, type IBusService } from './bus';
import { camerasContract, type ICameraService } from './cameras';
import { cockpitContract, type ICockpitService } from './cockpit';
import { dispatchContract, type IDispatchService } from './dispatch';
import { dronesContract, type IDronesService } from './drones';
import { floodContract, type IFloodService } from './flood';
import { handoverContract, type IHandoverService } from './handover';
import { fieldPackagesContract, type IFieldPackagesService } from './fieldPackages';
import { mapsContract, type IMapsService } from './maps';
import { referenceContract, type IReferenceService } from './reference';
import { replicationContract, type IReplicationService } from './replication';
import { riskmapContract, type IRiskMapService } from './riskmap';
import { sensingContract, type ISensingService } from './sensing';
import { sessionContract, type ISessionService } from './session';
import { systemContract, type ISystemService } from './system';
import { videoContract, type IVideoService } from './video';
import { workspaceContract, type IWorkspaceService } from './workspace';

export * from './alarms';
export * from './base';
export * from './bus';
export * from './cameras';
export * from './cockpit';
export * from './dispatch';
export * from './drones';
export * from './flood';
export * from './handover';
export * from './fieldPackages';
export * from './maps';
export * from './reference';
export * from './replication';
export * from './riskmap';
export * from './sensing';
export * from './session';
export * from './system';
export * from './video';
export * from './workspace';

export interface ServiceMap {
  system: ISystemService;
  reference: IReferenceService;
  riskmap: IRiskMapService;
  cameras: ICameraService;
  dispatch: IDispatchService;
  workspace: IWorkspaceService;
  bus: IBusService;
  drones: IDronesService;
  video: IVideoService;
  maps: IMapsService;
  fieldPackages: IFieldPackagesService;
  session: ISessionService;
  replication: IReplicationService;
  sensing: ISensingService;
  alarms: IAlarmsService;
  flood: IFloodService;
  handover: IHandoverService;
  cockpit: ICockpitService;
}
export type ServiceName = keyof ServiceMap;

/** Every callable channel with its argument schema, and every event channel. */
export const CONTRACT = {
  system: systemContract,
  reference: referenceContract,
  riskmap: riskmapContract,
  cameras: camerasContract,
  dispatch: dispatchContract,
  workspace: workspaceContract,
  bus: busContract,
  drones: dronesContract,
  video: videoContract,
  maps: mapsContract,
  fieldPackages: fieldPackagesContract,
  session: sessionContract,
  replication: replicationContract,
  sensing: sensingContract,
  alarms: alarmsContract,
  flood: floodContract,
  handover: handoverContract,
  cockpit: cockpitContract,
} as const satisfies Record<ServiceName, ServiceContract>;

export type Channel = `${ServiceName}.${string}`;

export function methodChannels(): string[] {
  return Object.entries(CONTRACT).flatMap(([svc, def]) => Object.keys(def.methods).map((m) => `${svc}.${m}`));
}
export function eventChannels(): string[] {
  return Object.entries(CONTRACT).flatMap(([svc, def]) => (def.events as readonly string[]).map((e) => `${svc}.${e}`));
}
