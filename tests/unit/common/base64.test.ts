import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, typedToBase64 } from '../../../electron/common/base64';
import { createRng } from '../../../electron/common/prng';

describe('base64', () => {
  it('matches Node’s encoder for every length 0..300 and round-trips', () => {
    const rng = createRng(7);
    for (let n = 0; n <= 300; n++) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(0, 255));
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
  });

  it('carries typed arrays (Float64 coordinates survive exactly)', () => {
    const f = Float64Array.from([106.456789123, 29.5585, -0, 1e-300]);
    const back = new Float64Array(base64ToBytes(typedToBase64(f)).buffer);
    expect(Array.from(back)).toEqual(Array.from(f));
  });

  it('rejects malformed text with a reason', () => {
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
    expect(() => base64ToBytes('ab$=')).toThrow(/invalid character at 2/);
  });
});
