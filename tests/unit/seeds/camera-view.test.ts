import { describe, expect, it } from 'vitest';
import { buildSeed, DEFAULT_SEED } from '../../../seeds/generate/index';

describe('seeded cameras for the video wall', () => {
  const cams = buildSeed(DEFAULT_SEED).cameras;

  it('fixed cameras look one way (heading, 50–90° wide, 80–200 m); PTZ cameras have no fixed view', () => {
    const fixed = cams.filter((c) => c.mount === 'fixed');
    expect(fixed.length).toBeGreaterThan(900);
    for (const c of fixed) {
      expect(c.headingDeg).toBeGreaterThanOrEqual(0);
      expect(c.headingDeg).toBeLessThan(360);
      expect([50, 60, 70, 80, 90]).toContain(c.fovDeg);
      expect([80, 110, 140, 170, 200]).toContain(c.rangeM);
    }
    for (const c of cams.filter((x) => x.mount === 'ptz'))
      expect([c.headingDeg, c.fovDeg, c.rangeM]).toEqual([null, null, null]);
    // headings are spread, not all one way
    expect(new Set(fixed.map((c) => Math.floor(c.headingDeg! / 45))).size).toBe(8);
  });

  it('a few public-safety cameras are H.265 (1–4 %); the 66 video-network points are all H.264', () => {
    const ps = cams.filter((c) => c.kind === 'public-safety');
    const share = ps.filter((c) => c.codec === 'h265').length / ps.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.04);
    expect(cams.filter((c) => c.kind === 'video-network').every((c) => c.codec === 'h264')).toBe(true);
    expect(cams.every((c) => c.platform === 'seed')).toBe(true);
  });
});
