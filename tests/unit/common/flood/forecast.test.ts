import { describe, expect, it } from 'vitest';
import {
  floodedAt,
  ForecastFileError,
  hydrograph,
  importedForecast,
  parseForecastFile,
  simpleForecast,
} from '../../../../electron/common/flood/forecast';
import { stageState } from '../../../../electron/common/flood/types';

const H = 3_600_000;
const T0 = Date.parse('2020-08-19T00:00:00+08:00');
const CQK = { warningM: 182.64, guaranteeM: 185.64 };

describe('forecast files', () => {
  it('reads CSV with its header, comment lines and times with their offset', () => {
    const f = parseForecastFile(
      '#station=cqk\n#source=长江委上游局 2020-08-18\ntime,stage_m\n2020-08-20T02:00+08:00,194.29\n2020-08-19T08:00+08:00,192.59\n',
      { station: 'x', issuedAt: 5 },
    );
    expect(f).toEqual({
      station: 'cqk',
      issuedAt: 5,
      source: '长江委上游局 2020-08-18',
      points: [
        { t: Date.parse('2020-08-19T08:00+08:00'), stageM: 192.59 },
        { t: Date.parse('2020-08-20T02:00+08:00'), stageM: 194.29 },
      ],
    });
  });

  it('names the line or field that is wrong', () => {
    const d = { station: 'cqk', issuedAt: 0 };
    expect(() => parseForecastFile('when,level\n', d)).toThrow(/line 1: the header must be "time,stage_m"/);
    expect(() => parseForecastFile('time,stage_m\n2020-08-19T08:00+08:00,high\n', d)).toThrow(/line 2/);
    expect(() => parseForecastFile('time,stage_m\nyesterday,190\n', d)).toThrow(ForecastFileError);
    expect(() => parseForecastFile('{"station":"cqk","issuedAt":1,"source":"x","points":[{"t":1}]}', d)).toThrow(
      /field 'points.0.stageM'/,
    );
    expect(() => parseForecastFile('', d)).toThrow(/empty/);
  });

  it('uses an imported forecast only for the coming 72 hours', () => {
    const points = [0, 24, 48, 80].map((h) => ({ t: T0 + h * H, stageM: 190 + h / 10 }));
    const f = importedForecast('cqk', { issuedAt: T0, source: '市水文站', points }, T0 + H)!;
    expect(f.points.map((p) => (p.t - T0) / H)).toEqual([24, 48]);
    expect(f).toMatchObject({ kind: 'imported', label: '市水文站', peak: { stageM: 194.8 } });
    expect(importedForecast('cqk', { issuedAt: T0, source: 's', points }, T0 + 100 * H)).toBeNull();
  });
});

describe('the simple model', () => {
  const own = hydrograph(
    [
      { t: T0 - 12 * H, stageM: 188 },
      { t: T0, stageM: 191 },
    ],
    H,
  );
  it('needs six hours of the station, labels itself, and extrapolates a damped trend', () => {
    expect(simpleForecast('cqk', own.slice(-3), [], T0)).toBeNull();
    const f = simpleForecast('cqk', own, [], T0)!;
    expect(f.kind).toBe('simple-model');
    expect(f.label).toMatch(/简易模型.*Simple model/s);
    expect(f.points).toHaveLength(72);
    const rise = f.peak!.stageM - 191;
    expect(rise).toBeGreaterThan(0);
    // a damped trend levels off: the last day adds far less than the first
    expect(f.points[71].stageM - f.points[47].stageM).toBeLessThan((f.points[23].stageM - 191) / 4);
  });

  it('adds the upstream rise after the travel time (Beibei → Ciqikou)', () => {
    const flat = own.map((p) => ({ ...p, stageM: 191 }));
    const beibei = [
      { t: T0 - 13 * H, stageM: 195 },
      { t: T0, stageM: 200 },
    ];
    const f = simpleForecast('cqk', flat, beibei, T0)!;
    expect(f.points[12].stageM).toBeCloseTo(195, 1); // 5 m × 0.8 over 13 h
    expect(f.points[40].stageM).toBeCloseTo(f.points[12].stageM, 5);
  });
});

describe('what floods', () => {
  it('stages against warning and guarantee levels (boundaries included)', () => {
    expect(stageState(182.63, CQK)).toBe('normal');
    expect(stageState(182.64, CQK)).toBe('warning');
    expect(stageState(185.64, CQK)).toBe('guarantee');
    expect(stageState(null, CQK)).toBe('normal');
  });

  it('lists the points at or under the stage, lowest first, and their towns', () => {
    const e = (id: number, townCode: string, floodStageM: number) => ({
      id,
      name: `p${id}`,
      townCode,
      lon: 0,
      lat: 0,
      floodStageM,
    });
    const r = floodedAt([e(1, 'A', 190), e(2, 'B', 186), e(3, 'A', 188), e(4, 'A', 195)], 190);
    expect(r.points.map((p) => p.id)).toEqual([2, 3, 1]);
    expect(r.towns).toEqual([
      { townCode: 'A', points: 2 },
      { townCode: 'B', points: 1 },
    ]);
  });

  it('draws a smooth hydrograph through the anchors, passing each one', () => {
    const peak = Date.parse('2020-08-20T02:00+08:00');
    const g = hydrograph(
      [
        { t: peak - 18 * H, stageM: 192.59 },
        { t: peak, stageM: 194.29 },
        { t: peak + 6 * H, stageM: 194.2 },
      ],
      H,
    );
    expect(g).toHaveLength(25);
    expect(g.find((p) => p.t === peak)?.stageM).toBe(194.29);
    expect(Math.max(...g.map((p) => p.stageM))).toBe(194.29);
  });
});
