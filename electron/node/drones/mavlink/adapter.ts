// MAVLink over UDP (`--mavlink-udp <port>`; PX4 / ArduPilot open docks): parses frames with node-mavlink
// and keeps each system as an aircraft (sn `MAV-<sysid>`), the same type DJI aircraft have. A link is
// lost after 5 s without a HEARTBEAT (they come at ~1 Hz).
import dgram from 'node:dgram';
import { MavLinkPacketParser, MavLinkPacketSplitter, common, minimal, type MavLinkPacket } from 'node-mavlink';
import { emptyAircraft } from '../../../common/drones/normalise';
import type { AircraftState } from '../../../common/drones/types';
import type { IngestCounters } from '../../bus/ingest';
import type { DroneRegistry } from '../registry';
import { MSG, decodeBattery, decodeGlobalPosition, decodeHeartbeat, type Decoded } from './decode';

export const MAVLINK_SOURCE = 'mavlink';
export const LINK_LOST_MS = 5_000;

export interface MavlinkDeps {
  port: number;
  host?: string;
  ingest: IngestCounters;
  registry: DroneRegistry;
  now: () => number;
  log?: (line: string) => void;
  onAircraft(a: AircraftState): void;
}

export const mavlinkSn = (sysid: number): string => `MAV-${sysid}`;

export class MavlinkAdapter {
  readonly name = 'mavlink';
  private socket: dgram.Socket | null = null;
  private splitter: MavLinkPacketSplitter | null = null;
  private readonly lastHeartbeat = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  port = 0;

  constructor(private readonly d: MavlinkDeps) {
    d.ingest.declare(MAVLINK_SOURCE);
  }

  async start(): Promise<void> {
    const splitter = new MavLinkPacketSplitter(
      {},
      {
        onCrcError: () => this.d.ingest.reject(MAVLINK_SOURCE, 'crc', 'checksum mismatch', 'udp'),
      },
    );
    const parser = splitter.pipe(new MavLinkPacketParser());
    parser.on('data', (p: MavLinkPacket) => this.handle(p));
    splitter.on('error', (e) => this.d.log?.(`[mavlink] ${e.message}`));
    this.splitter = splitter;
    // telemetry comes in bursts: ask for a roomy receive buffer (the kernel caps it at rmem_max)
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
    socket.on('message', (buf) => splitter.write(buf));
    socket.on('error', (e) => this.d.log?.(`[mavlink] socket: ${e.message}`));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.d.port, this.d.host ?? '0.0.0.0', () => {
        socket.off('error', reject);
        resolve();
      });
    });
    this.socket = socket;
    this.port = socket.address().port;
    this.d.log?.(`[mavlink] listening on udp ${this.d.host ?? '0.0.0.0'}:${this.port}`);
    this.timer = setInterval(() => this.checkLinks(), 1_000);
  }

  /** Feeds raw bytes as if they came over the link (tests replay logs through this or over UDP). */
  feed(buf: Buffer): void {
    this.splitter?.write(buf);
  }

  private handle(p: MavLinkPacket): void {
    try {
      let r: Decoded | null = null;
      switch (p.header.msgid) {
        case MSG.HEARTBEAT:
          r = decodeHeartbeat(p.protocol.data(p.payload, minimal.Heartbeat));
          break;
        case MSG.GLOBAL_POSITION_INT:
          r = decodeGlobalPosition(p.protocol.data(p.payload, common.GlobalPositionInt));
          break;
        case MSG.SYS_STATUS:
          r = decodeBattery(p.protocol.data(p.payload, common.SysStatus).batteryRemaining);
          break;
        case MSG.BATTERY_STATUS:
          r = decodeBattery(p.protocol.data(p.payload, common.BatteryStatus).batteryRemaining);
          break;
        default:
          this.d.ingest.accept(MAVLINK_SOURCE); // valid frame the console has no use for
          return;
      }
      if (!r.ok) return this.d.ingest.reject(MAVLINK_SOURCE, r.reason, r.detail, `sysid ${p.header.sysid}`);
      const sn = mavlinkSn(p.header.sysid);
      const now = this.d.now();
      if (p.header.msgid === MSG.HEARTBEAT) this.lastHeartbeat.set(sn, now);
      const prev = this.d.registry.aircraft.get(sn) ?? emptyAircraft(sn, 'mavlink', null, now);
      const next: AircraftState = { ...prev, ...r.patch, online: true, updatedAt: now };
      this.d.registry.putAircraft(next);
      this.d.ingest.accept(MAVLINK_SOURCE);
      this.d.onAircraft(next);
    } catch (e) {
      this.d.ingest.reject(MAVLINK_SOURCE, 'bad-frame', (e as Error).message, `msgid ${p.header.msgid}`);
    }
  }

  private checkLinks(): void {
    const now = this.d.now();
    for (const [sn, at] of this.lastHeartbeat) {
      if (now - at <= LINK_LOST_MS) continue;
      const a = this.d.registry.aircraft.get(sn);
      if (a?.online) {
        const lost = { ...a, online: false };
        this.d.registry.putAircraft(lost);
        this.d.onAircraft(lost);
        this.d.log?.(`[mavlink] link to ${sn} lost (no heartbeat for ${Math.round((now - at) / 1000)} s)`);
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) await new Promise<void>((r) => s.close(() => r()));
    this.splitter?.end();
    this.splitter = null;
  }
}
