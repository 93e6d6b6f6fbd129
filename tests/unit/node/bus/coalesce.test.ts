import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from '../../../../electron/node/bus/coalesce';

describe('coalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('hands on only the latest value per key, at most once per interval', () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    const c = createCoalescer<number>((v) => batches.push(v), 100);
    // 1,000 updates a second for 2 s over 3 entities
    for (let ms = 0; ms < 2_000; ms++) {
      c.push(`k${ms % 3}`, ms);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(batches.length).toBeGreaterThanOrEqual(19);
    expect(batches.length).toBeLessThanOrEqual(21);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(3);
    // the last batch holds the newest value of each key
    expect([...batches.at(-1)!].sort((a, b) => a - b)).toEqual([1997, 1998, 1999]);
    c.dispose();
  });

  it('flush hands on what is pending at once; dispose drops it', () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const c = createCoalescer<string>((v) => batches.push(v), 100);
    c.push('a', 'x');
    c.flush();
    expect(batches).toEqual([['x']]);
    c.push('a', 'y');
    c.dispose();
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([['x']]);
  });
});
