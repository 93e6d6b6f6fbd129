import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../../../electron/node/seed/history';
import { listIncidents } from '../../../../electron/node/dispatch/queries';
import { openStore } from '../../../../native/sqlite/open';
import { generateIncidents } from '../../../../seeds/generate/incidents';
import { seededServices } from '../../../helpers/ledger';
import { ROOT } from '../../../helpers/tmp';

const officer = { id: 'u1', name: '值班员甲', role: 'officer' as const };
const T = Date.UTC(2026, 9, 2, 2);
let env: Awaited<ReturnType<typeof seededServices>>;
beforeAll(async () => {
  env = await seededServices();
});

describe('dispatch ledger', () => {
  it('reports an incident with grade, town, deadlines and matched departments', () => {
    const i = env.ledger.report(
      {
        source: 'grid',
        title: '磁器口古镇儿童走失',
        description: '一名约六岁男孩与家人走散',
        lon: 106.4505,
        lat: 29.583,
        reporter: '网格员张三',
      },
      officer,
      T,
    );
    expect(i).toMatchObject({
      status: 'reported',
      version: 1,
      grade: 'major',
      townCode: '500106004',
      leadDepartmentId: 'police',
      matchRuleId: 'police-missing',
    });
    expect(i.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/); // a ULID
    expect(i.ref).toMatch(/^1002-[0-9A-Z]{5}$/); // what an officer reads out
  });

  it('records every accepted command as an event with an audit line before → after; a rejected one leaves only its audit line', () => {
    const i = env.ledger.report(
      {
        source: 'citizen',
        title: '井盖缺失',
        description: '渝碚路一处井盖缺失，行人易跌落',
        lon: 106.456,
        lat: 29.564,
        reporter: '市民李四',
      },
      officer,
      T,
    );
    const t = env.ledger.command(i.id, 1, officer, { type: 'triage', grade: 'small', tier: 'community' }, T + 60_000);
    expect(t.ok).toBe(true);
    const bad = env.ledger.command(
      i.id,
      1,
      officer,
      { type: 'dispatch', leadDepartmentId: 'urban', assistDepartmentIds: [] },
      T + 120_000,
    );
    expect(bad).toMatchObject({ ok: false, code: 'conflict', current: { version: 2, lastActor: officer } });
    expect(env.ledger.timeline(i.id).map((e) => e.event.type)).toEqual(['reported', 'triage']);
    const audit = env.ledger.audit(i.id) as {
      command: string;
      outcome: string;
      beforeJson: string | null;
      afterJson: string | null;
      actorName: string;
      role: string;
    }[];
    expect(audit.map((a) => `${a.command}:${a.outcome}`)).toEqual([
      'reported:accepted',
      'triage:accepted',
      'dispatch:rejected',
    ]);
    expect(JSON.parse(audit[1].beforeJson!).status).toBe('reported');
    expect(JSON.parse(audit[1].afterJson!).status).toBe('triaged');
    expect(audit[2]).toMatchObject({ actorName: '值班员甲', role: 'officer' });
  });

  it('matches at least 98 % of the seeded sample incidents to a lead department directly', () => {
    const sample = generateIncidents(3_000, 1510, T);
    let matched = 0,
      right = 0;
    for (const h of sample) {
      const i = env.ledger.report(h.report, officer, h.reportedAt);
      if (i.leadDepartmentId) matched++;
      if (h.expectedLead && i.leadDepartmentId === h.expectedLead) right++;
    }
    const rate = matched / sample.length;
    console.log(
      `responsibility-list match rate on ${sample.length} sample incidents: ${(rate * 100).toFixed(2)} % ` +
        `(lead as intended: ${((right / sample.length) * 100).toFixed(2)} %)`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.98);
    expect(rate).toBeLessThan(1); // the vague ones go to manual triage, never to a guess
    expect(right / sample.length).toBeGreaterThanOrEqual(0.97); // and to the department that answers for it
  });

  it('rebuilding the projections from the event log equals the live projections', async () => {
    await loadHistory(env.ledger, { count: 800, start: T });
    const snapshot = () => env.db.prepare('SELECT * FROM incidents ORDER BY id').all();
    const deps = () => env.db.prepare('SELECT * FROM incident_departments ORDER BY incident_id, department_id').all();
    const before = snapshot();
    const beforeDeps = deps();
    expect(before.length).toBeGreaterThan(800);
    expect(env.ledger.rebuildProjections()).toBe(before.length);
    expect(snapshot()).toEqual(before);
    expect(deps()).toEqual(beforeDeps);
  });

  it('lists with filters', () => {
    const open = listIncidents(env.db, { status: 'open', limit: 5 });
    expect(open.items.every((i) => !['closed', 'cancelled'].includes(i.status))).toBe(true);
    const police = listIncidents(env.db, { department: 'police', limit: 500 });
    expect(police.items.every((i) => i.leadDepartmentId === 'police' || i.assistDepartmentIds.includes('police'))).toBe(
      true,
    );
    const town = listIncidents(env.db, { town: '500106004', grade: 'major', limit: 500 });
    expect(town.items.every((i) => i.townCode === '500106004' && i.grade === 'major')).toBe(true);
  });
});

describe('ledger durability', () => {
  it('every acknowledged command survives the process being killed mid-write', async () => {
    const { file, db } = await seededServices();
    db.close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/ledgerWriter.ts'), file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let buf = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (l.startsWith('ACK ')) acks.push(l.slice(4));
        if (acks.length >= 300) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
      setTimeout(() => reject(new Error(`writer made only ${acks.length} acks: ${err}`)), 90_000);
    });
    expect(acks.length).toBeGreaterThanOrEqual(300);
    const reopened = openStore(file);
    const has = reopened.prepare('SELECT 1 FROM incident_events WHERE incident_id = ? AND seq = ?').pluck();
    const lost = acks.filter((a) => {
      const [id, seq] = a.split(' ');
      return !has.get(id, Number(seq));
    });
    expect(lost).toEqual([]);
    // and the projection agrees with the log for every acknowledged incident
    const proj = reopened.prepare('SELECT version FROM incidents WHERE id = ?').pluck();
    for (const a of acks) {
      const [id, seq] = a.split(' ');
      expect(proj.get(id)).toBeGreaterThanOrEqual(Number(seq));
    }
    reopened.close();
  });
});
