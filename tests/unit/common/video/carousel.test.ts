import { describe, expect, it } from 'vitest';
import { carouselAt, carouselPageIds, pageCount } from '../../../../electron/common/video/carousel';
import { backoffMs, shouldRetry } from '../../../../electron/common/video/reconnect';

const group = Array.from({ length: 66 }, (_, i) => `vn${i}`);

describe('carousel', () => {
  it('66 flood-season points on a 16-way wall take five pages; the last wraps to the start', () => {
    expect(pageCount(66, 16)).toBe(5);
    expect(carouselPageIds(group, 16, 0)).toEqual(group.slice(0, 16));
    expect(carouselPageIds(group, 16, 4)).toEqual([...group.slice(64), ...group.slice(0, 14)]);
    expect(carouselPageIds(group, 16, 5)).toEqual(group.slice(0, 16));
  });

  it('every camera of the group is shown within one cycle', () => {
    for (const tiles of [1, 4, 6, 8, 9, 16]) {
      const seen = new Set<string>();
      for (let p = 0; p < pageCount(group.length, tiles); p++)
        carouselPageIds(group, tiles, p).forEach((id) => seen.add(id));
      expect(seen.size, `${tiles} tiles`).toBe(66);
    }
  });

  it('a group smaller than the wall is shown once without repeats', () => {
    expect(carouselPageIds(['a', 'b'], 4, 3)).toEqual(['a', 'b']);
  });

  it('the page is a function of the clock: every window agrees, and nextAt is the next turn', () => {
    const t0 = 1_000_000;
    expect(carouselAt(group, 16, 30, t0, t0)).toMatchObject({ page: 0, pageCount: 5, nextAt: t0 + 30_000 });
    expect(carouselAt(group, 16, 30, t0, t0 + 29_999).page).toBe(0);
    const p = carouselAt(group, 16, 30, t0, t0 + 30_000);
    expect(p).toMatchObject({ page: 1, nextAt: t0 + 60_000 });
    expect(p.cameraIds[0]).toBe('vn16');
    expect(carouselAt(group, 16, 30, t0, t0 + 5 * 30_000).page).toBe(0);
  });

  it('refuses an interval out of range, naming it', () => {
    expect(() => carouselAt(group, 16, 1, 0, 0)).toThrow(/interval must be 5\.\.3600 s, got 1/);
    expect(() => carouselAt(group, 0, 30, 0, 0)).toThrow(/at least one tile/);
  });
});

describe('reconnect back-off', () => {
  it('doubles, is capped, and jitters between half and the full delay', () => {
    expect(backoffMs(0, () => 1)).toBe(1_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
    expect(backoffMs(10, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 0)).toBe(4_000);
    expect(backoffMs(1_000, () => 0.5)).toBe(22_500);
  });

  it('an unsupported codec is never retried; offline and stalled tiles are', () => {
    expect(shouldRetry('unsupported')).toBe(false);
    expect(shouldRetry('offline')).toBe(true);
    expect(shouldRetry('stalled')).toBe(true);
    expect(shouldRetry('playing')).toBe(false);
  });
});
