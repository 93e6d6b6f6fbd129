import { describe, expect, it } from 'vitest';
import { apply, decide, replay, TRANSITIONS, type DecidedEvent } from '../../../../electron/common/dispatch/machine';
import { createRng } from '../../../../electron/common/prng';
import { mayIssue } from '../../../../electron/common/dispatch/roles';
import { STATUSES, type Command, type CommandType, type Incident } from '../../../../electron/common/dispatch/types';
import { ctx, fresh, leader, liaison, officer, police, reported, T0 } from './fixtures';

function run(s: Incident, c: Command, actor = officer, now = T0) {
  const d = decide(s, s.version, actor, c, ctx(now));
  if (!d.ok) throw new Error(d.reason);
  return apply(s, d.event);
}

const happy: [Command, typeof officer][] = [
  [{ type: 'triage', grade: 'major', tier: 'district' }, officer],
  [{ type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: ['civil'] }, officer],
  [{ type: 'accept', departmentId: 'police' }, police],
  [{ type: 'arrive' }, police],
  [{ type: 'attach', evidence: { id: 'ev-1', kind: 'note', name: '现场记录', note: '男孩已交还家属' } }, police],
  [{ type: 'resolve', summary: '民警9分钟内找到走失男孩并交还家属', evidenceIds: ['ev-1'] }, police],
  [{ type: 'verify', passed: true }, officer],
  [{ type: 'evaluate' }, officer],
];

describe('incident state machine', () => {
  it('walks the closed loop: reported → … → closed (evaluated), recording every step', () => {
    let s = fresh();
    const seen = [s.status];
    happy.forEach(([c, a], k) => {
      s = run(s, c, a, T0 + (k + 1) * 60_000);
      seen.push(s.status);
    });
    expect(seen).toEqual([
      'reported',
      'triaged',
      'dispatched',
      'accepted',
      'on-scene',
      'on-scene',
      'resolved',
      'verified',
      'closed',
    ]);
    expect(s.version).toBe(9);
    expect(s.colour).toBe('green');
    expect(s.resolution).toEqual({ summary: expect.any(String), evidenceCount: 1, evidenceIds: ['ev-1'] });
    expect(s.evidence.map((e) => e.id)).toEqual(['ev-1']);
    expect(s.closedAt).toBe(T0 + 8 * 60_000);
    expect(s.lastActor).toEqual(officer);
  });

  it('rejects a command not allowed from the current state, with the reason, and changes nothing', () => {
    const s = fresh();
    const d = decide(s, 1, police, { type: 'accept', departmentId: 'police' }, ctx());
    expect(d).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect(!d.ok && d.reason).toMatch(/cannot accept an incident that is reported/);
  });

  it('each role issues only its own commands: the duty seat cannot accept or rule, a liaison only for its department', () => {
    let s = run(fresh(), happy[0][0]);
    s = run(s, happy[1][0]);
    const accept = { type: 'accept', departmentId: 'police' } as const;
    expect(decide(s, s.version, officer, accept, ctx())).toMatchObject({ ok: false, code: 'not-permitted' });
    expect(decide(s, s.version, liaison('fire'), accept, ctx())).toMatchObject({ ok: false, code: 'not-permitted' });
    expect(decide(s, s.version, police, accept, ctx())).toMatchObject({ ok: true });
    const triage = { type: 'triage', grade: 'major', tier: 'district' } as const;
    expect(decide(fresh(), 1, police, triage, ctx())).toMatchObject({ ok: false, code: 'not-permitted' });
    expect(decide(fresh(), 1, leader, triage, ctx())).toMatchObject({ ok: false, code: 'not-permitted' });
  });

  it('acknowledging starts the emergency clock once; triage acknowledges when nobody did', () => {
    const a = run(fresh(), { type: 'acknowledge' }, officer, T0 + 30_000);
    expect(a).toMatchObject({ status: 'reported', acknowledgedAt: T0 + 30_000, version: 2 });
    expect(decide(a, 2, officer, { type: 'acknowledge' }, ctx())).toMatchObject({ ok: false, code: 'invalid-command' });
    const t = run(fresh(), happy[0][0], officer, T0 + 50_000);
    expect(t.acknowledgedAt).toBe(T0 + 50_000);
  });

  it('an urgency override needs a reason, like a grade override', () => {
    const s = fresh();
    const down = { type: 'triage', grade: 'major', tier: 'district', urgency: 'routine' } as const;
    expect(decide(s, 1, officer, down, ctx())).toMatchObject({ ok: false, code: 'invalid-command' });
    const t = run(s, { ...down, reason: '家属电话告知已找到' });
    expect(t).toMatchObject({ urgency: 'routine', urgencyReason: '家属电话告知已找到', gradeReason: s.gradeReason });
  });

  it('resolution names evidence that was attached; a bare count is refused', () => {
    let s = fresh();
    for (const [c, a] of happy.slice(0, 4)) s = run(s, c, a);
    const claim = { type: 'resolve', summary: '现场处置完毕并回访当事人', evidenceCount: 2 } as const;
    expect(decide(s, s.version, police, claim, ctx())).toMatchObject({ ok: false, code: 'invalid-command' });
    const ghost: Command = { type: 'resolve', summary: '现场处置完毕并回访当事人', evidenceIds: ['nope'] };
    expect(decide(s, s.version, police, ghost, ctx())).toMatchObject({ ok: false, code: 'invalid-command' });
  });

  it('rejects a stale version as a conflict naming who changed it', () => {
    const s = run(fresh(), { type: 'triage', grade: 'major', tier: 'district' });
    const d = decide(s, 1, officer, { type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: [] }, ctx());
    expect(d).toMatchObject({
      ok: false,
      code: 'conflict',
      current: { version: 2, status: 'triaged', lastActor: officer },
    });
    expect(!d.ok && d.reason).toContain('值班员甲');
  });

  it('needs a reason to override the suggested grade', () => {
    const s = fresh();
    expect(decide(s, 1, officer, { type: 'triage', grade: 'small', tier: 'community' }, ctx())).toMatchObject({
      ok: false,
      code: 'invalid-command',
    });
    const t = run(s, { type: 'triage', grade: 'small', tier: 'community', reason: '家属已自行找到' });
    expect(t.grade).toBe('small');
    expect(t.gradeReason).toBe('家属已自行找到');
  });

  it('return → consultation → escalation → ruling re-dispatches; returns and escalations are counted', () => {
    let s = run(run(fresh(), happy[0][0]), { type: 'dispatch', leadDepartmentId: 'urban', assistDepartmentIds: [] });
    expect(decide(s, s.version, police, { type: 'return', departmentId: 'police', reason: 'x' }, ctx())).toMatchObject({
      ok: false,
      code: 'not-permitted', // police is not the lead
    });
    const urban = liaison('urban');
    expect(decide(s, s.version, urban, { type: 'return', departmentId: 'urban', reason: ' ' }, ctx())).toMatchObject({
      ok: false,
      code: 'invalid-command',
    });
    s = run(s, { type: 'return', departmentId: 'urban', reason: '不属于城管职责' }, urban);
    s = run(s, { type: 'dispatch', leadDepartmentId: 'housing', assistDepartmentIds: [] }); // re-dispatch
    s = run(s, { type: 'return', departmentId: 'housing', reason: '应由属地处理' }, liaison('housing'));
    s = run(s, { type: 'consult', note: '城管、住建会商' });
    s = run(s, { type: 'escalate', note: '会商未果，提请区领导研判' });
    const ruling: Command = {
      type: 'rule',
      leadDepartmentId: 'urban',
      assistDepartmentIds: ['housing'],
      ruling: '由城管牵头，住建配合',
    };
    expect(decide(s, s.version, officer, ruling, ctx())).toMatchObject({ ok: false, code: 'not-permitted' });
    s = run(s, ruling, leader);
    expect(s.status).toBe('dispatched');
    expect(s.returns.map((r) => r.departmentId)).toEqual(['urban', 'housing']);
    expect(s.escalations).toBe(1);
  });

  it('verification runs the ticket quality check and lists each failed rule', () => {
    let s = fresh();
    for (const [c, a] of happy.slice(0, 4)) s = run(s, c, a);
    s = run(s, { type: 'resolve', summary: '已处理', evidenceIds: [] }, police);
    const d = decide(s, s.version, officer, { type: 'verify', passed: true }, ctx());
    expect(d).toMatchObject({ ok: false, code: 'quality-check-failed' });
    expect(!d.ok && d.failures?.map((f) => f.id)).toEqual(['summary', 'evidence']);
    s = run(s, { type: 'verify', passed: false, note: '证据不足，退回补充' });
    expect(s.status).toBe('on-scene');
    expect(s.qualityFailures).toBe(1);
  });

  it('cancels only before dispatch, as duplicate or invalid with a note', () => {
    const s = fresh();
    expect(decide(s, 1, officer, { type: 'cancel', reason: 'duplicate', note: '' }, ctx())).toMatchObject({
      ok: false,
    });
    const c = run(s, { type: 'cancel', reason: 'duplicate', note: '与 INC-0 重复' });
    expect(c.status).toBe('cancelled');
    expect(c.cancelReason).toBe('duplicate: 与 INC-0 重复');
  });

  it('rejects unknown departments and a lead that also assists', () => {
    const s = run(fresh(), happy[0][0]);
    expect(
      decide(s, 2, officer, { type: 'dispatch', leadDepartmentId: 'nasa', assistDepartmentIds: [] }, ctx()),
    ).toMatchObject({ ok: false, code: 'invalid-command' });
    expect(
      decide(s, 2, officer, { type: 'dispatch', leadDepartmentId: 'police', assistDepartmentIds: ['police'] }, ctx()),
    ).toMatchObject({ ok: false });
  });
});

describe('state machine properties (random command sequences)', () => {
  const pool = (rng: ReturnType<typeof createRng>): Command => {
    const dep = rng.pick(['police', 'urban', 'housing', 'civil', 'nasa']);
    return rng.pick<Command>([
      {
        type: 'triage',
        grade: rng.pick(['small', 'major', 'difficult', 'thorny'] as const),
        tier: 'town',
        reason: rng.next() < 0.5 ? '研判' : undefined,
      },
      { type: 'dispatch', leadDepartmentId: dep, assistDepartmentIds: rng.next() < 0.3 ? ['civil'] : [] },
      { type: 'accept', departmentId: dep },
      { type: 'return', departmentId: dep, reason: rng.next() < 0.8 ? '非本部门职责' : '' },
      { type: 'consult', note: '会商' },
      { type: 'escalate', note: '提级' },
      { type: 'rule', leadDepartmentId: dep, assistDepartmentIds: [], ruling: '裁定' },
      { type: 'arrive' },
      { type: 'attach', evidence: { id: `ev-${rng.int(1, 3)}`, kind: 'note', name: '记录' } },
      {
        type: 'resolve',
        summary: rng.next() < 0.7 ? '现场处置完毕并回访当事人' : '好',
        evidenceIds: rng.next() < 0.7 ? ['ev-1'] : [],
      },
      { type: 'acknowledge' },
      { type: 'note', text: '值班备注' },
      { type: 'verify', passed: rng.next() < 0.7 },
      { type: 'evaluate' },
      { type: 'cancel', reason: 'invalid', note: rng.next() < 0.8 ? '无效' : '' },
    ]);
  };

  it('never reaches an invalid state, and replay rebuilds exactly the live state', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(seed);
      let s = fresh();
      const events: DecidedEvent[] = [{ incidentId: 'INC-1', seq: 1, at: T0, actor: officer, event: reported }];
      let now = T0;
      for (let step = 0; step < 40; step++) {
        now += rng.int(1, 600) * 60_000;
        const stale = rng.next() < 0.1;
        const who = rng.pick([officer, leader, liaison(s.leadDepartmentId ?? 'police'), liaison('civil')]);
        const d = decide(s, stale ? s.version - 1 : s.version, who, pool(rng), ctx(now));
        if (!d.ok) continue;
        const before = s;
        s = apply(s, d.event);
        events.push(d.event);
        // invariants
        expect(STATUSES).toContain(s.status);
        expect(s.version).toBe(before.version + 1);
        expect(TRANSITIONS[d.event.event.type as keyof typeof TRANSITIONS].from).toContain(before.status);
        expect(mayIssue(who, d.event.event.type as CommandType, before)).toBeNull();
        if (s.resolution)
          for (const id of s.resolution.evidenceIds ?? []) expect(s.evidence.some((e) => e.id === id)).toBe(true);
        expect(s.returns.length).toBeGreaterThanOrEqual(before.returns.length);
        if (
          [
            'dispatched',
            'accepted',
            'on-scene',
            'resolved',
            'verified',
            'returned',
            'consultation',
            'escalated',
          ].includes(s.status)
        )
          expect(s.leadDepartmentId).not.toBeNull();
        if (['resolved', 'verified'].includes(s.status)) expect(s.resolution).not.toBeNull();
        if (s.status === 'closed') {
          expect(s.colour).not.toBeNull();
          expect(s.closedAt).toBe(now);
        }
        if (s.status === 'closed' || s.status === 'cancelled') break;
      }
      expect(s.version).toBe(events.length);
      expect(replay(events)).toEqual(s);
      expect(replay(JSON.parse(JSON.stringify(events)))).toEqual(s); // survives storage as JSON
    }
  });
});
