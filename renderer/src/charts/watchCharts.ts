// Pure ECharts option builders for the night watch: a river station's stage against its warning and
// guarantee levels with the forecast dashed, hourly rainfall, a sensor's readings (mean with its min–max
// band) against its thresholds, and the sparkline of a KPI tile. Dark theme; no animation on a wall.
const AXIS = { color: '#8fa3b8', fontSize: 10 };
const GRID_LINE = { lineStyle: { color: '#1c3a5a' } };
export const STATE_COLOURS: Record<string, string> = {
  normal: '#2ecc71',
  pending: '#f5c518',
  alerting: '#e5383b',
  recovering: '#f77f00',
  'no-data': '#6c7a89',
};

const timeAxis = () => ({
  type: 'time' as const,
  axisLabel: AXIS,
  axisLine: { lineStyle: { color: '#1c3a5a' } },
  splitLine: { show: false },
});

function level(value: number, label: string, colour: string) {
  return {
    yAxis: value,
    name: label,
    lineStyle: { color: colour, type: 'dashed' as const },
    label: { color: colour, formatter: `${label} ${value}` },
  };
}

export interface StationChartInput {
  hourly: readonly { t: number; stageM: number }[];
  forecast: readonly { t: number; stageM: number }[];
  warningM: number;
  guaranteeM: number;
  labels: { stage: string; forecast: string; warning: string; guarantee: string };
}

export function stationOption(s: StationChartInput) {
  const values = [...s.hourly.map((p) => p.stageM), ...s.forecast.map((p) => p.stageM), s.warningM, s.guaranteeM];
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 44, right: 70, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' as const },
    legend: { show: false },
    xAxis: timeAxis(),
    yAxis: {
      type: 'value' as const,
      min: Math.floor(Math.min(...values) - 1),
      max: Math.ceil(Math.max(...values) + 1),
      axisLabel: AXIS,
      splitLine: GRID_LINE,
    },
    series: [
      {
        name: s.labels.stage,
        type: 'line' as const,
        showSymbol: false,
        data: s.hourly.map((p) => [p.t, p.stageM]),
        lineStyle: { color: '#38bdf8', width: 2 },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [level(s.warningM, s.labels.warning, '#f77f00'), level(s.guaranteeM, s.labels.guarantee, '#e5383b')],
        },
      },
      {
        name: s.labels.forecast,
        type: 'line' as const,
        showSymbol: false,
        data: s.forecast.map((p) => [p.t, p.stageM]),
        lineStyle: { color: '#b388ff', width: 2, type: 'dashed' as const },
      },
    ],
  };
}

export function rainfallOption(points: readonly { t: number; mm: number }[], label: string) {
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 36, right: 8, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis' as const },
    xAxis: timeAxis(),
    yAxis: { type: 'value' as const, min: 0, name: 'mm/h', nameTextStyle: AXIS, axisLabel: AXIS, splitLine: GRID_LINE },
    series: [
      { name: label, type: 'bar' as const, data: points.map((p) => [p.t, p.mm]), itemStyle: { color: '#2e86de' } },
    ],
  };
}

export interface ReadingsChartInput {
  points: readonly { t: number; min: number; max: number; mean: number }[];
  thresholds: { warning: number; critical: number; recovery: number };
  unit: string;
  labels: { mean: string; warning: string; critical: string; recovery: string };
}

/** A sensor's buckets: the mean as a line, the min–max band stacked under it, its thresholds as lines. */
export function readingsOption(r: ReadingsChartInput) {
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 44, right: 74, top: 14, bottom: 24 },
    tooltip: { trigger: 'axis' as const },
    xAxis: timeAxis(),
    yAxis: {
      type: 'value' as const,
      scale: true,
      name: r.unit,
      nameTextStyle: AXIS,
      axisLabel: AXIS,
      splitLine: GRID_LINE,
    },
    series: [
      {
        type: 'line' as const,
        stack: 'band',
        showSymbol: false,
        silent: true,
        data: r.points.map((p) => [p.t, p.min]),
        lineStyle: { opacity: 0 },
      },
      {
        type: 'line' as const,
        stack: 'band',
        showSymbol: false,
        silent: true,
        data: r.points.map((p) => [p.t, p.max - p.min]),
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(56,189,248,0.18)' },
      },
      {
        name: r.labels.mean,
        type: 'line' as const,
        showSymbol: false,
        data: r.points.map((p) => [p.t, p.mean]),
        lineStyle: { color: '#38bdf8', width: 2 },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            level(r.thresholds.warning, r.labels.warning, '#f77f00'),
            level(r.thresholds.critical, r.labels.critical, '#e5383b'),
            level(r.thresholds.recovery, r.labels.recovery, '#2ecc71'),
          ],
        },
      },
    ],
  };
}

/** A KPI tile's trend as an SVG path (hundreds of tiles: one path each is far lighter than a chart each). */
export function sparkPath(values: readonly number[], w: number, h: number): string {
  if (values.length < 2) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  return values
    .map((v, i) => {
      const x = (i / (values.length - 1)) * w;
      const y = h - 1 - ((v - lo) / span) * (h - 2);
      return `${i ? 'L' : 'M'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    })
    .join('');
}
