import { describe, expect, it } from 'vitest';
import { officerSchema } from '../../../electron/common/officers/types';
import { DEPARTMENTS } from '../../../seeds/reference/departments';
import { officerRoster } from '../../../seeds/reference/officers';

describe('the seeded roster', () => {
  const roster = officerRoster();

  it('is deterministic, valid, with unique ids and no passwords', () => {
    expect(officerRoster()).toEqual(roster);
    for (const o of roster) expect(officerSchema.parse(o)).toEqual(o);
    expect(new Set(roster.map((o) => o.id)).size).toBe(roster.length);
    expect(roster.some((o) => 'password' in o || o.role === 'admin')).toBe(false);
  });

  it('has a liaison for each of the 4 resident and 10 on-call departments, and every other seat', () => {
    const joint = DEPARTMENTS.filter((d) => d.jointDuty);
    expect(joint.filter((d) => d.role === 'resident')).toHaveLength(4);
    expect(joint.filter((d) => d.role === 'on-call')).toHaveLength(10);
    const liaisons = roster.filter((o) => o.role === 'department');
    expect(liaisons.map((o) => o.departmentId).sort()).toEqual(joint.map((d) => d.id).sort());
    const count = (r: string) => roster.filter((o) => o.role === r).length;
    expect(count('officer')).toBeGreaterThanOrEqual(2);
    expect(count('supervisor')).toBeGreaterThanOrEqual(1);
    expect(count('leader')).toBe(1);
    expect(count('field')).toBeGreaterThanOrEqual(1);
    expect(count('wall')).toBe(1);
  });
});
