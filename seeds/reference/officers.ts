// The duty roster a console starts with: duty officers and shift leaders of the joint-duty centre, one
// liaison for each of the 4 resident and 10 on-call departments, the district leader who rules on
// disputes, field commanders for on-site incidents, and a read-only seat for the video/map wall.
// Accounts only: none has a password until the administrator sets one. Fictional officers.
import type { Officer } from '../../electron/common/officers/types';
import { DEPARTMENTS } from './departments';

const numbered = (prefix: string, n: number, name: string, role: Officer['role']): Officer[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${String(i + 1).padStart(2, '0')}`,
    name: `${name} ${String(i + 1).padStart(2, '0')}`,
    role,
  }));

export function officerRoster(): Officer[] {
  return [
    ...numbered('duty', 4, '联勤值班员', 'officer'),
    ...numbered('shift', 2, '值班长', 'supervisor'),
    ...DEPARTMENTS.filter((d) => d.jointDuty).map((d): Officer => ({
      id: `liaison-${d.id}`,
      name: `${d.name}联络员`,
      role: 'department',
      departmentId: d.id,
    })),
    { id: 'leader-district', name: '区领导（联勤总指挥）', role: 'leader' },
    ...numbered('field', 3, '现场指挥员', 'field'),
    { id: 'wall-01', name: '大屏席位', role: 'wall' },
  ];
}
