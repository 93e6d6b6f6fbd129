// A whole console with its embedded broker and the simulated docks (flying 40× faster): commands go
// out as DJI services, the simulator answers and flies, OSD comes back over MQTT and is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'mqtt';
import { djiTopic } from '../../../../electron/common/bus/topics';
import type { IngestStats } from '../../../../electron/common/bus/payloads';
import type { CommandDto } from '../../../../electron/common/drones/commands';
import type { AircraftState, NearestDock, TrackPoint } from '../../../../electron/common/drones/types';
import type { Patrol } from '../../../../electron/common/drones/wayline';
import { destination, haversineM } from '../../../../electron/common/geo';
import { startDroneHost, until, type DroneHost } from '../../../helpers/droneHost';

const DOCK = 'SEED-DOCK-0001';
const UAV = 'SEED-UAV-0001';
let h: DroneHost;

async function settled(id: string): Promise<CommandDto> {
  await expect.poll(async () => (await h.command(id)).state, { timeout: 15_000 }).not.toBe('sent');
  return h.command(id);
}
const sendAndSettle = async (method: string, params: object = {}) =>
  settled((await h.send(DOCK, method, params)).body.id);

beforeAll(async () => {
  h = await startDroneHost({ simSpeed: 40, droneServiceTimeoutMs: 1_500 });
  // docks announce themselves and report within a few (simulated) seconds
  await until(async () => (await h.docks()).filter((d) => d.online).length === 2, 10_000, 'docks online');
  // calm weather, so the test does not depend on the night's script
  h.console.drones.simulators!.get(DOCK)!.o.weather = () => ({
    rainfall: 0,
    windMps: 3,
    temperatureC: 20,
    humidityPct: 60,
  });
});
afterAll(async () => h?.close());

describe('drones over the embedded broker', () => {
  it('/healthz names the broker and says it is connected; the docks announced themselves', async () => {
    const health = (await h.get<{ broker: { url: string; connected: boolean } }>('/healthz')).body;
    expect(health.broker.connected).toBe(true);
    expect(health.broker.url).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    const docks = await h.docks();
    expect(docks.map((d) => d.sn)).toEqual([DOCK, 'SEED-DOCK-0002']);
    expect(docks[0]).toMatchObject({ announced: true, aircraftSn: UAV, nestId: 'nest-geleshan' });
    expect(typeof docks[0].readiness.ready).toBe('boolean');
    expect((await h.get<IngestStats>('/api/ingest/stats')).body.dji.accepted).toBeGreaterThan(4);
  });

  it('flies to a point: accepted, reaches it within 20 m at dock height + 120 m (ellipsoid), track kept at 1 Hz', async () => {
    await expect.poll(async () => (await h.dock(DOCK)).readiness.ready, { timeout: 10_000 }).toBe(true);
    const dock = await h.dock(DOCK);
    const [lon, lat] = destination(dock.lon, dock.lat, 60, 1_500);
    const t0 = Date.now();
    const sent = await h.send(DOCK, 'fly_to_point', { lon, lat });
    expect(sent.status).toBe(202);
    const cmd = await settled(sent.body.id);
    expect(cmd).toMatchObject({
      state: 'accepted',
      resultCode: 0,
      method: 'fly_to_point',
      params: { lon, lat, heightM: 120, maxSpeedMps: 12 },
    });
    expect(cmd.message).toBe('成功');
    let a: AircraftState | null = null;
    await expect
      .poll(
        async () => {
          a = await h.aircraft(UAV);
          return (
            a.lon !== null && a.lat !== null && haversineM(a.lon, a.lat, lon, lat) < 20 && a.mode !== 'auto-takeoff'
          );
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    expect(a!.heightM).toBeCloseTo(dock.osd!.heightM! + 120, 0);
    expect(a!.airborne).toBe(true);
    await expect.poll(async () => (await h.dock(DOCK)).flight?.status, { timeout: 5_000 }).toBe('wayline_ok');
    const track = (await h.get<TrackPoint[]>(`/api/drones/aircraft/${UAV}/track?since=${t0 - 1000}`)).body;
    expect(track.length).toBeGreaterThan(3);
    for (let i = 1; i < track.length; i++) {
      expect(track[i].t % 1000).toBe(0);
      expect(track[i].t).toBeGreaterThan(track[i - 1].t);
    }
    // the dock is busy now: the board says why not
    const near = (await h.get<NearestDock>(`/api/drones/nearest?lon=${lon}&lat=${lat}`)).body;
    expect(near).toMatchObject({ dockSn: DOCK, inRange: true, ready: false });
    expect(near.reasons.map((r) => r.code)).toContain('aircraft-out');
    expect(near.etaS).toBe(Math.round(near.distanceM / 12));
  });

  it('returns home on command and lands in the dock', async () => {
    expect((await sendAndSettle('return_home')).state).toBe('accepted');
    await expect.poll(async () => (await h.dock(DOCK)).osd?.droneInDock, { timeout: 20_000, interval: 100 }).toBe(true);
  });

  it('a reply with a non-zero result marks the command failed, with the DJI code in words', async () => {
    const cmd = await sendAndSettle('flighttask_execute', { flightId: 'no-such-flight' });
    expect(cmd).toMatchObject({
      state: 'failed',
      resultCode: 319003,
      message: '机场中不存在该任务',
      messageEn: 'The dock has no task with that id',
    });
    const home = await sendAndSettle('return_home');
    expect(home).toMatchObject({ state: 'failed', resultCode: 316024 });
    expect(home.message).toContain('316024');
  });

  it('a stored patrol: the dock downloads the wayline, checks its MD5 and flies it', async () => {
    const p = (await h.get<Patrol[]>('/api/drones/patrols')).body.find((x) => x.dockSn === DOCK)!;
    const kmz = await fetch(`${h.url}/api/drones/waylines/${p.id}.kmz`);
    expect(kmz.status).toBe(200);
    expect(kmz.headers.get('content-type')).toBe('application/vnd.google-earth.kmz');
    const prep = await sendAndSettle('flighttask_prepare', { patrolId: p.id });
    expect(prep.state).toBe('accepted');
    expect((await sendAndSettle('flighttask_execute', { flightId: prep.flightId })).state).toBe('accepted');
    await expect
      .poll(async () => (await h.dock(DOCK)).flight, { timeout: 10_000 })
      .toMatchObject({ kind: 'wayline', flightId: prep.flightId, status: 'in_progress' });
    await sendAndSettle('return_home');
  });

  it('refuses an unknown dock (404), bad parameters naming the field (400) and debug commands for the officer (403)', async () => {
    expect((await h.send('NOPE', 'return_home')).status).toBe(404);
    const bad = await h.send(DOCK, 'fly_to_point', { lon: 106.4, lat: 29.5, heightM: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('params.heightM');
    const unknown = await h.send(DOCK, 'self_destruct');
    expect(unknown.status).toBe(400);
    expect(unknown.body.param).toBe('method');
    expect((await h.send(DOCK, 'cover_open')).status).toBe(403);
    const leader = { id: 'l1', name: '值班领导', role: 'leader' };
    const asLeader = await h.console.dispatcher.invoke('drones.command', [
      DOCK,
      { method: 'debug_mode_open', params: {} },
      leader,
    ]);
    expect(asLeader.ok).toBe(true);
    expect((await h.get('/api/drones/commands/NOPE')).status).toBe(404);
  });

  it('a dock that never answers: the command times out with a clear message; every command is audited', async () => {
    const mute = connect(h.console.bus.connection().url, { protocolVersion: 4, clientId: 'mute-dock' });
    await new Promise<void>((r) => mute.once('connect', () => r()));
    const topo = {
      tid: 't',
      bid: 'b',
      timestamp: Date.now(),
      method: 'update_topo',
      data: { type: 2, sub_type: 0, sub_devices: [] },
    };
    await new Promise<void>((r) =>
      mute.publish(djiTopic('status', 'MUTE-DOCK'), JSON.stringify(topo), { qos: 1 }, () => r()),
    );
    await expect.poll(async () => (await h.docks()).some((d) => d.sn === 'MUTE-DOCK')).toBe(true);
    const cmd = await settled((await h.send('MUTE-DOCK', 'return_home')).body.id);
    expect(cmd).toMatchObject({ state: 'timed-out', resultCode: null, message: '机场 2 秒内未回复' });
    mute.end(true);
    const rows = h.console.db
      .prepare('SELECT method, state, actor_json FROM drone_commands ORDER BY created_at')
      .all() as {
      method: string;
      state: string;
      actor_json: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.map((r) => r.state)).toEqual(expect.arrayContaining(['accepted', 'failed', 'timed-out']));
    expect(JSON.parse(rows[0].actor_json).role).toBe('officer');
  });

  it('the OpenAPI document lists the drone routes', async () => {
    const doc = (await h.get<{ paths: Record<string, unknown> }>('/api/openapi.json')).body;
    for (const p of [
      '/api/drones/docks',
      '/api/drones/aircraft',
      '/api/drones/aircraft/{sn}/track',
      '/api/drones/docks/{sn}/commands',
      '/api/drones/commands/{id}',
      '/api/ingest/stats',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
