import { describe, expect, it } from 'vitest';
import {
  accessUnits,
  annexB,
  avcDecoderConfig,
  codecString,
  lengthPrefixed,
  splitAnnexB,
} from '../../../../electron/node/video/media/h264';
import { avcFrameTag, flvHeader, metadataTag } from '../../../../electron/node/video/media/flv';
import { crc32Mpeg2, pesPacketCount, TsMuxer } from '../../../../electron/node/video/media/mpegts';

const sps = new Uint8Array([0x67, 0x4d, 0x40, 0x1e, 0xaa, 0xbb]);
const pps = new Uint8Array([0x68, 0xee, 0x3c, 0x80]);
const aud = new Uint8Array([0x09, 0xf0]);
const idr = new Uint8Array([0x65, 1, 2, 3]);
const p = new Uint8Array([0x41, 9, 8]);

describe('H.264 Annex B', () => {
  it('splits 3- and 4-byte start codes, drops trailing zeros, groups frames by AUD, finds key frames', () => {
    const stream = new Uint8Array([
      0,
      0,
      0,
      1,
      ...aud,
      0,
      0,
      1,
      ...sps,
      0,
      0,
      0,
      1,
      ...pps,
      0,
      0,
      1,
      ...idr,
      0,
      0,
      0,
      0,
      1,
      ...aud,
      0,
      0,
      1,
      ...p,
    ]);
    const nals = splitAnnexB(stream);
    expect(nals.map((n) => Array.from(n))).toEqual([aud, sps, pps, idr, aud, p].map((n) => Array.from(n)));
    const aus = accessUnits(nals);
    expect(aus.map((a) => [a.key, a.nals.length])).toEqual([
      [true, 4],
      [false, 2],
    ]);
  });

  it('codec string and avcC come from the SPS', () => {
    expect(codecString(sps)).toBe('avc1.4d401e');
    const c = avcDecoderConfig(sps, pps);
    expect(Array.from(c.subarray(0, 8))).toEqual([1, 0x4d, 0x40, 0x1e, 0xff, 0xe1, 0, sps.length]);
    expect(c.length).toBe(11 + sps.length + pps.length);
  });

  it('length-prefixed and Annex B forms carry the same NALs', () => {
    expect(Array.from(lengthPrefixed([idr, p]))).toEqual([0, 0, 0, 4, ...idr, 0, 0, 0, 3, ...p]);
    expect(splitAnnexB(annexB([idr, p])).map((n) => Array.from(n))).toEqual([Array.from(idr), Array.from(p)]);
  });
});

describe('FLV', () => {
  it('header, tag layout with 32-bit timestamps and the previous-tag-size trailer', () => {
    expect(Array.from(flvHeader())).toEqual([0x46, 0x4c, 0x56, 1, 1, 0, 0, 0, 9, 0, 0, 0, 0]);
    const body = lengthPrefixed([p]);
    const t = avcFrameTag(false, 0x01020304, body);
    expect(t[0]).toBe(9);
    expect((t[1] << 16) | (t[2] << 8) | t[3]).toBe(5 + body.length);
    expect([t[4], t[5], t[6], t[7]]).toEqual([0x02, 0x03, 0x04, 0x01]); // low 24 bits, then the extension
    expect([t[11], t[12]]).toEqual([0x27, 1]); // inter frame + AVC, NALU packet
    const dv = new DataView(t.buffer);
    expect(dv.getUint32(t.length - 4)).toBe(t.length - 4);
  });

  it('onMetaData is an AMF0 string and ECMA array', () => {
    const t = metadataTag({ width: 640, framerate: 25, encoder: 'x' });
    expect(t[0]).toBe(18);
    expect(Buffer.from(t.subarray(11, 11 + 13)).toString('latin1')).toBe('\u0002\u0000\u000aonMetaData');
    expect(t[24]).toBe(0x08);
    expect(Array.from(t.subarray(t.length - 7, t.length - 4))).toEqual([0, 0, 9]);
  });
});

describe('MPEG-TS', () => {
  it('CRC-32/MPEG-2 of the check string is 0x0376E6E7', () => {
    expect(crc32Mpeg2(new TextEncoder().encode('123456789'))).toBe(0x0376e6e7);
  });

  it('188-byte packets with sync bytes; PSI sections carry a valid CRC; PES sizes match the count', () => {
    for (const size of [1, 150, 162, 163, 176, 300, 1_000, 5_000]) {
      const mux = new TsMuxer({ tables: 3, video: 14 });
      mux.writeTables();
      const frame = new Uint8Array(size).fill(7);
      mux.writeVideo(frame, 90_000, true);
      const out = mux.flush();
      expect(out.length % 188).toBe(0);
      const packets = out.length / 188;
      for (let i = 0; i < packets; i++) expect(out[i * 188]).toBe(0x47);
      expect(packets - 2).toBe(pesPacketCount(size));
      // PAT: section length from byte 6; CRC over the section equals its last four bytes
      const len = ((out[6] & 0x0f) << 8) | out[7];
      const section = out.subarray(5, 5 + 3 + len);
      expect(crc32Mpeg2(section.subarray(0, section.length - 4))).toBe(
        new DataView(section.buffer, section.byteOffset).getUint32(section.length - 4),
      );
      // continuity counters start where asked and count on
      expect(out[3] & 0x0f).toBe(3);
      expect(out[2 * 188 + 3] & 0x0f).toBe(14);
      if (packets > 3) expect(out[3 * 188 + 3] & 0x0f).toBe(15);
      // the payload, unwrapped, is the PES header plus the frame
      let payload: number[] = [];
      for (let i = 2; i < packets; i++) {
        const pk = out.subarray(i * 188, (i + 1) * 188);
        const start = pk[3] & 0x20 ? 5 + pk[4] : 4;
        payload = payload.concat(Array.from(pk.subarray(start)));
      }
      expect(payload.length).toBe(14 + size);
      expect(payload.slice(0, 4)).toEqual([0, 0, 1, 0xe0]);
      expect(payload.slice(14).every((b) => b === 7)).toBe(true);
    }
  });
});
