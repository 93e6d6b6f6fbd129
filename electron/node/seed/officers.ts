// The seeded duty roster (seeds/reference/officers): the only door from node/ to it.
import type { Officer } from '../../common/officers/types';
import { officerRoster } from '../../../seeds/reference/officers';

export function seededRoster(): Officer[] {
  return officerRoster();
}
