// The board's rules run in two places: SQL in the host (lists) and plain code in the renderer
// (applying a change in place). They must agree on every incident of a real season.
import { beforeAll, describe, expect, it } from 'vitest';
import { boardCompare, matchesFilter, type IncidentFilter } from '../../../../electron/common/dispatch/board';
import type { Actor, Command, Incident } from '../../../../electron/common/dispatch/types';
import { CONSOLE_OFFICER } from '../../../../electron/node/dispatch/actors';
import { listIncidents } from '../../../../electron/node/dispatch/queries';
import { loadHistory } from '../../../../electron/node/seed/history';
import { seededServices } from '../../../helpers/ledger';

const T = Date.UTC(2026, 9, 1);
let env: Awaited<ReturnType<typeof seededServices>>;
let all: Incident[];

beforeAll(async () => {
  env = await seededServices(undefined, () => T + 92 * 86_400_000);
  await loadHistory(env.ledger, { count: 1_500, start: T });
  // a vague report nobody has triaged yet: the manual triage queue is never empty here
  await env.services.dispatch.report({
    source: 'citizen',
    title: '反映小区情况',
    description: '请处理一下相关诉求事项',
    lon: 106.45,
    lat: 29.56,
    reporter: '市民',
  });
  await badOne();
  all = listIncidents(env.db, { limit: 100_000 }).items;
});

/** One incident that goes badly (returned twice, escalated, late): the supervision list is never empty here. */
async function badOne() {
  const day = 86_400_000;
  const at = T + 40 * day;
  const liaison = (dep: string) => ({ id: `l-${dep}`, name: dep, role: 'department' as const, departmentId: dep });
  const step = (i: { id: string; version: number }, when: number, c: Command, actor?: Actor) =>
    env.ledger.command(i.id, i.version, actor ?? CONSOLE_OFFICER, c, when);
  let i = env.ledger.report(
    {
      source: 'citizen',
      title: '渝碚路井盖缺失',
      description: '渝碚路一处井盖缺失多日无人处理',
      lon: 106.456,
      lat: 29.564,
      reporter: '市民',
    },
    CONSOLE_OFFICER,
    at,
  );
  const go = (r: ReturnType<typeof step>) => {
    if (!r.ok) throw new Error(r.reason);
    i = r.incident;
  };
  go(step(i, at + 60_000, { type: 'triage', grade: i.suggestedGrade, tier: i.tier }));
  go(step(i, at + 2 * 60_000, { type: 'dispatch', leadDepartmentId: 'urban', assistDepartmentIds: [] }));
  go(step(i, at + day, { type: 'return', departmentId: 'urban', reason: '不属于本部门' }, liaison('urban')));
  go(step(i, at + day + 1, { type: 'consult', note: '会商' }));
  go(step(i, at + day + 2, { type: 'escalate', note: '提级' }));
  const leader = { id: 'leader', name: '区领导', role: 'leader' as const };
  go(
    step(
      i,
      at + 2 * day,
      { type: 'rule', leadDepartmentId: 'utilities', assistDepartmentIds: [], ruling: '由运行保障中心牵头' },
      leader,
    ),
  );
  go(step(i, at + 2 * day + 1, { type: 'accept', departmentId: 'utilities' }, liaison('utilities')));
  go(step(i, at + 2 * day + 2, { type: 'arrive' }, liaison('utilities')));
  go(
    step(i, at + 9 * day, { type: 'attach', evidence: { id: 'e1', kind: 'note', name: '记录' } }, liaison('utilities')),
  );
  go(
    step(
      i,
      at + 9 * day + 1,
      { type: 'resolve', summary: '已补装井盖并设置警示', evidenceIds: ['e1'] },
      liaison('utilities'),
    ),
  );
  go(step(i, at + 9 * day + 2, { type: 'verify', passed: true }));
  go(step(i, at + 9 * day + 3, { type: 'evaluate' }));
  expect(['red', 'orange']).toContain(i.colour);
}

const filters: IncidentFilter[] = [
  { status: 'open' },
  { status: 'closed' },
  { grade: 'major' },
  { town: '500106004' },
  { department: 'police' },
  { department: 'civil' },
  { source: 'citizen' },
  { unmatched: true },
  { supervision: true },
  { supervision: true, closedSince: T + 30 * 86_400_000 },
  { status: 'open', grade: 'small', source: 'grid' },
];

describe('board rules', () => {
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))(
    'matchesFilter agrees with the SQL list for %s',
    (_, f) => {
      const sql = listIncidents(env.db, { ...f, limit: 100_000 })
        .items.map((i) => i.id)
        .sort();
      const js = all
        .filter((i) => matchesFilter(i, f))
        .map((i) => i.id)
        .sort();
      expect(js).toEqual(sql);
      expect(sql.length).toBeGreaterThan(0);
    },
  );

  it('board order is a total order, the same as the service’s, and does not drift as time passes', async () => {
    const now = T + 92 * 86_400_000;
    const page = await env.services.dispatch.board({ limit: 2000 });
    const open = all.filter((i) => matchesFilter(i, { status: 'open' }));
    const sorted = [...open].sort((a, b) => boardCompare(a, b, now));
    expect(sorted.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    const later = [...open].sort((a, b) => boardCompare(a, b, now + 6 * 3_600_000));
    expect(later.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    for (const a of sorted.slice(0, 50)) {
      expect(boardCompare(a, a, now)).toBe(0);
      for (const b of sorted.slice(0, 50))
        expect(Math.sign(boardCompare(a, b, now)) + Math.sign(boardCompare(b, a, now))).toBe(0);
    }
  });
});
