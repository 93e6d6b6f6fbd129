import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../../electron/common/rpc/binary';

describe('binary WebSocket frames', () => {
  it('keeps messages without typed arrays as JSON text', () => {
    const m = { t: 'res', id: 1, r: { ok: true, value: { a: [1, 2], s: '联勤' } } };
    const enc = encodeMessage(m);
    expect(typeof enc).toBe('string');
    expect(decodeMessage(enc)).toEqual(m);
  });

  it('sends typed arrays as raw bytes in one frame and gets the same arrays back', () => {
    const lon = Float64Array.from({ length: 1001 }, (_, i) => 106 + i / 1e4);
    const level = Uint8Array.from({ length: 1001 }, (_, i) => i % 4);
    const id = Uint32Array.from({ length: 1001 }, (_, i) => i * 7);
    const cat = Uint16Array.from({ length: 1001 }, (_, i) => i % 120);
    const m = { t: 'res', id: 9, r: { ok: true, value: { count: 1001, id, lon, level, category: cat, name: '点' } } };
    const enc = encodeMessage(m);
    expect(enc).toBeInstanceOf(Uint8Array);
    // no base64: the frame is barely larger than the arrays themselves
    const raw = lon.byteLength + level.byteLength + id.byteLength + cat.byteLength;
    expect((enc as Uint8Array).byteLength).toBeLessThan(raw + 400);
    const back = decodeMessage(enc) as typeof m;
    expect(back.r.value.lon).toBeInstanceOf(Float64Array);
    expect(back.r.value.lon).toEqual(lon);
    expect(back.r.value.level).toEqual(level);
    expect(back.r.value.id).toEqual(id);
    expect(back.r.value.category).toEqual(cat);
    expect(back.r.value.name).toBe('点');
  });

  it('decodes from a Node Buffer at an odd offset and from an ArrayBuffer', () => {
    const arr = Float64Array.of(1.5, -2.25, Math.PI);
    const enc = encodeMessage({ v: arr }) as Uint8Array;
    const pool = Buffer.alloc(enc.byteLength + 3);
    pool.set(enc, 3);
    const asBuffer = pool.subarray(3);
    expect((decodeMessage(asBuffer) as { v: Float64Array }).v).toEqual(arr);
    const ab = enc.buffer.slice(enc.byteOffset, enc.byteOffset + enc.byteLength);
    expect((decodeMessage(ab) as { v: Float64Array }).v).toEqual(arr);
  });

  it('handles a view onto part of a larger buffer', () => {
    const big = new Float64Array(10).map((_, i) => i);
    const part = big.subarray(3, 6);
    expect((decodeMessage(encodeMessage({ part })) as { part: Float64Array }).part).toEqual(Float64Array.of(3, 4, 5));
  });

  it('refuses a frame it cannot read', () => {
    expect(() => decodeMessage(42)).toThrow(/unsupported frame/);
  });
});
