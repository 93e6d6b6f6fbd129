// Uses the restricted boundary only as a test oracle (allowed by shared/data/geo/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, type LonLat } from '../../electron/common/geo';
import { buildSeed } from '../../seeds/generate/index';
import { SHARED } from '../helpers/tmp';

const file = path.join(SHARED, 'data/geo/shapingba_500106_boundary_wgs84.geojson');

describe('seeded points against the real district boundary', () => {
  it('keeps at least 90 % of risk points and cameras inside the real district', (ctx) => {
    if (!fs.existsSync(file)) {
      console.warn(`skipped: ${file} is not present (shared/ reference data missing)`);
      ctx.skip();
    }
    const geo = JSON.parse(fs.readFileSync(file, 'utf8'));
    const polys: LonLat[][][] = geo.features[0].geometry.coordinates;
    const inside = (lon: number, lat: number) => polys.some((p) => pointInPolygon(lon, lat, p));
    const s = buildSeed();
    const riskShare = s.riskPoints.filter((p) => inside(p.lon, p.lat)).length / s.riskPoints.length;
    const camShare = s.cameras.filter((c) => inside(c.lon, c.lat)).length / s.cameras.length;
    console.log(
      `risk points inside the real district: ${(riskShare * 100).toFixed(1)} %, cameras: ${(camShare * 100).toFixed(1)} %`,
    );
    expect(riskShare).toBeGreaterThanOrEqual(0.9);
    expect(camShare).toBeGreaterThanOrEqual(0.9);
    expect(s.nests.every((n) => inside(n.lon, n.lat))).toBe(true);
  });
});
