// H.264 Annex B elementary streams: NAL units, access units (frames), and what containers need from
// the parameter sets (the avcC record, the RFC 6381 codec string).

export const NAL = { slice: 1, idr: 5, sei: 6, sps: 7, pps: 8, aud: 9 } as const;

export const nalType = (nal: Uint8Array): number => nal[0] & 0x1f;

/** NAL units without their start codes (3- or 4-byte), trailing zero bytes dropped. */
export function splitAnnexB(buf: Uint8Array): Uint8Array[] {
  const starts: { at: number; len: number }[] = [];
  for (let i = 0; i + 2 < buf.length; i++) {
    if (buf[i] === 0 && buf[i + 1] === 0 && buf[i + 2] === 1) {
      starts.push({ at: i, len: 3 });
      i += 2;
    }
  }
  const out: Uint8Array[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k].at + starts[k].len;
    let to = k + 1 < starts.length ? starts[k + 1].at : buf.length;
    while (to > from && buf[to - 1] === 0) to--;
    if (to > from) out.push(buf.subarray(from, to));
  }
  return out;
}

export interface AccessUnit {
  /** every NAL of the frame in stream order (AUD, parameter sets, SEI, slices) */
  nals: Uint8Array[];
  key: boolean;
}

/** Frames of a stream that has an access-unit delimiter before every frame (x264 `aud=1`). */
export function accessUnits(nals: readonly Uint8Array[]): AccessUnit[] {
  const out: AccessUnit[] = [];
  let cur: Uint8Array[] | null = null;
  for (const n of nals) {
    if (nalType(n) === NAL.aud || cur === null) {
      cur = [];
      out.push({ nals: cur, key: false });
    }
    cur.push(n);
    if (nalType(n) === NAL.idr) out[out.length - 1].key = true;
  }
  return out.filter((au) => au.nals.some((n) => nalType(n) === NAL.slice || nalType(n) === NAL.idr));
}

/** The picture NALs only (what FLV carries per frame; parameter sets travel in the sequence header). */
export function pictureNals(au: AccessUnit): Uint8Array[] {
  return au.nals.filter((n) => nalType(n) === NAL.slice || nalType(n) === NAL.idr);
}

/** "avc1.PPCCLL" from the SPS (profile, constraint flags, level). */
export function codecString(sps: Uint8Array): string {
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  return `avc1.${hex(sps[1])}${hex(sps[2])}${hex(sps[3])}`;
}

/** AVCDecoderConfigurationRecord (ISO/IEC 14496-15) for one SPS and one PPS, 4-byte NAL lengths. */
export function avcDecoderConfig(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + sps.length + pps.length);
  out.set([1, sps[1], sps[2], sps[3], 0xff, 0xe1, sps.length >> 8, sps.length & 0xff]);
  out.set(sps, 8);
  let at = 8 + sps.length;
  out.set([1, pps.length >> 8, pps.length & 0xff], at);
  at += 3;
  out.set(pps, at);
  return out;
}

/** Length-prefixed (4 bytes, big-endian) NALs, as FLV and MP4 carry them. */
export function lengthPrefixed(nals: readonly Uint8Array[]): Uint8Array {
  const size = nals.reduce((s, n) => s + 4 + n.length, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let at = 0;
  for (const n of nals) {
    dv.setUint32(at, n.length);
    out.set(n, at + 4);
    at += 4 + n.length;
  }
  return out;
}

/** Annex B bytes (4-byte start codes), as MPEG-TS carries them. */
export function annexB(nals: readonly Uint8Array[]): Uint8Array {
  const size = nals.reduce((s, n) => s + 4 + n.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const n of nals) {
    out.set([0, 0, 0, 1], at);
    out.set(n, at + 4);
    at += 4 + n.length;
  }
  return out;
}
