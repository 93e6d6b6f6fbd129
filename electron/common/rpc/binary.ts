// Messages with typed arrays travel as one binary WebSocket frame instead of base64 inside JSON:
//   [u32 LE header length][header: JSON, typed arrays replaced by {$typed, offset, length}][pad to 8]
//   [each array's bytes, 8-aligned]
// Messages without typed arrays stay plain JSON text frames.

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

const CTORS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type CtorName = keyof typeof CTORS;

interface Placeholder {
  $typed: CtorName;
  offset: number;
  length: number;
}

const align8 = (n: number) => (n + 7) & ~7;

function isTyped(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && v.constructor.name in CTORS;
}

/** Text when the message has no typed arrays, otherwise one binary frame. */
export function encodeMessage(msg: unknown): string | Uint8Array {
  const arrays: TypedArray[] = [];
  let offset = 0;
  const text = JSON.stringify(msg, (_k, v: unknown) => {
    if (!isTyped(v)) return v;
    const p: Placeholder = { $typed: v.constructor.name as CtorName, offset, length: v.length };
    arrays.push(v);
    offset = align8(offset + v.byteLength);
    return p;
  });
  if (!arrays.length) return text;
  const header = new TextEncoder().encode(text);
  const start = align8(4 + header.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = start;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align8(at + a.byteLength);
  }
  return out;
}

/** The inverse of encodeMessage, for a text frame or a binary one (ArrayBuffer or a Node Buffer). */
export function decodeMessage(data: unknown): unknown {
  if (typeof data === 'string') return JSON.parse(data);
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : null;
  if (!bytes) throw new Error('unsupported frame');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  const header = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength));
  const start = align8(4 + headerLength);
  return JSON.parse(header, (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || !('$typed' in v)) return v;
    const p = v as Placeholder;
    const Ctor = CTORS[p.$typed];
    if (!Ctor) throw new Error(`unknown typed array ${String(p.$typed)}`);
    const from = start + p.offset;
    // copy: the frame's own buffer may not be aligned for the element size
    const copy = bytes.slice(from, from + p.length * Ctor.BYTES_PER_ELEMENT);
    return new Ctor(copy.buffer, 0, p.length);
  });
}
