import { describe, expect, it } from 'vitest';
import { createIdSource, isUlid, shortRef, ulidTime } from '../../../electron/common/ids';
import { createRng } from '../../../electron/common/prng';

describe('ids', () => {
  it('mints ULIDs that carry their time and sort by it', () => {
    const ids = createIdSource();
    const t = Date.UTC(2026, 10, 30, 1, 2, 3);
    const a = ids.next(t);
    const b = ids.next(t + 1);
    expect(isUlid(a)).toBe(true);
    expect(ulidTime(a)).toBe(t);
    expect(a < b).toBe(true);
  });

  it('stays unique and ordered within one millisecond (monotonic)', () => {
    const ids = createIdSource();
    const t = Date.UTC(2026, 10, 30);
    const many = Array.from({ length: 5_000 }, () => ids.next(t));
    expect(new Set(many).size).toBe(many.length);
    expect([...many].sort()).toEqual(many);
  });

  it('two sources never mint the same id for the same moment', () => {
    const t = Date.UTC(2026, 10, 30);
    const a = createIdSource();
    const b = createIdSource();
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      seen.add(a.next(t + i));
      seen.add(b.next(t + i));
    }
    expect(seen.size).toBe(2_000);
  });

  it('a seeded source is reproducible (tests), an unseeded one is not', () => {
    const seeded = (seed: number) => {
      const rng = createRng(seed);
      return createIdSource(() => rng.next());
    };
    const t = Date.UTC(2026, 0, 1);
    expect(seeded(7).next(t)).toBe(seeded(7).next(t));
    expect(seeded(7).next(t)).not.toBe(seeded(8).next(t));
  });

  it('the short reference reads as the Beijing day and five id characters', () => {
    // 2026-11-30 17:00 UTC is already 12-01 in Beijing
    expect(shortRef('01KBZZZZZZZZZZZZZZZZZ7K2QD', Date.UTC(2026, 10, 30, 17))).toBe('1201-7K2QD');
    expect(shortRef('01KBZZZZZZZZZZZZZZZZZABCDE', Date.UTC(2026, 10, 30, 3))).toBe('1130-ABCDE');
  });
});
