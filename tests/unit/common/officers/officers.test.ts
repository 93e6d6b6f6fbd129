import { describe, expect, it } from 'vitest';
import { COMMAND_ROLES, mayIssue } from '../../../../electron/common/dispatch/roles';
import type { Actor, CommandType } from '../../../../electron/common/dispatch/types';
import { isIdle, msUntilLock } from '../../../../electron/common/officers/idle';
import {
  DEFAULT_LOCKOUT,
  isStale,
  lockedForMs,
  recordFailure,
  type FailureState,
} from '../../../../electron/common/officers/lockout';
import { actorOf, officerInputSchema, officerSchema } from '../../../../electron/common/officers/types';
import { createRng } from '../../../../electron/common/prng';

const fail = (n: number, from: number, every = 1000): FailureState | undefined => {
  let s: FailureState | undefined;
  for (let i = 0; i < n; i++) s = recordFailure(s, from + i * every);
  return s;
};

describe('sign-in lockout', () => {
  it('lets four failures through, locks on the fifth for 30 s, doubling with every further failure', () => {
    expect(lockedForMs(fail(4, 0), 4000)).toBe(0);
    const five = fail(5, 0)!;
    expect(lockedForMs(five, 4000)).toBe(30_000);
    expect(lockedForMs(five, 4000 + 29_999)).toBe(1);
    expect(lockedForMs(five, 4000 + 30_000)).toBe(0);
    const six = recordFailure(five, 40_000);
    expect(lockedForMs(six, 40_000)).toBe(60_000);
  });

  it('never locks longer than the maximum, and forgets old failures once the lock is over', () => {
    const many = fail(40, 0, 10)!;
    expect(lockedForMs(many, many.lastAt)).toBe(DEFAULT_LOCKOUT.maxLockMs);
    const old = fail(3, 0)!;
    expect(recordFailure(old, 2000 + DEFAULT_LOCKOUT.windowMs + 1)).toMatchObject({ failures: 1 });
    expect(isStale(old, 2000 + DEFAULT_LOCKOUT.windowMs + 1)).toBe(true);
    expect(isStale(fail(5, 0)!, 4000 + 1000)).toBe(false);
  });

  it('property: the lock never shortens while failures keep coming, and is 0 below the threshold', () => {
    const rng = createRng(12);
    for (let run = 0; run < 200; run++) {
      let s: FailureState | undefined;
      let t = 0;
      let lockUntil = 0;
      for (let k = 0; k < 30; k++) {
        t += rng.int(0, 120_000);
        s = recordFailure(s, t);
        const until = t + lockedForMs(s, t);
        if (s.failures < DEFAULT_LOCKOUT.maxFailures) expect(until).toBe(t);
        else expect(until).toBeGreaterThanOrEqual(Math.min(lockUntil, t + DEFAULT_LOCKOUT.maxLockMs));
        lockUntil = until;
      }
    }
  });
});

describe('idle lock', () => {
  it('locks after the configured time without input; 0 never locks', () => {
    expect(isIdle(0, 599_999, 600_000)).toBe(false);
    expect(isIdle(0, 600_000, 600_000)).toBe(true);
    expect(isIdle(0, 1e12, 0)).toBe(false);
    expect(msUntilLock(1000, 2000, 5000)).toBe(4000);
    expect(msUntilLock(1000, 9000, 5000)).toBe(0);
    expect(msUntilLock(0, 0, 0)).toBe(Infinity);
  });
});

describe('officers', () => {
  it('a liaison names a department and nobody else does', () => {
    expect(
      officerSchema.safeParse({ id: 'l1', name: '联络员', role: 'department', departmentId: 'police' }).success,
    ).toBe(true);
    const noDep = officerSchema.safeParse({ id: 'l1', name: '联络员', role: 'department' });
    expect(noDep.success || noDep.error.issues[0].path).toEqual(['departmentId']);
    expect(officerSchema.safeParse({ id: 'o1', name: '值班员', role: 'officer', departmentId: 'police' }).success).toBe(
      false,
    );
    expect(officerSchema.safeParse({ id: 'Has Space', name: 'x', role: 'officer' }).success).toBe(false);
    expect(officerInputSchema.safeParse({ id: 'o1', name: 'x', role: 'officer', password: 'short' }).success).toBe(
      false,
    );
    expect(officerInputSchema.safeParse({ id: 'o1', name: 'x', role: 'officer', password: '0123456789' }).success).toBe(
      true,
    );
  });

  it('an officer acts as themselves, with their role and department', () => {
    expect(actorOf({ id: 'liaison-fire', name: '消防联络员', role: 'department', departmentId: 'fire' })).toEqual({
      id: 'liaison-fire',
      name: '消防联络员',
      role: 'department',
      departmentId: 'fire',
    });
    expect(actorOf({ id: 'wall-01', name: '大屏', role: 'wall' })).toEqual({
      id: 'wall-01',
      name: '大屏',
      role: 'wall',
    });
  });
});

describe('roles of the new seats', () => {
  const inc = { leadDepartmentId: 'police' };
  const all = Object.keys(COMMAND_ROLES) as CommandType[];
  const as = (role: Actor['role']): Actor => ({ id: role, name: role, role });

  it('the wall seat and the administrator may issue nothing', () => {
    for (const t of all) {
      expect(mayIssue(as('wall'), t, inc)).toMatch(/not wall$/);
      expect(mayIssue(as('admin'), t, inc)).toMatch(/not admin$/);
    }
  });

  it('a field commander notes, attaches, corrects and records arrival, and nothing else', () => {
    const allowed = all.filter((t) => mayIssue(as('field'), t, inc) === null).sort();
    expect(allowed).toEqual(['amend', 'arrive', 'attach', 'note']);
  });
});
