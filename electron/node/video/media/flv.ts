// FLV (video only, H.264): the file header, an onMetaData script tag (AMF0), the AVC sequence header
// and one tag per frame. What HTTP-FLV and WS-FLV send, byte for byte.

const TAG_VIDEO = 9;
const TAG_SCRIPT = 18;
const CODEC_AVC = 7;

/** 'FLV', version 1, video only, header size 9, then PreviousTagSize0 = 0. */
export function flvHeader(): Uint8Array {
  return new Uint8Array([0x46, 0x4c, 0x56, 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]);
}

/** One tag with its trailing PreviousTagSize. Timestamps are milliseconds (32 bits, extended byte last). */
export function flvTag(type: number, timestampMs: number, data: Uint8Array): Uint8Array {
  const ts = Math.max(0, Math.floor(timestampMs)) >>> 0;
  const out = new Uint8Array(11 + data.length + 4);
  const dv = new DataView(out.buffer);
  out[0] = type;
  out[1] = (data.length >> 16) & 0xff;
  out[2] = (data.length >> 8) & 0xff;
  out[3] = data.length & 0xff;
  out[4] = (ts >> 16) & 0xff;
  out[5] = (ts >> 8) & 0xff;
  out[6] = ts & 0xff;
  out[7] = (ts >>> 24) & 0xff;
  // stream id: 3 zero bytes
  out.set(data, 11);
  dv.setUint32(11 + data.length, 11 + data.length);
  return out;
}

/** AVC video tag body: frame type + codec, packet type (0 sequence header, 1 NALUs), composition time 0. */
function avcBody(key: boolean, packetType: 0 | 1, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = ((key ? 1 : 2) << 4) | CODEC_AVC;
  out[1] = packetType;
  out.set(payload, 5);
  return out;
}

export function avcSequenceHeaderTag(avcC: Uint8Array, timestampMs = 0): Uint8Array {
  return flvTag(TAG_VIDEO, timestampMs, avcBody(true, 0, avcC));
}

/** `nalus`: length-prefixed NAL units of one frame. */
export function avcFrameTag(key: boolean, timestampMs: number, nalus: Uint8Array): Uint8Array {
  return flvTag(TAG_VIDEO, timestampMs, avcBody(key, 1, nalus));
}

// --- AMF0, only what onMetaData needs ---
const enc = new TextEncoder();
function amfString(s: string, withMarker: boolean): Uint8Array {
  const b = enc.encode(s);
  const out = new Uint8Array((withMarker ? 1 : 0) + 2 + b.length);
  let at = 0;
  if (withMarker) out[at++] = 0x02;
  out[at++] = b.length >> 8;
  out[at++] = b.length & 0xff;
  out.set(b, at);
  return out;
}
function amfValue(v: number | string | boolean): Uint8Array {
  if (typeof v === 'number') {
    const out = new Uint8Array(9);
    out[0] = 0x00;
    new DataView(out.buffer).setFloat64(1, v);
    return out;
  }
  if (typeof v === 'boolean') return new Uint8Array([0x01, v ? 1 : 0]);
  return amfString(v, true);
}
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function metadataTag(meta: Record<string, number | string | boolean>): Uint8Array {
  const entries = Object.entries(meta);
  const count = new Uint8Array([0x08, 0, 0, 0, 0]);
  new DataView(count.buffer).setUint32(1, entries.length);
  const body = concat([
    amfString('onMetaData', true),
    count,
    ...entries.flatMap(([k, v]) => [amfString(k, false), amfValue(v)]),
    new Uint8Array([0, 0, 9]),
  ]);
  return flvTag(TAG_SCRIPT, 0, body);
}

export { concat as concatBytes };
