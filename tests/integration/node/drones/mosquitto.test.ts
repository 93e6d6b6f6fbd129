// The whole console on Debian's mosquitto (`--broker`): no embedded broker; the simulated docks and the
// console meet there. The broker goes away: health says so, a command sent meanwhile fails with a clear
// reason, and when it is back the console reconnects and hears the docks again (it subscribed again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import type { IngestStats } from '../../../../electron/common/bus/payloads';
import { startDroneHost, until, type DroneHost } from '../../../helpers/droneHost';

interface Health {
  broker: { url: string; connected: boolean };
}

const skip = mosquittoMissing();
if (skip) console.log(`[drones on mosquitto] skipped: ${skip}`);

describe.skipIf(!!skip)('drones on an external mosquitto broker', () => {
  let m: Mosquitto;
  let h: DroneHost;

  beforeAll(async () => {
    m = await startMosquitto();
    h = await startDroneHost({ brokerUrl: m.url, simSpeed: 20 });
    await until(async () => (await h.docks()).every((d) => d.online), 10_000, 'docks online');
  });
  afterAll(async () => {
    await h?.close();
    await m?.stop();
  });

  it('runs no embedded broker and reports the external one', async () => {
    expect(h.console.bus.embedded).toBeNull();
    expect((await h.get<Health>('/healthz')).body.broker).toEqual({ url: m.url, connected: true });
  });

  it('broker restart: disconnected shows, commands meanwhile fail with the reason, then it reconnects and resubscribes', async () => {
    await m.stop();
    await expect
      .poll(async () => (await h.get<Health>('/healthz')).body.broker.connected, { timeout: 5_000 })
      .toBe(false);
    const sent = await h.send('SEED-DOCK-0001', 'return_home');
    expect(sent.status).toBe(202);
    const cmd = await h.command(sent.body.id);
    expect(cmd.state).toBe('failed');
    expect(cmd.message).toMatch(/^指令未能发出：消息总线未连接/);
    expect(cmd.messageEn).toMatch(/MQTT broker mqtt:\/\/127\.0\.0\.1:\d+ is not connected since/);
    const before = (await h.get<IngestStats>('/api/ingest/stats')).body.dji.accepted;
    await m.start();
    await expect
      .poll(async () => (await h.get<Health>('/healthz')).body.broker.connected, { timeout: 15_000 })
      .toBe(true);
    // the docks (also reconnected) announce again and their OSD reaches the console: it subscribed again
    await expect
      .poll(async () => (await h.get<IngestStats>('/api/ingest/stats')).body.dji.accepted - before, { timeout: 15_000 })
      .toBeGreaterThan(3);
    const after = await h.send('SEED-DOCK-0001', 'flighttask_execute', { flightId: 'x' });
    await expect.poll(async () => (await h.command(after.body.id)).state, { timeout: 10_000 }).toBe('failed');
    expect((await h.command(after.body.id)).resultCode).toBe(319003);
  });
});
