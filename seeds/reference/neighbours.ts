// The districts around Shapingba, by an approximate centre point each (public facts about where these
// districts lie, rounded; good enough to name the neighbour of a point outside our outline, not a
// boundary), and the desk that handles matters across the line: the article's dynamic responsibility
// lists with Jiulongpo and the high-tech zone (e.g. the dual-commander system at Chongqing West Station).
import type { DepartmentDto } from '../../electron/common/dto';

export interface NeighbourRow {
  name: string;
  nameEn: string;
  lon: number;
  lat: number;
  quality: 'estimate';
}

export const NEIGHBOURS: readonly NeighbourRow[] = [
  { name: '北碚区', nameEn: 'Beibei District', lon: 106.396, lat: 29.805, quality: 'estimate' },
  { name: '渝北区', nameEn: 'Yubei District', lon: 106.631, lat: 29.718, quality: 'estimate' },
  { name: '江北区', nameEn: 'Jiangbei District', lon: 106.574, lat: 29.606, quality: 'estimate' },
  { name: '渝中区', nameEn: 'Yuzhong District', lon: 106.569, lat: 29.553, quality: 'estimate' },
  { name: '九龙坡区', nameEn: 'Jiulongpo District', lon: 106.511, lat: 29.502, quality: 'estimate' },
  { name: '大渡口区', nameEn: 'Dadukou District', lon: 106.482, lat: 29.484, quality: 'estimate' },
  { name: '重庆高新区', nameEn: 'Chongqing High-tech Zone', lon: 106.31, lat: 29.53, quality: 'estimate' },
  { name: '璧山区', nameEn: 'Bishan District', lon: 106.227, lat: 29.592, quality: 'estimate' },
];

/** Outside-district reports go here first: it agrees with the neighbour who handles them. */
export const CROSS_DISTRICT_DEPARTMENT: DepartmentDto = {
  id: 'cross-district',
  name: '区际协同专班',
  nameEn: 'Cross-district Coordination Desk',
  role: 'on-call',
  jointDuty: true,
  dutyPhone: '023-60000499',
  contact: '区治理中心',
};
