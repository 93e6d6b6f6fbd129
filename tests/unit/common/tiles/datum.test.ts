// The GCJ-02 boundary file is used only as a test oracle (allowed by shared/data/geo/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../electron/common/geo';
import { createRng } from '../../../../electron/common/prng';
import { gcj02ToWgs84, guessDatum, inChina, resolveDatum, wgs84ToGcj02 } from '../../../../electron/common/tiles/datum';
import { areaInDatum, gcjTileBoundsWgs } from '../../../../electron/common/tiles/gcjTiles';
import { tileBounds, tileOf } from '../../../../electron/common/tiles/mercator';
import { SHARED } from '../../../helpers/tmp';

const geo = (f: string) => path.join(SHARED, 'data/geo', f);

describe('GCJ-02', () => {
  it('shifts Chongqing by roughly half a kilometre and leaves points outside China alone', () => {
    const [lon, lat] = wgs84ToGcj02(106.45333, 29.55639);
    const d = haversineM(106.45333, 29.55639, lon, lat);
    expect(d).toBeGreaterThan(300);
    expect(d).toBeLessThan(700);
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(inChina(2.35, 48.85)).toBe(false);
  });

  it('the inverse undoes the forward transform to a centimetre anywhere in China (property)', () => {
    const rng = createRng(11);
    for (let i = 0; i < 2_000; i++) {
      const lon = 75 + rng.next() * 60;
      const lat = 18 + rng.next() * 35;
      const [gl, ga] = wgs84ToGcj02(lon, lat);
      const [wl, wa] = gcj02ToWgs84(gl, ga);
      expect(haversineM(lon, lat, wl, wa)).toBeLessThan(0.01);
    }
  });

  it("converts the district boundary published in GCJ-02 onto the WGS-84 file's vertices within a few metres", (ctx) => {
    if (!fs.existsSync(geo('shapingba_500106_boundary_gcj02.geojson'))) {
      console.warn('skipped: shared/data/geo boundary files are not present');
      ctx.skip();
    }
    const ringsOf = (f: string): number[][][] =>
      JSON.parse(fs.readFileSync(geo(f), 'utf8')).features[0].geometry.coordinates.flat();
    const gcj = ringsOf('shapingba_500106_boundary_gcj02.geojson');
    const wgs = ringsOf('shapingba_500106_boundary_wgs84.geojson');
    expect(gcj.length).toBe(wgs.length);
    let worst = 0;
    let n = 0;
    gcj.forEach((ring, r) =>
      ring.forEach(([lon, lat], k) => {
        const [cl, ca] = gcj02ToWgs84(lon, lat);
        worst = Math.max(worst, haversineM(cl, ca, wgs[r][k][0], wgs[r][k][1]));
        n++;
      }),
    );
    expect(n).toBeGreaterThan(600);
    expect(worst).toBeLessThan(5);
  });

  it('a GCJ-02 tile is drawn where its corners convert to: ~500 m from the uncorrected place', () => {
    const t = tileOf(106.45, 29.56, 16);
    const raw = tileBounds(16, t.x, t.y);
    const fixed = gcjTileBoundsWgs(16, t.x, t.y);
    const d = haversineM(raw[0], raw[1], fixed[0], fixed[1]);
    expect(d).toBeGreaterThan(300);
    expect(d).toBeLessThan(700);
    // the inverse: a WGS-84 box asks for the GCJ-02 tiles under it
    const area = areaInDatum({ bbox: fixed }, 'gcj02');
    expect('bbox' in area && haversineM(area.bbox[0], area.bbox[1], raw[0], raw[1])).toBeLessThan(5);
  });
});

describe('datum of a source', () => {
  it('knows the providers that publish GCJ-02, BD-09 and CGCS2000 from the URL host', () => {
    expect(guessDatum('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}')?.datum).toBe('gcj02');
    expect(guessDatum('https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}')?.datum).toBe('gcj02');
    expect(guessDatum('https://maponline{s}.bdimg.com/tile/?x={x}&y={y}&z={z}')?.datum).toBe('bd09');
    expect(guessDatum('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=1')?.datum).toBe('wgs84');
    expect(guessDatum('http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png')).toBeNull();
  });

  it('flags GCJ-02 for correction, refuses BD-09 and a declaration that contradicts the provider, with a reason', () => {
    expect(resolveDatum('https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', undefined)).toMatchObject({
      datum: 'gcj02',
    });
    const bd = resolveDatum('https://maponline0.bdimg.com/tile/?x={x}', undefined);
    expect('refused' in bd && bd.refused).toMatch(/BD-09.*refused/);
    const wrong = resolveDatum('https://webrd01.is.autonavi.com/appmaptile?x={x}', 'wgs84');
    expect('refused' in wrong && wrong.refused).toMatch(/AMap.*GCJ02.*declare datum 'gcj02'/);
    expect(resolveDatum('http://10.1.2.3/{z}/{x}/{y}.png', 'gcj02')).toEqual({ datum: 'gcj02', provider: null });
    expect(resolveDatum('http://10.1.2.3/{z}/{x}/{y}.png', undefined)).toEqual({ datum: 'wgs84', provider: null });
  });
});
