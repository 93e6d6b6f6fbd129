// Pure ECharts option builder: risk points per family, horizontal bars, dark theme.
export interface FamilyCount {
  name: string;
  count: number;
}

export function familyBarOption(rows: readonly FamilyCount[]) {
  const sorted = [...rows].sort((a, b) => a.count - b.count);
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 4, right: 36, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value' as const, show: false },
    yAxis: {
      type: 'category' as const,
      data: sorted.map((r) => r.name),
      axisLabel: { color: '#c6d4e3', fontSize: 11 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar' as const,
        data: sorted.map((r) => r.count),
        barWidth: 8,
        itemStyle: { color: '#38bdf8', borderRadius: 4 },
        label: { show: true, position: 'right' as const, color: '#8fa3b8', fontSize: 10 },
      },
    ],
  };
}
