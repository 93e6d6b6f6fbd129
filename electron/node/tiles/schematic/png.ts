// A PNG encoder for RGBA pixels (truecolour with alpha, 8 bits): each row filtered with Sub or Up,
// whichever is smaller by the usual sum-of-absolute-values heuristic, then deflated by zlib.
import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const sub = Buffer.alloc(stride);
  const up = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : null;
    let sSub = 0;
    let sUp = 0;
    for (let i = 0; i < stride; i++) {
      const a = (row[i] - (i >= 4 ? row[i - 4] : 0)) & 0xff;
      const b = (row[i] - (prev ? prev[i] : 0)) & 0xff;
      sub[i] = a;
      up[i] = b;
      sSub += a < 128 ? a : 256 - a;
      sUp += b < 128 ? b : 256 - b;
    }
    const o = y * (stride + 1);
    raw[o] = sUp < sSub ? 2 : 1;
    (sUp < sSub ? up : sub).copy(raw, o + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
