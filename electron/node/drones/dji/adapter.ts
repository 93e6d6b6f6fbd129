// DJI Cloud API adapter: subscribes the device → cloud topics of every dock, validates each message
// (counted per reason when rejected, never thrown), keeps topology and state in the registry, answers
// what asks for an answer, and sends services with fresh tid/bid, waiting for services_reply.
import { DJI_INBOUND_FILTERS, djiTopic, parseDjiTopic, type DjiTopicKind } from '../../../common/bus/topics';
import {
  DOCK_OSD,
  KNOWN_EVENTS,
  KNOWN_REQUESTS,
  PROGRESS_EVENT,
  REPLY,
  UPDATE_TOPO,
  checkAircraftOsd,
  checkData,
  parseDjiPayload,
  type Envelope,
  type ProgressRaw,
  type UpdateTopoRaw,
} from '../../../common/drones/djiMessages';
import { describeResult } from '../../../common/drones/results';
import type { AircraftState, FlightProgress } from '../../../common/drones/types';
import type { BusClient } from '../../bus/client';
import type { IngestCounters } from '../../bus/ingest';
import { MAX_DEVICES, type DroneRegistry } from '../registry';
import type { DroneRepo } from '../repo';
import { ack, serviceMessage, type OutMessage } from './replies';

export const DJI_SOURCE = 'dji';
/** DJI: a service with no reply of the same tid within ~3 s is sent again */
export const SERVICE_RETRY_MS = 3_000;
/** topics remembered once read (a few per device); past this many the memory starts again */
const TOPIC_MEMORY = 4_096;

export interface DjiAdapterDeps {
  bus: BusClient;
  ingest: IngestCounters;
  registry: DroneRegistry;
  repo: DroneRepo;
  now: () => number;
  log?: (line: string) => void;
  onDock(sn: string): void;
  onAircraft(a: AircraftState): void;
  /** answers flighttask_resource_get: the wayline file of a flight the console prepared */
  waylineOf?(flightId: string): { url: string; fingerprint: string } | null;
}

export interface ServiceReply {
  result: number;
  status: string | null;
}

export class DjiAdapter {
  readonly name = 'dji';
  private offs: (() => void)[] = [];
  /** every message of a device comes on the same few topics: each is read once */
  private readonly topics = new Map<string, { sn: string; kind: DjiTopicKind }>();

  constructor(private readonly d: DjiAdapterDeps) {
    d.ingest.declare(DJI_SOURCE);
  }

  start(): void {
    for (const f of DJI_INBOUND_FILTERS)
      this.offs.push(this.d.bus.subscribe(f, (t, p) => this.handle(t, p), { qos: 0 }));
  }

  stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }

  private reject(reason: string, detail: string, topic: string): void {
    this.d.ingest.reject(DJI_SOURCE, reason, detail, topic);
  }

  private send(kind: DjiTopicKind, sn: string, m: OutMessage): void {
    this.d.bus
      .publish(djiTopic(kind, sn), m, { qos: 1 })
      .catch((e) => this.d.log?.(`[dji] ${kind} to ${sn} not sent: ${(e as Error).message}`));
  }

  /** One inbound message. Public for tests and the ingest benchmark. */
  handle(topic: string, payload: Uint8Array | string): void {
    try {
      this.handleUnsafe(topic, payload);
    } catch (e) {
      // a bug here must cost one message, not the adapter
      this.reject('internal', (e as Error).message, topic);
      this.d.log?.(`[dji] handling ${topic} failed: ${(e as Error).stack}`);
    }
  }

  private handleUnsafe(topic: string, payload: Uint8Array | string): void {
    let t = this.topics.get(topic);
    if (!t) {
      const read = parseDjiTopic(topic);
      if (!read) return this.reject('unexpected-topic', 'not a DJI Cloud API topic', topic);
      if (this.topics.size >= TOPIC_MEMORY) this.topics.clear();
      this.topics.set(topic, (t = read));
    }
    const parsed = parseDjiPayload(t.kind, payload);
    if (!parsed.ok) return this.reject(parsed.reason, parsed.detail, topic);
    const env = parsed.env;
    switch (t.kind) {
      case 'osd':
      case 'state':
        return this.onOsd(topic, t.sn, env);
      case 'status':
        return this.onStatus(topic, t.sn, env);
      case 'events':
        return this.onEvent(topic, t.sn, env);
      case 'requests':
        return this.onRequest(topic, t.sn, env);
      case 'services_reply':
        return this.onServiceReply(topic, t.sn, env);
      default:
        return this.reject('unexpected-topic', `the console does not read ${t.kind}`, topic);
    }
  }

  private onOsd(topic: string, sn: string, env: Envelope): void {
    const now = this.d.now();
    const gateway = env.gateway!;
    if (sn === gateway) {
      if (!this.d.registry.isDock(sn))
        return this.reject('unknown-device', `dock ${sn} has not announced itself (update_topo)`, topic);
      const err = checkData(env.data, DOCK_OSD);
      if (err) return this.reject('bad-field', err, topic);
      this.d.registry.applyDockOsd(sn, env.data, now);
      this.d.ingest.accept(DJI_SOURCE);
      this.d.onDock(sn);
      return;
    }
    if (!this.d.registry.isDock(gateway) || (this.d.registry.gatewayOfAircraft(sn) ?? gateway) !== gateway)
      return this.reject('unknown-device', `aircraft ${sn} is not announced under gateway ${gateway}`, topic);
    const err = checkAircraftOsd(env.data);
    if (err) return this.reject('bad-field', err, topic);
    const a = this.d.registry.applyAircraftOsd(sn, gateway, env.data, now);
    this.d.ingest.accept(DJI_SOURCE);
    this.d.onAircraft(a);
  }

  private onStatus(topic: string, sn: string, env: Envelope): void {
    if (env.method !== 'update_topo') return this.reject('unknown-method', `status method ${env.method}`, topic);
    const err = checkData(env.data, UPDATE_TOPO);
    if (err) return this.reject('bad-field', err, topic);
    const data = env.data as UpdateTopoRaw;
    const known = this.d.registry.isDock(sn);
    if (!known && this.d.registry.deviceCount >= MAX_DEVICES)
      return this.reject('too-many-devices', `refusing ${sn}: device limit reached`, topic);
    const now = this.d.now();
    const aircraftSn = data.sub_devices?.find((x) => x.sn)?.sn ?? null;
    this.d.registry.announce(sn, aircraftSn, now);
    this.d.repo.upsertDevice({ sn, kind: 'dock', gatewaySn: null, source: DJI_SOURCE }, now);
    if (aircraftSn)
      this.d.repo.upsertDevice({ sn: aircraftSn, kind: 'aircraft', gatewaySn: sn, source: DJI_SOURCE }, now);
    this.d.ingest.accept(DJI_SOURCE);
    if (!known) this.d.log?.(`[dji] dock ${sn} announced itself${aircraftSn ? ` with aircraft ${aircraftSn}` : ''}`);
    this.send('status_reply', sn, ack(env.tid, env.bid, 'update_topo', now));
    this.d.onDock(sn);
  }

  private onEvent(topic: string, sn: string, env: Envelope): void {
    const method = env.method!;
    if (!(KNOWN_EVENTS as readonly string[]).includes(method))
      return this.reject('unknown-method', `event ${method}`, topic);
    if (!this.d.registry.isDock(sn)) return this.reject('unknown-device', `dock ${sn} has not announced itself`, topic);
    const now = this.d.now();
    if (method === 'flighttask_progress' || method === 'fly_to_point_progress') {
      const err = checkData(env.data, PROGRESS_EVENT);
      if (err) return this.reject('bad-field', err, topic);
      this.d.registry.setFlight(sn, progressOf(method, env.data as ProgressRaw, now));
    }
    this.d.ingest.accept(DJI_SOURCE);
    if (env.need_reply === 1 || env.need_reply === true)
      this.send('events_reply', sn, ack(env.tid, env.bid, method, now));
    this.d.onDock(sn);
  }

  private onRequest(topic: string, sn: string, env: Envelope): void {
    const method = env.method!;
    if (!(KNOWN_REQUESTS as readonly string[]).includes(method))
      return this.reject('unknown-method', `request ${method}`, topic);
    if (!this.d.registry.isDock(sn)) return this.reject('unknown-device', `dock ${sn} has not announced itself`, topic);
    this.d.ingest.accept(DJI_SOURCE);
    let output: Record<string, unknown> = {};
    if (method === 'flighttask_resource_get') {
      const file = this.d.waylineOf?.(String((env.data as { flight_id?: unknown }).flight_id ?? ''));
      if (!file) {
        this.send('requests_reply', sn, { ...ack(env.tid, env.bid, method, this.d.now()), data: { result: 314013 } });
        return;
      }
      output = { file };
    }
    this.send('requests_reply', sn, ack(env.tid, env.bid, method, this.d.now(), output));
  }

  private onServiceReply(topic: string, sn: string, env: Envelope): void {
    const err = checkData(env.data, REPLY);
    if (err) return this.reject('bad-field', err, topic);
    if (typeof env.data.result !== 'number') return this.reject('bad-field', 'data.result is missing', topic);
    // matched to its service by tid in `call`
    this.d.ingest.accept(DJI_SOURCE);
    void sn;
  }

  /** The message for a service, ready to send (its tid/bid are recorded before it goes out). */
  prepare(method: string, data: Record<string, unknown>): OutMessage {
    return serviceMessage(method, data, this.d.now());
  }

  /** Sends a prepared service to a gateway and waits for its services_reply (same tid). */
  call(gatewaySn: string, m: OutMessage, timeoutMs: number): Promise<ServiceReply> {
    return this.d.bus.request<ServiceReply>({
      topic: djiTopic('services', gatewaySn),
      payload: m,
      replyFilter: djiTopic('services_reply', gatewaySn),
      timeoutMs,
      retryEveryMs: SERVICE_RETRY_MS,
      qos: 1,
      match: (_t, p) => {
        const r = JSON.parse(p.toString('utf8')) as {
          tid?: unknown;
          data?: { result?: unknown; output?: { status?: unknown } };
        };
        if (r.tid !== m.tid || typeof r.data?.result !== 'number') return undefined;
        return {
          result: r.data.result,
          status: typeof r.data.output?.status === 'string' ? r.data.output.status : null,
        };
      },
    });
  }
}

export function progressOf(method: string, d: ProgressRaw, at: number): FlightProgress {
  const result = d.result ?? 0;
  const message = result !== 0 ? describeResult(result).zh : null;
  if (method === 'fly_to_point_progress')
    return {
      kind: 'fly-to-point',
      status: d.status ?? 'in_progress',
      percent: null,
      resultCode: result,
      message,
      flightId: d.fly_to_id ?? null,
      at,
    };
  return {
    kind: 'wayline',
    status: d.output?.status ?? 'in_progress',
    percent: d.output?.progress?.percent ?? null,
    resultCode: result,
    message,
    flightId: d.output?.ext?.flight_id ?? null,
    at,
  };
}
