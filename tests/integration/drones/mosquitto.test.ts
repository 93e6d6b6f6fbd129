// The whole console on Debian's mosquitto (`--broker`): no embedded broker; the simulated docks and the
// console meet there. The broker goes away: health says so, a command sent meanwhile fails with a clear
// reason, and when it is back the console reconnects and hears the docks again (it subscribed again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../helpers/mosquitto';
import { startDroneHost, until, type DroneHost } from '../../helpers/droneHost';

const skip = mosquittoMissing();
if (skip) console.log(`[drones on mosquitto] skipped: ${skip}`);

describe.skipIf(!!skip)('drones on an external mosquitto broker', () => {
  let m: Mosquitto;
  let h: DroneHost;

  beforeAll(async () => {
    m = await startMosquitto();
    h = await startDroneHost({ brokerUrl: m.url, simSpeed: 20 });
    await until(
      async () => (await h.get('/api/drones/docks')).body.every((d: any) => d.online),
      10_000,
      'docks online',
    );
  });
  afterAll(async () => {
    await h?.close();
    await m?.stop();
  });

  it('runs no embedded broker and reports the external one', async () => {
    expect(h.console.bus.embedded).toBeNull();
    expect((await h.get('/healthz')).body.broker).toEqual({ url: m.url, connected: true });
  });

  it('broker restart: disconnected shows, commands meanwhile fail with the reason, then it reconnects and resubscribes', async () => {
    await m.stop();
    await expect.poll(async () => (await h.get('/healthz')).body.broker.connected, { timeout: 5_000 }).toBe(false);
    const sent = await h.post('/api/drones/docks/SEED-DOCK-0001/commands', { method: 'return_home', params: {} });
    expect(sent.status).toBe(202);
    const cmd = (await h.get(`/api/drones/commands/${sent.body.id}`)).body;
    expect(cmd.state).toBe('failed');
    expect(cmd.message).toMatch(/^指令未能发出：消息总线未连接/);
    expect(cmd.messageEn).toMatch(/MQTT broker mqtt:\/\/127\.0\.0\.1:\d+ is not connected since/);
    const before = (await h.get('/api/ingest/stats')).body.dji.accepted;
    await m.start();
    await expect.poll(async () => (await h.get('/healthz')).body.broker.connected, { timeout: 15_000 }).toBe(true);
    // the docks (also reconnected) announce again and their OSD reaches the console: it subscribed again
    await expect
      .poll(async () => (await h.get('/api/ingest/stats')).body.dji.accepted - before, { timeout: 15_000 })
      .toBeGreaterThan(3);
    const after = await h.post('/api/drones/docks/SEED-DOCK-0001/commands', {
      method: 'flighttask_execute',
      params: { flightId: 'x' },
    });
    await expect
      .poll(async () => (await h.get(`/api/drones/commands/${after.body.id}`)).body.state, { timeout: 10_000 })
      .toBe('failed');
    expect((await h.get(`/api/drones/commands/${after.body.id}`)).body.resultCode).toBe(319003);
  });
});
