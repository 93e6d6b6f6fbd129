// Two scripted scenarios for the simulator. "A flood night": twelve hours of a summer storm over the urban
// east — rain, ponding at the low spots, the Jialing rising past warning and guarantee at Ciqikou, cracks
// and slope movement at Gele Mountain, Shandong and Zhongliang, a gas leak in Shapingba street, manhole
// covers lifted, a main bursting by Sanxia Square and the ground settling in the collapse pilot. "August
// 2020": the three stations through the observed hydrograph (observed peaks; start and end assumed).
import { createRng, fnv1a } from '../../electron/common/prng';
import type { Scenario, ScenarioTrack } from '../../electron/common/sensors/scenario';
import type { SensorKind } from '../../electron/common/sensors/kinds';
import { FLOOD_2020 } from '../reference/hydrology';
import { PILOT } from './collapse';
import type { SensorRow } from './sensing';

const H = 3_600_000;
/** the urban streets along the river that a summer storm floods first */
const EAST = new Set([
  '500106001',
  '500106002',
  '500106003',
  '500106004',
  '500106005',
  '500106006',
  '500106011',
  '500106012',
  '500106013',
  '500106014',
]);
const HILLS = new Set(['500106009', '500106010', '500106112']);
const SANXIA = { lon: 106.4565, lat: 29.5585 };

const hours = (pairs: [number, number][]): [number, number][] => pairs.map(([h, v]) => [h * H, v]);

function track(ids: string[], anchors: [number, number][], spread = 0): ScenarioTrack {
  const scales = spread ? ids.map((id) => 1 - spread + createRng(fnv1a(id)).next() * spread * 2) : undefined;
  return { sensorIds: ids, anchors: hours(anchors), ...(scales ? { scales } : {}) };
}

export function buildScenarios(sensors: readonly SensorRow[]): Scenario[] {
  const of = (kind: SensorKind, towns: Set<string> | null, max = Infinity) =>
    sensors
      .filter((s) => s.kind === kind && !s.stationId && (!towns || (s.townCode && towns.has(s.townCode))))
      .slice(0, max)
      .map((s) => s.id);
  const near = (kind: SensorKind, p: { lon: number; lat: number }, n: number) =>
    sensors
      .filter((s) => s.kind === kind && !s.stationId)
      .map((s) => ({ id: s.id, d: (s.lon - p.lon) ** 2 + (s.lat - p.lat) ** 2 }))
      .sort((a, c) => a.d - c.d)
      .slice(0, n)
      .map((x) => x.id);
  const pilotCentre = { lon: PILOT.west + 0.009, lat: PILOT.south + 0.011 };
  const shapingba = new Set(['500106002']);
  const night: Scenario = {
    id: 'flood-night',
    name: '汛期夜间演练：城区暴雨与嘉陵江涨水',
    nameEn: 'Flood-night drill: a storm over the city and the Jialing rising',
    durationMs: 12 * H,
    defaultSpeed: 12,
    note: '演练脚本（虚构）/ A drill script (fictional)',
    tracks: [
      track(
        of('rain-gauge', EAST),
        [
          [0, 0],
          [1, 8],
          [2, 32],
          [3.5, 55],
          [5, 42],
          [7, 26],
          [9, 6],
          [11, 0],
          [12, 0],
        ],
        0.3,
      ),
      track(
        of('ponding', EAST),
        [
          [0, 0],
          [2, 6],
          [3.5, 24],
          [5, 38],
          [7, 22],
          [9, 8],
          [11, 1],
          [12, 0],
        ],
        0.35,
      ),
      track(
        of('water-level', EAST),
        [
          [0, 1.6],
          [3, 2.5],
          [5, 3.6],
          [8, 4.8],
          [11, 3.5],
          [12, 3],
        ],
        0.1,
      ),
      track(
        ['HY-CQK-01'],
        [
          [0, 178],
          [3, 180.5],
          [5, 183.2],
          [7, 185.9],
          [9, 186.6],
          [11, 186.2],
          [12, 185.8],
        ],
      ),
      track(
        ['HY-BB3-01'],
        [
          [0, 189],
          [2, 192],
          [4, 195.5],
          [6, 197.2],
          [9, 196],
          [12, 194],
        ],
      ),
      track(
        ['HY-CT-01'],
        [
          [0, 176],
          [6, 179.5],
          [12, 181],
        ],
      ),
      track(of('crack', HILLS, 4), [
        [0, 1.2],
        [0.5, 5.6],
        [4, 8.5],
        [7, 11.5],
        [12, 12],
      ]),
      track(of('gnss', HILLS, 3), [
        [0, 8],
        [1, 31],
        [6, 45],
        [9, 62],
        [12, 63],
      ]),
      track(of('gas', shapingba, 1), [
        [0, 0.5],
        [3, 0.5],
        [3.2, 28],
        [3.6, 58],
        [4.2, 56],
        [4.6, 3],
        [12, 0.5],
      ]),
      track(of('manhole', new Set(['500106002', '500106003']), 5), [
        [0, 0.5],
        [4, 0.5],
        [4.5, 18],
        [8, 18],
        [9, 0.5],
      ]),
      track(near('water-pressure', SANXIA, 3), [
        [0, 0.32],
        [4.8, 0.32],
        [5.2, 0.11],
        [7.5, 0.12],
        [8, 0.3],
        [12, 0.32],
      ]),
      track(near('settlement', pilotCentre, 3), [
        [0, 3],
        [5, 8],
        [7, 26],
        [12, 28],
      ]),
    ].filter((t) => t.sensorIds.length > 0),
  };
  const t0 = Math.min(...FLOOD_2020.flatMap((s) => s.anchors.map((a) => a.t)));
  const t1 = Math.max(...FLOOD_2020.flatMap((s) => s.anchors.map((a) => a.t)));
  const ids: Record<string, string> = { cqk: 'HY-CQK-01', beibei: 'HY-BB3-01', cuntan: 'HY-CT-01' };
  const replay2020: Scenario = {
    id: 'flood-2020',
    name: '2020年8月嘉陵江洪水回放',
    nameEn: 'The August 2020 Jialing flood, replayed',
    durationMs: t1 - t0,
    defaultSpeed: 24,
    note:
      '洪峰与观测点为公开报道数据（磁器口 194.29 m，8月20日02时）；起止水位为假设 / ' +
      'Peaks and observations as reported (Ciqikou 194.29 m at 02:00 on 20 Aug); start and end stages assumed',
    tracks: FLOOD_2020.map((s) => ({
      sensorIds: [ids[s.stationId]],
      anchors: s.anchors.map((a) => [a.t - t0, a.stageM]),
    })),
  };
  return [night, replay2020];
}
