import { describe, expect, it } from 'vitest';
import { createRng, fnv1a } from '../../../electron/common/prng';

describe('prng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42),
      b = createRng(42),
      c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int stays in bounds and reaches both ends; weighted follows weights', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted(['a', 'b'] as const, [9, 1])]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
    expect(() => r.pick([])).toThrow(/empty/);
  });

  it('fnv1a matches the published FNV-1a 32-bit vectors (over UTF-16 code units)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(fnv1a('联勤')).toBe(0x803ca1e5); // computed independently of this code
  });
});
