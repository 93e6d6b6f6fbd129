import { describe, expect, it } from 'vitest';
import {
  rainfallOption,
  readingsOption,
  sparkPath,
  stationOption,
  STATE_COLOURS,
} from '../../../../renderer/src/charts/watchCharts';

const H = 3_600_000;
const labels = { stage: '水位', forecast: '预报', warning: '警戒', guarantee: '保证' };

describe('night watch charts (pure option builders)', () => {
  it('draws a station against its levels, the forecast dashed, the axis around all of them', () => {
    const o = stationOption({
      hourly: [
        { t: 0, stageM: 180.2 },
        { t: H, stageM: 183.1 },
      ],
      forecast: [{ t: 2 * H, stageM: 186.9 }],
      warningM: 182.64,
      guaranteeM: 185.64,
      labels,
    });
    expect(o.series[0].data).toEqual([
      [0, 180.2],
      [H, 183.1],
    ]);
    expect(o.series[1].lineStyle.type).toBe('dashed');
    expect(o.series[0].markLine!.data.map((m) => [m.yAxis, m.label.formatter])).toEqual([
      [182.64, '警戒 182.64'],
      [185.64, '保证 185.64'],
    ]);
    expect([o.yAxis.min, o.yAxis.max]).toEqual([179, 188]);
    expect(o.animation).toBe(false);
  });

  it('stacks the min–max band under the mean and marks warning, critical and recovery', () => {
    const o = readingsOption({
      points: [{ t: 0, min: 1, max: 3, mean: 2 }],
      thresholds: { warning: 5, critical: 10, recovery: 4.5 },
      unit: 'mm',
      labels: { mean: '均值', warning: '预警', critical: '严重', recovery: '恢复' },
    });
    expect(o.series[0].data).toEqual([[0, 1]]);
    expect(o.series[1].data).toEqual([[0, 2]]);
    expect(o.series[2].markLine!.data.map((m) => m.yAxis)).toEqual([5, 10, 4.5]);
    expect(o.yAxis.name).toBe('mm');
  });

  it('draws rainfall bars and a tile sparkline scaled to its box (flat and single values too)', () => {
    expect(rainfallOption([{ t: 0, mm: 12.5 }], '雨量').series[0]).toMatchObject({ type: 'bar', data: [[0, 12.5]] });
    expect(sparkPath([1, 2, 3], 100, 20)).toBe('M0,19L50,10L100,1');
    expect(sparkPath([5, 5], 10, 10)).toBe('M0,9L10,9');
    expect(sparkPath([5], 10, 10)).toBe('');
    expect(STATE_COLOURS.alerting).toMatch(/^#/);
  });
});
