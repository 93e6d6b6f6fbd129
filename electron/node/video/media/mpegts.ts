// MPEG-TS for HLS segments: PAT, PMT (one H.264 stream) and PES packets cut into 188-byte packets,
// with PCR on the video PID and the random-access flag on key frames. Timestamps are 90 kHz.

const PACKET = 188;
const PID_PAT = 0x0000;
const PID_PMT = 0x1000;
export const PID_VIDEO = 0x0100;
const STREAM_TYPE_H264 = 0x1b;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32/MPEG-2 (no reflection, no final xor), as PSI sections carry it. */
export function crc32Mpeg2(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]) >>> 0;
  return crc >>> 0;
}

/** TS packets one frame of `annexBLength` bytes takes (the first carries PCR, so 8 bytes less payload). */
export function pesPacketCount(annexBLength: number): number {
  const pes = 14 + annexBLength;
  return pes <= 176 ? 1 : 1 + Math.ceil((pes - 176) / 184);
}

export class TsMuxer {
  private readonly cc = new Map<number, number>();
  private readonly packets: Uint8Array[] = [];

  /** Continuity counters to start from, so consecutive segments made separately still count on. */
  constructor(start: { tables?: number; video?: number } = {}) {
    this.cc.set(PID_PAT, (start.tables ?? 0) & 0x0f);
    this.cc.set(PID_PMT, (start.tables ?? 0) & 0x0f);
    this.cc.set(PID_VIDEO, (start.video ?? 0) & 0x0f);
  }

  private nextCc(pid: number): number {
    const c = this.cc.get(pid) ?? 0;
    this.cc.set(pid, (c + 1) & 0x0f);
    return c;
  }

  private psi(pid: number, section: Uint8Array): void {
    const pkt = new Uint8Array(PACKET).fill(0xff);
    pkt[0] = 0x47;
    pkt[1] = 0x40 | (pid >> 8);
    pkt[2] = pid & 0xff;
    pkt[3] = 0x10 | this.nextCc(pid);
    pkt[4] = 0; // pointer field
    pkt.set(section, 5);
    this.packets.push(pkt);
  }

  private section(tableId: number, idExt: number, body: number[]): Uint8Array {
    const length = 5 + body.length + 4;
    const s = new Uint8Array(3 + length);
    s.set([tableId, 0xb0 | (length >> 8), length & 0xff, idExt >> 8, idExt & 0xff, 0xc1, 0, 0, ...body]);
    const crc = crc32Mpeg2(s.subarray(0, s.length - 4));
    new DataView(s.buffer).setUint32(s.length - 4, crc);
    return s;
  }

  /** PAT and PMT: at the start of every segment, so each one can be decoded on its own. */
  writeTables(): void {
    this.psi(PID_PAT, this.section(0x00, 1, [0x00, 0x01, 0xe0 | (PID_PMT >> 8), PID_PMT & 0xff]));
    this.psi(
      PID_PMT,
      this.section(0x02, 1, [
        0xe0 | (PID_VIDEO >> 8),
        PID_VIDEO & 0xff,
        0xf0,
        0x00,
        STREAM_TYPE_H264,
        0xe0 | (PID_VIDEO >> 8),
        PID_VIDEO & 0xff,
        0xf0,
        0x00,
      ]),
    );
  }

  /** One frame (Annex B bytes) as a PES packet; PTS = DTS (no B-frames). */
  writeVideo(annexB: Uint8Array, pts90k: number, key: boolean): void {
    const header = new Uint8Array(14);
    header.set([0, 0, 1, 0xe0, 0, 0, 0x80, 0x80, 5]);
    writeTimestamp(header, 9, 0x2, pts90k);
    const pes = new Uint8Array(header.length + annexB.length);
    pes.set(header);
    pes.set(annexB, header.length);
    let at = 0;
    let first = true;
    while (at < pes.length) {
      const pkt = new Uint8Array(PACKET);
      pkt[0] = 0x47;
      pkt[1] = (first ? 0x40 : 0) | (PID_VIDEO >> 8);
      pkt[2] = PID_VIDEO & 0xff;
      // adaptation field: PCR (and random access on key frames) in the first packet; stuffing in the last
      let adapt: number[] | null = null;
      if (first) {
        const pcr = Math.max(0, pts90k - 9_000); // the clock leads presentation by 100 ms
        adapt = [(key ? 0x40 : 0) | 0x10, ...pcrBytes(pcr)];
      }
      const room = PACKET - 4 - (adapt ? 1 + adapt.length : 0);
      const left = pes.length - at;
      if (left < room) {
        // stuff the adaptation field so the payload ends the packet exactly
        const total = PACKET - 4 - left; // adaptation field size, its length byte included
        adapt ??= total >= 2 ? [0x00] : [];
        while (1 + adapt.length < total) adapt.push(0xff);
      }
      pkt[3] = (adapt ? 0x30 : 0x10) | this.nextCc(PID_VIDEO);
      let p = 4;
      if (adapt) {
        pkt[p++] = adapt.length;
        pkt.set(adapt, p);
        p += adapt.length;
      }
      const take = PACKET - p;
      pkt.set(pes.subarray(at, at + take), p);
      at += take;
      first = false;
      this.packets.push(pkt);
    }
  }

  /** Everything written so far, and a fresh start (continuity counters carry on). */
  flush(): Uint8Array {
    const out = new Uint8Array(this.packets.length * PACKET);
    this.packets.forEach((p, i) => out.set(p, i * PACKET));
    this.packets.length = 0;
    return out;
  }
}

function writeTimestamp(buf: Uint8Array, at: number, prefix: number, ts: number): void {
  const t = ts % 2 ** 33;
  const hi = Math.floor(t / 2 ** 30) & 0x7;
  const mid = Math.floor(t / 2 ** 15) & 0x7fff;
  const lo = t & 0x7fff;
  buf[at] = (prefix << 4) | (hi << 1) | 1;
  buf[at + 1] = mid >> 7;
  buf[at + 2] = ((mid & 0x7f) << 1) | 1;
  buf[at + 3] = lo >> 7;
  buf[at + 4] = ((lo & 0x7f) << 1) | 1;
}

function pcrBytes(pcr90k: number): number[] {
  const base = pcr90k % 2 ** 33;
  const hi = Math.floor(base / 2); // top 32 bits of the 33-bit base
  return [(hi >>> 24) & 0xff, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff, ((base & 1) << 7) | 0x7e, 0x00];
}
