import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../../../helpers/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost(undefined, { historyCount: 200 });
});
afterAll(async () => {
  await host?.close();
});

const post = async (body: string | object) => {
  const r = await fetch(host.url + '/api/incidents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
};
const count = () => host.console.db.prepare('SELECT COUNT(*) FROM incident_events').pluck().get() as number;
const good = {
  source: 'grid',
  title: '磁器口古镇儿童走失',
  description: '一名约六岁男孩在古镇正街与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
  reporter: '网格员张三',
};

describe('POST /api/incidents', () => {
  it('creates an incident: 201 with id, grade, deadlines and matched departments', async () => {
    const r = await post(good);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      ref: expect.stringMatching(/^\d{4}-[0-9A-Z]{5}$/),
      status: 'reported',
      grade: 'major',
      townCode: '500106004',
      leadDepartmentId: 'police',
    });
    const one = await fetch(`${host.url}/api/incidents/${r.body.id}`).then((x) => x.json());
    expect(one.timeline.map((e: { event: { type: string } }) => e.event.type)).toEqual(['reported']);
    expect(one.clock).toMatchObject({ phase: 'dispatch', state: expect.any(String) });
  });

  it.each([
    ['{not json', 'body'],
    ['[]', 'body'],
    [{ ...good, title: undefined }, 'title'],
    [{ ...good, title: '   ' }, 'title'],
    [{ ...good, title: '长'.repeat(121) }, 'title'],
    [{ ...good, lon: '106.45' }, 'lon'],
    [{ ...good, lat: null }, 'lat'],
    [{ ...good, lon: 200 }, 'lon'],
    [{ ...good, source: 'weibo' }, 'source'],
    [{ ...good, town: '不存在镇' }, 'town'],
    [{ ...good, extra: 1 }, 'body'],
    [{ ...good, description: '' }, 'description'],
    [{ ...good, description: '   ' }, 'description'],
    [{ ...good, description: undefined }, 'description'],
    [{ ...good, occurredAt: 0 }, 'occurredAt'], // 1970
    [{ ...good, occurredAt: Date.now() + 3_600_000 }, 'occurredAt'], // the future
  ])('refuses %j with 400 naming %s, and stores nothing', async (body, field) => {
    const before = count();
    const r = await post(body as object);
    expect(r.status).toBe(400);
    expect(r.body.param).toBe(field);
    expect(count()).toBe(before);
  });

  it('the lost child: emergency beside the grade, both clocks, no flags', async () => {
    const r = await post(good);
    const one = await fetch(`${host.url}/api/incidents/${r.body.id}`).then((x) => x.json());
    expect(one).toMatchObject({
      grade: 'major',
      urgency: 'emergency',
      urgencyReason: expect.stringMatching(/missing person/),
      flags: [],
      clock: { phase: 'dispatch' },
      urgencyClock: { phase: 'acknowledge', state: 'on-time' },
    });
    expect(one.urgencyClock.dueAt - one.reportedAt).toBe(60_000);
    expect(one.qualityCheck.map((q: { id: string }) => q.id)).toEqual(
      expect.arrayContaining(['title', 'reporter', 'evidence']),
    );
  });

  it('a point 60 km outside is accepted, flagged, the neighbour named and routed to the cross-district desk', async () => {
    const r = await post({ ...good, lon: 106.52, lat: 29.05 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      flags: ['outside-district'],
      neighbour: expect.stringMatching(/区$/),
      leadDepartmentId: 'cross-district',
      tier: 'district',
      townCode: null,
    });
    const queue = await fetch(`${host.url}/api/incidents?unmatched=1&limit=500`).then((x) => x.json());
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(r.body.id); // not quietly in the manual queue
  });

  it('coordinates that contradict the named town are flagged', async () => {
    const r = await post({ ...good, town: '中梁镇' }); // Ciqikou coordinates, Zhongliang named
    expect(r.status).toBe(201);
    expect(r.body.flags).toEqual(['town-mismatch']);
  });

  it('sort=board returns the board’s order: new reports first, emergencies first among them', async () => {
    await post({ ...good, title: '渝碚路路灯不亮', description: '渝碚路三号路灯晚上不亮已两天' });
    const b = await fetch(`${host.url}/api/incidents?status=open&sort=board&limit=500`).then((x) => x.json());
    const items = b.items as { status: string; urgency: string }[];
    const lanes = items.map((i) => (i.status === 'reported' ? 0 : 1));
    expect(lanes).toEqual([...lanes].sort());
    const fresh = items
      .filter((i) => i.status === 'reported')
      .map((i) => ['emergency', 'priority', 'routine'].indexOf(i.urgency));
    expect(fresh).toEqual([...fresh].sort());
    expect(fresh[0]).toBe(0);
    const bad = await fetch(`${host.url}/api/incidents?sort=sideways`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).param).toBe('sort');
  });

  it('refuses an oversized body with 413', async () => {
    const r = await post({ ...good, description: 'x'.repeat(70_000) });
    expect(r.status).toBe(413);
  });
});

describe('GET /api/incidents', () => {
  it('lists with total and filters; bad parameters are named', async () => {
    const all = await fetch(`${host.url}/api/incidents?limit=5`).then((r) => r.json());
    expect(all.total).toBeGreaterThan(200);
    expect(all.items).toHaveLength(5);
    const open = await fetch(`${host.url}/api/incidents?status=open&limit=500`).then((r) => r.json());
    expect(open.items.every((i: { status: string }) => !['closed', 'cancelled'].includes(i.status))).toBe(true);
    const closed = await fetch(`${host.url}/api/incidents?status=closed&grade=small&limit=50`).then((r) => r.json());
    expect(
      closed.items.every(
        (i: { status: string; grade: string }) => ['closed', 'cancelled'].includes(i.status) && i.grade === 'small',
      ),
    ).toBe(true);
    const town = await fetch(`${host.url}/api/incidents?town=500106004&limit=50&offset=0`).then((r) => r.json());
    expect(town.items.every((i: { townCode: string }) => i.townCode === '500106004')).toBe(true);
    const vague = await post({
      source: 'citizen',
      title: '反映小区相关情况',
      description: '具体情况需要进一步了解后再说明',
      lon: 106.46,
      lat: 29.56,
      reporter: '市民',
    });
    expect(vague.body.leadDepartmentId).toBeNull();
    const unmatched = await fetch(`${host.url}/api/incidents?unmatched=1&limit=500`).then((r) => r.json());
    expect(unmatched.items.map((i: { id: string }) => i.id)).toContain(vague.body.id); // the manual triage queue
    expect(unmatched.items.every((i: { leadDepartmentId: string | null }) => i.leadDepartmentId === null)).toBe(true);
    const sup = await fetch(`${host.url}/api/incidents?supervision=1&closedSince=0&limit=500`).then((r) => r.json());
    expect(sup.items.every((i: { colour: string }) => i.colour === 'red' || i.colour === 'orange')).toBe(true);
    for (const [q, p] of [
      ['status=maybe', 'status'],
      ['unmatched=perhaps', 'unmatched'],
      ['closedSince=x', 'closedSince'],
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['grade=huge', 'grade'],
      ['offset=-1', 'offset'],
    ]) {
      const r = await fetch(`${host.url}/api/incidents?${q}`);
      expect(r.status, q).toBe(400);
      expect((await r.json()).param).toBe(p);
    }
    expect((await fetch(`${host.url}/api/incidents/INC-19990101-0001`)).status).toBe(404);
  });
});
