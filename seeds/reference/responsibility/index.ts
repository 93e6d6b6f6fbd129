// The district's responsibility list (权责清单): several hundred matters a citizen, a grid worker or a
// sensor may raise, each with the words people use for it, its lead and assisting departments. Our own
// reading of who answers for what in a Chinese district, after the usual district lists of powers and
// responsibilities and the matter categories of public governance boards. Street offices (属地) are
// informed through the three-tier linkage rather than listed here.
import type { ResponsibilityRule } from '../../../electron/common/dispatch/matching';
import { URBAN } from './city';
import { HOUSING, PLANNING } from './building';
import { ECOLOGY, MARKET, COMMERCE } from './environment';
import { TRANSPORT, UTILITIES, WATER } from './lifelines';
import { EMERGENCY, FIRE, POLICE } from './safety';
import { CULTURE, EDUCATION, HEALTH } from './services';
import { CIVIL, HRSS, MEDICAL_INSURANCE, PETITIONS, VETERANS } from './social';

export const RESPONSIBILITY_LIST: readonly ResponsibilityRule[] = [
  ...POLICE,
  ...FIRE,
  ...EMERGENCY,
  ...URBAN,
  ...HOUSING,
  ...PLANNING,
  ...UTILITIES,
  ...WATER,
  ...TRANSPORT,
  ...ECOLOGY,
  ...MARKET,
  ...COMMERCE,
  ...EDUCATION,
  ...HEALTH,
  ...CULTURE,
  ...CIVIL,
  ...HRSS,
  ...MEDICAL_INSURANCE,
  ...VETERANS,
  ...PETITIONS,
];
