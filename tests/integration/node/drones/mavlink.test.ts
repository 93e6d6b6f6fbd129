// MAVLink over UDP: the sample logs that ship inside node-mavlink are replayed, packet by packet, to the
// console's `--mavlink-udp` port; each system becomes an aircraft of the same type DJI aircraft have.
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MavLinkPacketParser,
  MavLinkPacketSplitter,
  MavLinkTLogPacketSplitter,
  common,
  type MavLinkPacket,
} from 'node-mavlink';
import type { IngestStats } from '../../../../electron/common/bus/payloads';
import { aircraftStateSchema } from '../../../../electron/common/drones/types';
import { ROOT } from '../../../helpers/tmp';
import { startDroneHost, type DroneHost } from '../../../helpers/droneHost';

const EXAMPLES = path.join(ROOT, 'node_modules/node-mavlink/examples');

interface Frames {
  raw: Buffer[];
  lastPosition: { lat: number; lon: number; alt: number; relativeAlt: number; hdg: number } | null;
  lastBattery: number | null;
  sysids: Set<number>;
}

/** Splits a log into raw frames, and notes what the console should end up with. */
async function framesOf(file: string, tlog: boolean): Promise<Frames> {
  const splitter = tlog ? new MavLinkTLogPacketSplitter() : new MavLinkPacketSplitter();
  const raw: Buffer[] = [];
  splitter.on('data', (p: { buffer: Buffer }) => raw.push(Buffer.from(p.buffer)));
  const parser = Readable.from([fs.readFileSync(path.join(EXAMPLES, file))])
    .pipe(splitter)
    .pipe(new MavLinkPacketParser());
  const out: Frames = { raw, lastPosition: null, lastBattery: null, sysids: new Set() };
  parser.on('data', (p: MavLinkPacket) => {
    out.sysids.add(p.header.sysid);
    if (p.header.msgid === 33) out.lastPosition = p.protocol.data(p.payload, common.GlobalPositionInt);
    if (p.header.msgid === 1) {
      const b = p.protocol.data(p.payload, common.SysStatus).batteryRemaining;
      if (b >= 0) out.lastBattery = b;
    }
    if (p.header.msgid === 147) {
      const b = p.protocol.data(p.payload, common.BatteryStatus).batteryRemaining;
      if (b >= 0) out.lastBattery = b;
    }
  });
  await new Promise((r) => parser.on('end', r));
  return out;
}

describe('MAVLink over UDP, replaying the logs shipped with node-mavlink', () => {
  let h: DroneHost;
  let udp: dgram.Socket;
  beforeAll(async () => {
    h = await startDroneHost({ simulateDocks: false, mavlinkUdpPort: 0 });
    udp = dgram.createSocket('udp4');
  });
  afterAll(async () => {
    udp?.close();
    await h?.close();
  });

  const send = async (frames: Buffer[]) => {
    const port = h.console.drones.mavlink!.port;
    for (let i = 0; i < frames.length; i++) {
      await new Promise<void>((r, j) => udp.send(frames[i], port, '127.0.0.1', (e) => (e ? j(e) : r())));
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 1)); // stay inside the socket buffer
    }
  };
  const stats = async () => (await h.get<IngestStats>('/api/ingest/stats')).body.mavlink;

  for (const [file, tlog] of [
    ['mavlink-v2-3412-packets.bin', false],
    ['vtol.tlog', true],
  ] as const) {
    it(`${file}: every frame counted, the last position and battery become the aircraft's state`, async () => {
      const f = await framesOf(file, tlog);
      expect(f.raw.length).toBeGreaterThan(3_000);
      const before = await stats();
      await send(f.raw);
      await expect
        .poll(async () => (await stats()).accepted - before.accepted, { timeout: 30_000, interval: 200 })
        .toBe(f.raw.length);
      expect((await stats()).rejected).toBe(before.rejected);
      const sn = `MAV-${[...f.sysids][0]}`;
      const a = await h.aircraft(sn);
      expect(aircraftStateSchema.safeParse(a).success).toBe(true);
      expect(a.source).toBe('mavlink');
      expect(a.lat).toBeCloseTo(f.lastPosition!.lat / 1e7, 7);
      expect(a.lon).toBeCloseTo(f.lastPosition!.lon / 1e7, 7);
      expect(a.heightM).toBeCloseTo(f.lastPosition!.alt / 1000, 3);
      expect(a.elevationM).toBeCloseTo(f.lastPosition!.relativeAlt / 1000, 3);
      if (f.lastPosition!.hdg !== 65535) expect(a.headingDeg).toBeCloseTo(f.lastPosition!.hdg / 100, 2);
      if (f.lastBattery !== null) expect(a.batteryPct).toBe(f.lastBattery);
    }, 60_000);
  }

  it('a corrupted frame is rejected and counted as a checksum error', async () => {
    const f = await framesOf('mavlink-v2-3412-packets.bin', false);
    const bad = Buffer.from(f.raw.find((b) => b[0] === 0xfd && b[7] === 33)!);
    bad[bad.length - 3] ^= 0xff; // inside the payload: the CRC no longer matches
    const before = await stats();
    await send([bad]);
    await expect
      .poll(async () => (await stats()).byReason.crc ?? 0, { timeout: 5_000 })
      .toBe((before.byReason.crc ?? 0) + 1);
    expect((await stats()).accepted).toBe(before.accepted);
  });
});
