// The console's side of the DJI Cloud API, seen from a dock (a raw MQTT client): topology answered on
// status_reply, events that ask for a reply answered with the same tid/bid, requests answered, services
// sent with fresh tid/bid and sent again (same tid) when no reply comes within 3 s; live telemetry
// reaches windows coalesced; tracks older than 30 days are dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type MqttClient } from 'mqtt';
import { djiTopic } from '../../../../electron/common/bus/topics';
import type { TelemetryBatch, TrackPoint } from '../../../../electron/common/drones/types';
import { TRACK_RETENTION_MS } from '../../../../electron/common/drones/track';
import { startDroneHost, until, type DroneHost } from '../../../helpers/droneHost';

const GW = 'PROTO-DOCK';
const UAV = 'PROTO-UAV';
let h: DroneHost;
let dock: MqttClient;
const inbox: { topic: string; m: Record<string, unknown> }[] = [];

const send = (kind: Parameters<typeof djiTopic>[0], sn: string, m: object) =>
  new Promise<void>((r) => dock.publish(djiTopic(kind, sn), JSON.stringify(m), { qos: 1 }, () => r()));

beforeAll(async () => {
  h = await startDroneHost({ simulateDocks: false, droneServiceTimeoutMs: 8_000 });
  dock = connect(h.console.bus.connection().url, { protocolVersion: 4, clientId: 'proto-dock' });
  await new Promise<void>((r) => dock.once('connect', () => r()));
  await new Promise<void>((r) =>
    dock.subscribe([`thing/product/${GW}/#`, `sys/product/${GW}/#`], { qos: 1 }, () => r()),
  );
  dock.on('message', (topic, p) => inbox.push({ topic, m: JSON.parse(p.toString()) }));
});
afterAll(async () => {
  dock?.end(true);
  await h?.close();
});

describe('DJI Cloud API, the console side', () => {
  it('update_topo makes a known dock with its aircraft and is answered on status_reply', async () => {
    await send('status', GW, {
      tid: 'tp-1',
      bid: 'bp-1',
      timestamp: 1,
      method: 'update_topo',
      data: { type: 2, sub_type: 0, sub_devices: [{ sn: UAV, type: 91, sub_type: 1, index: 'A' }] },
    });
    await expect
      .poll(() => inbox.find((x) => x.topic === djiTopic('status_reply', GW))?.m)
      .toMatchObject({ tid: 'tp-1', bid: 'bp-1', method: 'update_topo', data: { result: 0 } });
    const dockDto = await h.dock(GW);
    expect(dockDto).toMatchObject({ announced: true, aircraftSn: UAV, online: false });
    expect(dockDto.readiness.reasons.map((r) => r.code)).toEqual(['offline']);
    // remembered across a restart
    expect(h.console.db.prepare('SELECT kind, gateway_sn FROM drone_devices WHERE sn = ?').get(UAV)).toEqual({
      kind: 'aircraft',
      gateway_sn: GW,
    });
  });

  it('events with need_reply get events_reply with the same tid/bid; progress updates the flight', async () => {
    await send('events', GW, {
      tid: 'te-1',
      bid: 'be-1',
      timestamp: 2,
      method: 'flighttask_progress',
      need_reply: 1,
      data: {
        result: 0,
        output: { status: 'in_progress', progress: { current_step: 3, percent: 42 }, ext: { flight_id: 'F-1' } },
      },
    });
    await expect
      .poll(() => inbox.find((x) => x.topic === djiTopic('events_reply', GW))?.m)
      .toEqual({
        tid: 'te-1',
        bid: 'be-1',
        timestamp: expect.any(Number),
        method: 'flighttask_progress',
        data: { result: 0 },
      });
    await expect
      .poll(async () => (await h.dock(GW)).flight)
      .toMatchObject({ kind: 'wayline', status: 'in_progress', percent: 42, flightId: 'F-1', resultCode: 0 });
    await send('events', GW, {
      tid: 'te-2',
      bid: 'be-2',
      timestamp: 3,
      method: 'fly_to_point_progress',
      need_reply: 0,
      data: { fly_to_id: 'FT', status: 'wayline_failed', result: 321773 },
    });
    await expect
      .poll(async () => (await h.dock(GW)).flight)
      .toMatchObject({
        kind: 'fly-to-point',
        status: 'wayline_failed',
        resultCode: 321773,
        message: '飞行器低电量返航，任务未完成',
      });
    expect(inbox.filter((x) => x.topic === djiTopic('events_reply', GW))).toHaveLength(1);
  });

  it('requests are answered on requests_reply', async () => {
    await send('requests', GW, {
      tid: 'tr-1',
      bid: 'br-1',
      timestamp: 4,
      method: 'config',
      data: { config_type: 'json', config_scope: 'product' },
    });
    await expect
      .poll(() => inbox.find((x) => x.topic === djiTopic('requests_reply', GW))?.m)
      .toMatchObject({ tid: 'tr-1', bid: 'br-1', method: 'config', data: { result: 0 } });
  });

  it('a service goes out with fresh tid/bid and again with the same tid after 3 s without a reply', async () => {
    const sent = await h.send(GW, 'return_home');
    const services = () => inbox.filter((x) => x.topic === djiTopic('services', GW)).map((x) => x.m);
    await expect.poll(() => services().length, { timeout: 5_000 }).toBe(2);
    const [a, b] = services();
    expect(a.method).toBe('return_home');
    expect(a.tid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.bid).not.toBe(a.tid);
    expect(b.tid).toBe(a.tid);
    const cmd = await h.command(sent.body.id);
    expect(cmd).toMatchObject({ state: 'sent', tid: a.tid, bid: a.bid });
    await send('services_reply', GW, {
      tid: a.tid,
      bid: a.bid,
      timestamp: 5,
      method: 'return_home',
      data: { result: 0, output: { status: 'ok' } },
    });
    await expect.poll(async () => (await h.command(sent.body.id)).state).toBe('accepted');
  });

  it('windows get telemetry coalesced: the newest state of each aircraft, not every message', async () => {
    const batches: TelemetryBatch[] = [];
    const off = h.console.dispatcher.subscribe('drones.onDidTelemetry', (v) => batches.push(v as TelemetryBatch));
    if (typeof off !== 'function') throw new Error('no telemetry channel');
    for (let i = 0; i < 200; i++)
      await send('osd', UAV, {
        tid: `o${i}`,
        bid: 'b',
        timestamp: i,
        gateway: GW,
        data: { latitude: 29.5, longitude: 106.4, height: 300 + i, mode_code: 5 },
      });
    await until(
      () => batches.some((b) => b.aircraft.some((a) => a.sn === UAV && a.heightM === 499)),
      5_000,
      'last OSD',
    );
    off();
    const states = batches.flatMap((b) => b.aircraft.filter((a) => a.sn === UAV));
    expect(states.length).toBeLessThan(200);
    for (const b of batches) expect(b.aircraft.filter((a) => a.sn === UAV).length).toBeLessThanOrEqual(1);
  });

  it('tracks older than 30 days are dropped', async () => {
    const now = Date.now();
    const ins = h.console.db.prepare('INSERT INTO drone_tracks (aircraft_sn, t, lon, lat) VALUES (?, ?, 106.4, 29.5)');
    ins.run(UAV, now - TRACK_RETENTION_MS - 60_000);
    ins.run(UAV, now - TRACK_RETENTION_MS + 60_000);
    expect(h.console.drones.service.prune()).toBe(1);
    const left = (await h.get<TrackPoint[]>(`/api/drones/aircraft/${UAV}/track?since=0`)).body;
    // the old fix is gone; the one inside 30 days and the fix flown in the test above remain
    expect(left[0].t).toBe(now - TRACK_RETENTION_MS + 60_000);
    expect(left.every((p) => p.t >= now - TRACK_RETENTION_MS)).toBe(true);
    expect((await h.get('/api/drones/aircraft/NOPE/track')).status).toBe(404);
  });
});
