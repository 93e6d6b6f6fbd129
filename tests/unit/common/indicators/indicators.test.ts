import { describe, expect, it } from 'vitest';
import {
  buildIndicatorLibrary,
  computeIndicators,
  type SensorSample,
} from '../../../../electron/common/indicators/indicators';
import { ruleSpecSchema } from '../../../../electron/common/rules/threshold';

const towns = [
  { code: 'T1', name: '磁器口街道', nameEn: 'Ciqikou' },
  { code: 'T2', name: '井口街道', nameEn: 'Jingkou' },
];

describe('the vital-sign indicator library', () => {
  const present = new Map([
    ['crack', new Set(['T1'])],
    ['water-pressure', new Set(['T1', 'T2'])],
  ] as const);
  const defs = buildIndicatorLibrary(present, towns);

  it('has district KPIs per kind and town KPIs where the kind is present, each with a valid rule', () => {
    expect(defs.map((d) => d.id)).toEqual([
      'kpi-crack-worst-district',
      'kpi-crack-mean-district',
      'kpi-crack-online-rate-district',
      'kpi-crack-alerting-district',
      'kpi-crack-worst-T1',
      'kpi-crack-alerting-T1',
      'kpi-water-pressure-worst-district',
      'kpi-water-pressure-mean-district',
      'kpi-water-pressure-online-rate-district',
      'kpi-water-pressure-alerting-district',
      'kpi-water-pressure-worst-T1',
      'kpi-water-pressure-alerting-T1',
      'kpi-water-pressure-worst-T2',
      'kpi-water-pressure-alerting-T2',
    ]);
    for (const d of defs) expect(ruleSpecSchema.safeParse(d.thresholds).success).toBe(true);
    expect(defs[4]).toMatchObject({ domain: 'geology', name: '磁器口街道裂缝宽度最不利值', unit: 'mm' });
  });

  it('computes worst (lowest where low is bad), mean, online share and raised conditions in one pass', () => {
    const s = (kind: SensorSample['kind'], townCode: string, state: SensorSample['state'], value: number | null) => ({
      kind,
      townCode,
      state,
      value,
    });
    const v = computeIndicators(defs, [
      s('crack', 'T1', 'normal', 1),
      s('crack', 'T1', 'alerting', 6),
      s('crack', 'T1', 'no-data', 50), // a silent device's last value does not count
      s('water-pressure', 'T1', 'normal', 0.3),
      s('water-pressure', 'T2', 'recovering', 0.15),
    ]);
    const by = Object.fromEntries(defs.map((d, i) => [d.id, v[i].value]));
    expect(by['kpi-crack-worst-district']).toBe(6);
    expect(by['kpi-crack-mean-district']).toBe(3.5);
    expect(by['kpi-crack-online-rate-district']).toBeCloseTo(66.667, 2);
    expect(by['kpi-crack-alerting-T1']).toBe(1);
    expect(by['kpi-water-pressure-worst-district']).toBe(0.15);
    expect(by['kpi-water-pressure-alerting-T2']).toBe(1);
    expect(computeIndicators(defs, [])[0]).toEqual({ value: null, sensors: 0 });
  });
});
