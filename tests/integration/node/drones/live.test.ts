// live_start_push: the simulated dock pushes its aircraft's video to the ingest the console handed out,
// and the embedded video simulator serves it as `uav-<aircraft sn>` like a camera until live_stop_push.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDroneHost, until, type DroneHost } from '../../../helpers/droneHost';

const DOCK = 'SEED-DOCK-0002';
const UAV = 'SEED-UAV-0002';
let h: DroneHost;

beforeAll(async () => {
  h = await startDroneHost({ simSpeed: 10 });
  await until(async () => (await h.docks()).every((d) => d.online), 10_000, 'docks online');
});
afterAll(async () => h?.close());

async function settled(id: string) {
  await until(async () => (await h.command(id)).state !== 'sent', 10_000, 'reply');
  return h.command(id);
}

describe('aircraft live video', () => {
  it('plays while pushed and stops on live_stop_push', async () => {
    const flv = `/media/live/uav-${UAV}/sub.live.flv`;
    expect((await fetch(h.url + flv)).status).toBe(404);
    const start = await settled((await h.send(DOCK, 'live_start_push')).body.id);
    expect(start.state).toBe('accepted');
    await expect
      .poll(async () => (await h.aircraft(UAV)).live)
      .toEqual({ streamId: `uav-${UAV}`, wsFlv: flv, flv, hls: `/media/live/uav-${UAV}/sub/index.m3u8` });
    const ctrl = new AbortController();
    const r = await fetch(h.url + flv, { signal: ctrl.signal });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('video/x-flv');
    const reader = r.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value!.slice(0, 3)).toString('latin1')).toBe('FLV');
    ctrl.abort();
    const stop = await settled((await h.send(DOCK, 'live_stop_push')).body.id);
    expect(stop.state).toBe('accepted');
    await expect.poll(async () => (await fetch(h.url + flv)).status).toBe(404);
    expect((await h.aircraft(UAV)).live).toBeNull();
  });
});
