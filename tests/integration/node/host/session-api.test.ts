// Officers over HTTP: sign-in with a lockout, the administrator's roster, commands as the signed-in
// officer (401 / 403 / 409 naming who, what and when), and a host on the network that refuses its API
// without a token.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../helpers/host';

let host: TestHost;
let skewMs = 0;
let admin: string;
beforeAll(async () => {
  host = await startTestHost(undefined, { historyCount: 0, now: () => Date.now() + skewMs });
  await host.console.officers.ready;
  const cred = JSON.parse(fs.readFileSync(path.join(host.dataDir, 'initial-admin.json'), 'utf8'));
  admin = (await signIn(host.url, cred.officerId, cred.password)).body.token;
});
afterAll(async () => {
  await host?.close();
});

async function call(base: string, method: string, p: string, body?: unknown, token?: string) {
  const r = await fetch(base + p, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
}
const signIn = (base: string, officerId: string, password: string) =>
  call(base, 'POST', '/api/session', { officerId, password });

const report = {
  source: 'grid',
  title: '磁器口古镇儿童走失',
  description: '一名约六岁男孩在古镇正街与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
};

async function officer(id: string, password: string, extra: object = {}) {
  const r = await call(host.url, 'POST', '/api/officers', { id, name: id, role: 'officer', password, ...extra }, admin);
  expect([200, 201]).toContain(r.status);
  return (await signIn(host.url, id, password)).body.token as string;
}

describe('first start', () => {
  it('writes a one-time administrator credential readable by this user only; the roster has no passwords', async () => {
    const file = path.join(host.dataDir, 'initial-admin.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const roster = await call(host.url, 'GET', '/api/officers', undefined, admin);
    expect(roster.status).toBe(200);
    const liaisons = roster.body.filter((o: { role: string }) => o.role === 'department');
    expect(liaisons).toHaveLength(14);
    for (const role of ['officer', 'supervisor', 'leader', 'field', 'wall']) {
      expect(roster.body.some((o: { role: string }) => o.role === role)).toBe(true);
    }
    expect(roster.body.filter((o: { hasPassword: boolean }) => o.hasPassword).map((o: { id: string }) => o.id)).toEqual(
      ['admin'],
    );
    // a seeded officer without a password cannot sign in with anything
    for (const pw of ['', 'password', 'duty-01']) expect((await signIn(host.url, 'duty-01', pw)).status).not.toBe(200);
  });
});

describe('POST /api/session', () => {
  it('answers a token for good credentials and 401 with one message for any bad one', async () => {
    await officer('sess-a', 'correct horse battery');
    const ok = await signIn(host.url, 'sess-a', 'correct horse battery');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token: expect.any(String), officer: { id: 'sess-a', role: 'officer' } });
    const wrong = await signIn(host.url, 'sess-a', 'wrong horse battery');
    const nobody = await signIn(host.url, 'no-such-officer', 'correct horse battery');
    expect([wrong.status, nobody.status]).toEqual([401, 401]);
    expect(wrong.body.error).toBe(nobody.body.error);
    const me = await call(host.url, 'GET', '/api/session', undefined, ok.body.token);
    expect(me.body).toEqual({ id: 'sess-a', name: 'sess-a', role: 'officer' });
    expect((await call(host.url, 'DELETE', '/api/session', undefined, ok.body.token)).status).toBe(204);
    expect((await call(host.url, 'GET', '/api/session', undefined, ok.body.token)).status).toBe(401);
  });

  it('locks an officer out for a while after five failures in a row, then lets the right password in', async () => {
    await officer('sess-b', 'the right password');
    for (let i = 0; i < 5; i++) expect((await signIn(host.url, 'sess-b', `guess ${i} wrong`)).status).toBe(401);
    const locked = await signIn(host.url, 'sess-b', 'the right password');
    expect(locked.status).toBe(401);
    expect(locked.body.error).toMatch(/too many failed sign-ins: try again in \d+ s/);
    skewMs += 31_000;
    expect((await signIn(host.url, 'sess-b', 'the right password')).status).toBe(200);
  });

  it('refuses a malformed body naming the field', async () => {
    const r = await call(host.url, 'POST', '/api/session', { officerId: 'Bad Id!', password: 'x' });
    expect(r).toMatchObject({ status: 400, body: { param: 'officerId' } });
  });
});

describe('POST /api/officers', () => {
  it('is for administrators: 401 without a token, 403 for an officer; adds (201) and updates (200)', async () => {
    const body = { id: 'new-liaison', name: '公安联络员乙', role: 'department', departmentId: 'police' };
    expect((await call(host.url, 'POST', '/api/officers', body)).status).toBe(401);
    const duty = await officer('sess-c', 'a duty password');
    expect((await call(host.url, 'POST', '/api/officers', body, duty)).status).toBe(403);
    expect((await call(host.url, 'POST', '/api/officers', body, admin)).status).toBe(201);
    const upd = await call(host.url, 'POST', '/api/officers', { ...body, password: 'liaison password' }, admin);
    expect(upd).toMatchObject({ status: 200, body: { id: 'new-liaison', hasPassword: true, departmentId: 'police' } });
    const bad = await call(host.url, 'POST', '/api/officers', { ...body, departmentId: undefined }, admin);
    expect(bad).toMatchObject({ status: 400, body: { param: 'departmentId' } });
    const short = await call(host.url, 'POST', '/api/officers', { ...body, password: 'short' }, admin);
    expect(short).toMatchObject({ status: 400, body: { param: 'password' } });
  });

  it('stores only a scrypt hash with its own salt, and a new password ends the old sessions', async () => {
    const old = await officer('sess-d', 'same password here');
    await officer('sess-e', 'same password here');
    const hashes = host.console.db
      .prepare(`SELECT password_hash FROM officers WHERE id IN ('sess-d', 'sess-e')`)
      .pluck()
      .all() as string[];
    expect(hashes.every((h) => /^scrypt\$\d+\$8\$1\$/.test(h) && !h.includes('same password'))).toBe(true);
    expect(hashes[0]).not.toBe(hashes[1]);
    await call(
      host.url,
      'POST',
      '/api/officers',
      { id: 'sess-d', name: 'd', role: 'officer', password: 'another password' },
      admin,
    );
    expect((await call(host.url, 'GET', '/api/session', undefined, old)).status).toBe(401);
  });
});

describe('POST /api/incidents/{id}/commands', () => {
  it('401 without a token, 403 for the wall, 409 naming who changed what and when; the audit names the officer and console', async () => {
    const inc = (await call(host.url, 'POST', '/api/incidents', report)).body;
    const triage = { type: 'triage', grade: inc.grade, tier: 'district', reason: '现场核实' };
    const p = `/api/incidents/${inc.id}/commands`;
    expect((await call(host.url, 'POST', p, { command: triage, expectedVersion: 1 })).status).toBe(401);
    expect((await call(host.url, 'POST', p, { command: triage, expectedVersion: 1 }, 'x'.repeat(43))).status).toBe(401);

    await call(
      host.url,
      'POST',
      '/api/officers',
      { id: 'wall-01', name: '大屏席位', role: 'wall', password: 'wall password' },
      admin,
    );
    const wall = (await signIn(host.url, 'wall-01', 'wall password')).body.token;
    const refused = await call(host.url, 'POST', p, { command: triage, expectedVersion: 1 }, wall);
    expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(refused.body.error).toMatch(/not wall/);

    const duty = await officer('duty-02', 'duty two password', { name: '联勤值班员 02' });
    const ok = await call(host.url, 'POST', p, { command: triage, expectedVersion: 1 }, duty);
    expect(ok).toMatchObject({
      status: 200,
      body: { version: 2, status: 'triaged', lastActor: { id: 'duty-02', role: 'officer' } },
    });

    const stale = await call(
      host.url,
      'POST',
      p,
      { command: { type: 'note', text: '补充' }, expectedVersion: 1 },
      duty,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/your version 1, now 2 \(triaged\) by 联勤值班员 02 at \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(stale.body.details.current).toMatchObject({ version: 2, status: 'triaged', lastActor: { id: 'duty-02' } });

    const bad = await call(host.url, 'POST', p, { command: { type: 'triage' }, expectedVersion: 2 }, duty);
    expect(bad).toMatchObject({ status: 400, body: { param: 'command' } });

    const detail = (await call(host.url, 'GET', `/api/incidents/${inc.id}`)).body;
    const line = detail.audit.find((a: { actorId: string }) => a.actorId === 'duty-02');
    expect(line).toMatchObject({ actorName: '联勤值班员 02', role: 'officer', consoleId: host.console.id });
    expect(detail.timeline[1]).toMatchObject({ consoleId: host.console.id, actor: { id: 'duty-02' } });
  });
});

describe('a host bound to the network', () => {
  let net: TestHost;
  beforeAll(async () => {
    net = await startTestHost(undefined, { historyCount: 0, host: '0.0.0.0' });
    await net.console.officers.ready;
  });
  afterAll(async () => {
    await net?.close();
  });

  it('refuses every /api/ call without a valid token, except signing in and the API description', async () => {
    const base = `http://127.0.0.1:${net.port}`;
    for (const [m, p] of [
      ['GET', '/api/incidents'],
      ['POST', '/api/incidents'],
      ['GET', '/api/officers'],
      ['GET', '/api/risk-points'],
      ['GET', '/api/no-such-endpoint'],
    ]) {
      const r = await call(base, m, p, m === 'POST' ? report : undefined);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await call(base, 'GET', '/api/openapi.json')).status).toBe(200);
    expect((await call(base, 'POST', '/api/session', { officerId: 'admin', password: 'nope' })).status).toBe(401);
    const cred = JSON.parse(fs.readFileSync(path.join(net.dataDir, 'initial-admin.json'), 'utf8'));
    const token = (await signIn(base, cred.officerId, cred.password)).body.token;
    expect((await call(base, 'GET', '/api/incidents', undefined, token)).status).toBe(200);
    expect((await call(base, 'POST', '/api/incidents', report, token)).status).toBe(201);
  });
});
