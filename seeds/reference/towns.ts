// The 26 official town/street units of Shapingba (NBS statistical codes 2023).
// Names and codes are official facts. Six points are GeoNames (CC BY 4.0, credit GeoNames); a few come
// from the reference places file (our own estimates); the rest are our own rough estimates of each
// unit's centre, flagged 'estimate' with a generous uncertainty. None is survey data.
import type { PointQuality, TownKind } from '../../electron/common/dto';

export interface TownSeed {
  code: string; name: string; nameEn: string; kind: TownKind; managed: boolean;
  lon: number; lat: number; quality: PointQuality; source: string; uncertaintyM: number;
  /** relative density of risk points and cameras: the urban east is denser */
  weight: number;
}

const G = (id: number) => `GeoNames ${id} (CC BY 4.0)`;
const EST = 'own estimate of the unit centre';
const REF = 'reference places file (estimate)';

// Units administered by the high-tech zone rather than the district (26 − 22 = 4): our reading, to revise.
const HIGH_TECH_ZONE = new Set(['500106016', '500106017', '500106020', '500106108']);

const rows: Omit<TownSeed, 'managed'>[] = [
  { code: '500106001', name: '小龙坎街道', nameEn: 'Xiaolongkan', kind: 'street', lon: 106.4640, lat: 29.5535, quality: 'estimate', source: EST, uncertaintyM: 1500, weight: 8 },
  { code: '500106002', name: '沙坪坝街道', nameEn: 'Shapingba', kind: 'street', lon: 106.461, lat: 29.561, quality: 'estimate', source: REF, uncertaintyM: 800, weight: 8 },
  { code: '500106003', name: '渝碚路街道', nameEn: 'Yubeilu', kind: 'street', lon: 106.456, lat: 29.564, quality: 'estimate', source: REF, uncertaintyM: 800, weight: 7 },
  { code: '500106004', name: '磁器口街道', nameEn: 'Ciqikou', kind: 'street', lon: 106.4505, lat: 29.583, quality: 'estimate', source: REF, uncertaintyM: 500, weight: 6 },
  { code: '500106005', name: '童家桥街道', nameEn: 'Tongjiaqiao', kind: 'street', lon: 106.4520, lat: 29.6030, quality: 'estimate', source: EST, uncertaintyM: 1500, weight: 5 },
  { code: '500106006', name: '石井坡街道', nameEn: 'Shijingpo', kind: 'street', lon: 106.442, lat: 29.594, quality: 'estimate', source: REF, uncertaintyM: 1000, weight: 5 },
  { code: '500106007', name: '双碑街道', nameEn: 'Shuangbei', kind: 'street', lon: 106.4440, lat: 29.6170, quality: 'estimate', source: EST, uncertaintyM: 1500, weight: 4 },
  { code: '500106008', name: '井口街道', nameEn: 'Jingkou', kind: 'street', lon: 106.4450, lat: 29.6420, quality: 'estimate', source: EST, uncertaintyM: 2000, weight: 4 },
  { code: '500106009', name: '歌乐山街道', nameEn: 'Geleshan', kind: 'street', lon: 106.41258, lat: 29.57791, quality: 'sourced', source: G(1810234), uncertaintyM: 1000, weight: 3 },
  { code: '500106010', name: '山洞街道', nameEn: 'Shandong', kind: 'street', lon: 106.3950, lat: 29.5620, quality: 'estimate', source: EST, uncertaintyM: 2000, weight: 3 },
  { code: '500106011', name: '新桥街道', nameEn: 'Xinqiao', kind: 'street', lon: 106.4320, lat: 29.5480, quality: 'estimate', source: EST, uncertaintyM: 1500, weight: 5 },
  { code: '500106012', name: '天星桥街道', nameEn: 'Tianxingqiao', kind: 'street', lon: 106.456, lat: 29.548, quality: 'estimate', source: REF, uncertaintyM: 800, weight: 6 },
  { code: '500106013', name: '土湾街道', nameEn: 'Tuwan', kind: 'street', lon: 106.4680, lat: 29.5660, quality: 'estimate', source: EST, uncertaintyM: 1000, weight: 6 },
  { code: '500106014', name: '覃家岗街道', nameEn: 'Qinjiagang', kind: 'street', lon: 106.450221, lat: 29.543809, quality: 'derived', source: REF, uncertaintyM: 1500, weight: 6 },
  { code: '500106015', name: '陈家桥街道', nameEn: 'Chenjiaqiao', kind: 'street', lon: 106.3300, lat: 29.6150, quality: 'estimate', source: EST, uncertaintyM: 2500, weight: 3 },
  { code: '500106016', name: '虎溪街道', nameEn: 'Huxi', kind: 'street', lon: 106.30583, lat: 29.59889, quality: 'sourced', source: G(1806557), uncertaintyM: 1500, weight: 3 },
  { code: '500106017', name: '西永街道', nameEn: 'Xiyong', kind: 'street', lon: 106.33, lat: 29.58, quality: 'estimate', source: REF, uncertaintyM: 2000, weight: 3 },
  { code: '500106018', name: '联芳街道', nameEn: 'Lianfang', kind: 'street', lon: 106.4200, lat: 29.5320, quality: 'estimate', source: EST, uncertaintyM: 2000, weight: 4 },
  { code: '500106019', name: '丰文街道', nameEn: 'Fengwen', kind: 'street', lon: 106.3450, lat: 29.6000, quality: 'estimate', source: EST, uncertaintyM: 3000, weight: 2 },
  { code: '500106020', name: '香炉山街道', nameEn: 'Xianglushan', kind: 'street', lon: 106.3180, lat: 29.6120, quality: 'estimate', source: EST, uncertaintyM: 3000, weight: 2 },
  { code: '500106021', name: '土主街道', nameEn: 'Tuzhu', kind: 'street', lon: 106.36717, lat: 29.64412, quality: 'sourced', source: G(1914263), uncertaintyM: 1500, weight: 2 },
  { code: '500106104', name: '青木关镇', nameEn: 'Qingmuguan', kind: 'town', lon: 106.29528, lat: 29.67528, quality: 'sourced', source: G(1797813), uncertaintyM: 2000, weight: 1.5 },
  { code: '500106105', name: '凤凰镇', nameEn: 'Fenghuang', kind: 'town', lon: 106.3400, lat: 29.6850, quality: 'estimate', source: EST, uncertaintyM: 3000, weight: 1.5 },
  { code: '500106106', name: '回龙坝镇', nameEn: 'Huilongba', kind: 'town', lon: 106.37556, lat: 29.705, quality: 'sourced', source: G(1904051), uncertaintyM: 2000, weight: 1.5 },
  { code: '500106108', name: '曾家镇', nameEn: 'Zengjia', kind: 'town', lon: 106.29778, lat: 29.55083, quality: 'sourced', source: G(1904083), uncertaintyM: 2000, weight: 1.5 },
  { code: '500106112', name: '中梁镇', nameEn: 'Zhongliang', kind: 'town', lon: 106.375, lat: 29.615, quality: 'estimate', source: REF, uncertaintyM: 2500, weight: 1.5 },
];

export const TOWNS: readonly TownSeed[] = rows.map((r) => ({ ...r, managed: !HIGH_TECH_ZONE.has(r.code) }));

/** Named places from the source article (reference places file; quality flags kept). */
export const PLACES: readonly { name: string; lon: number; lat: number; quality: PointQuality; uncertaintyM: number }[] = [
  { name: '三峡广场', lon: 106.4565, lat: 29.5585, quality: 'estimate', uncertaintyM: 400 },
  { name: '沙坪坝站', lon: 106.45333, lat: 29.55639, quality: 'sourced', uncertaintyM: 100 },
  { name: '沙滨路', lon: 106.464, lat: 29.574, quality: 'estimate', uncertaintyM: 800 },
  { name: '磁器口古镇', lon: 106.4505, lat: 29.583, quality: 'estimate', uncertaintyM: 500 },
  { name: '重庆西站', lon: 106.438, lat: 29.502, quality: 'estimate', uncertaintyM: 500 },
  { name: '树人小学', lon: 106.458, lat: 29.556, quality: 'placeholder', uncertaintyM: 2000 },
  { name: '西永微电园', lon: 106.33, lat: 29.58, quality: 'estimate', uncertaintyM: 2000 },
];

/** Jialing river centre line near the district (Natural Earth 10m, public domain). */
export const JIALING_LINE: readonly [number, number][] = [
  [106.50937, 29.78229], [106.52011, 29.76948], [106.52483, 29.75385], [106.52353, 29.72138], [106.51669, 29.70344],
  [106.50123, 29.6955], [106.47079, 29.70588], [106.45639, 29.70429], [106.45021, 29.68533], [106.45216, 29.6776],
  [106.46103, 29.66242], [106.46388, 29.65457], [106.46241, 29.6507], [106.4594, 29.64513], [106.45851, 29.63752],
  [106.46388, 29.62727], [106.45924, 29.59557], [106.49781, 29.57709], [106.55022, 29.57327], [106.58684, 29.58564],
];
