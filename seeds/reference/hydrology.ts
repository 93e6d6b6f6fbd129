// River gauging stations on the Jialing and the Yangtze near the district, with their real warning and
// guarantee levels and the August 2020 flood, copied from ../shared/data/hydrology/stations.json (Chinese
// news reports; sources below). Datums differ between agencies: Chongqing's Ciqikou thresholds are 1.64 m
// above the Changjiang Water Resources Commission's (probably 黄海 vs 吴淞 datum — an inference). Verify
// before operational use. Beibei and Cuntan lie outside the district; their positions are approximate.
import type { StationDef } from '../../electron/common/flood/types';

const NOTE = 'Figures copied from Chinese news reports; datums differ between agencies. Verify before operational use.';
const t = (iso: string) => Date.parse(iso);

export const STATIONS: readonly StationDef[] = [
  {
    id: 'cqk',
    name: '磁器口',
    nameEn: 'Ciqikou',
    river: '嘉陵江',
    riverEn: 'Jialing',
    lon: 106.45,
    lat: 29.58,
    sensorId: 'HY-CQK-01',
    warningM: 182.64,
    guaranteeM: 185.64,
    datumNote: `重庆市水文监测总站/市防指口径（与下列2020年洪峰同一基准）。${NOTE}`,
    altThresholds: {
      warningM: 181.0,
      guaranteeM: 184.0,
      note:
        '长江委上游局预报口径（2021-09-07），相差1.64 m，推测为黄海与吴淞基面之差 / ' +
        'Changjiang commission forecasts; 1.64 m apart, probably 黄海 vs 吴淞 datum (inference)',
    },
    peak2020: { stageM: 194.29, at: t('2020-08-20T02:00+08:00'), aboveGuaranteeM: 8.65 },
    order: 0,
    sources: [
      'http://www.cneb.gov.cn/2020/08/20/ARTI1597912232416909.shtml',
      'http://cq.china.com.cn/2021-07/16/content_41618562.html',
      'http://news.cnhubei.com/content/2023-09/16/content_16631471.html',
    ],
  },
  {
    id: 'beibei',
    name: '北碚(三)',
    nameEn: 'Beibei (3)',
    river: '嘉陵江',
    riverEn: 'Jialing',
    lon: 106.43,
    lat: 29.83,
    sensorId: 'HY-BB3-01',
    warningM: 194.5,
    guaranteeM: 199.0,
    datumNote: `黄海基面；重庆亦公布吴淞 = 黄海 + 1.59 m。站位为近似位置（区外上游）。${NOTE}`,
    altThresholds: null,
    peak2020: { stageM: 200.23, at: t('2020-08-19T12:35+08:00'), aboveGuaranteeM: 1.23 },
    order: 1,
    sources: ['http://jiangsulong.com/a/2020/0820/0R01Y923R020.html', 'http://ccschy.com/news/26034.html'],
  },
  {
    id: 'cuntan',
    name: '寸滩',
    nameEn: 'Cuntan',
    river: '长江',
    riverEn: 'Yangtze',
    lon: 106.6,
    lat: 29.62,
    sensorId: 'HY-CT-01',
    warningM: 180.5,
    guaranteeM: 183.5,
    datumNote: `吴淞基面；黄海 = 吴淞 − 1.49 m。站位为近似位置（区外下游）。${NOTE}`,
    altThresholds: null,
    peak2020: { stageM: 191.62, at: t('2020-08-20T08:15+08:00'), aboveGuaranteeM: 8.12 },
    order: 2,
    sources: ['http://focus.dongchanet.com/20250924/182930.html'],
  },
];

/** The Ciqikou station's town (磁器口街道) */
export const CIQIKOU_TOWN = '500106004';

/** A calm summer stage per station for the simulator (illustrative, well below warning). */
export const CALM_STAGE_M: Record<string, number> = { cqk: 174.5, beibei: 185.5, cuntan: 172 };

/**
 * The August 2020 flood as anchor points for a replay. `observed` points are the reported figures;
 * the others are our assumptions to start and end the replay, and are marked so wherever it is shown.
 */
export const FLOOD_2020: readonly { stationId: string; anchors: { t: number; stageM: number; observed: boolean }[] }[] =
  [
    {
      stationId: 'cqk',
      anchors: [
        { t: t('2020-08-17T20:00+08:00'), stageM: 180.0, observed: false },
        { t: t('2020-08-19T08:00+08:00'), stageM: 192.59, observed: true },
        { t: t('2020-08-20T02:00+08:00'), stageM: 194.29, observed: true },
        { t: t('2020-08-20T08:00+08:00'), stageM: 194.2, observed: true },
        { t: t('2020-08-21T20:00+08:00'), stageM: 186.0, observed: false },
      ],
    },
    {
      stationId: 'beibei',
      anchors: [
        { t: t('2020-08-17T20:00+08:00'), stageM: 188.0, observed: false },
        { t: t('2020-08-19T12:35+08:00'), stageM: 200.23, observed: true },
        { t: t('2020-08-21T20:00+08:00'), stageM: 190.0, observed: false },
      ],
    },
    {
      stationId: 'cuntan',
      anchors: [
        { t: t('2020-08-17T20:00+08:00'), stageM: 180.0, observed: false },
        { t: t('2020-08-20T08:15+08:00'), stageM: 191.62, observed: true },
        { t: t('2020-08-21T20:00+08:00'), stageM: 185.0, observed: false },
      ],
    },
  ];
