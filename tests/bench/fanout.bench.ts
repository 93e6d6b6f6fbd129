// bus.fanout: messages per second reaching one window (its WebSocket) while 1,000 aircraft OSD messages
// a second arrive over the embedded broker. Telemetry is coalesced to the latest state per entity and
// batched per window, so a window gets at most 10 messages a second whatever the input rate.
// Baseline: the OSD rate that actually reached the console in the same run. Target: value ≤ 10.
import { connect } from 'mqtt';
import WebSocket from 'ws';
import type { IngestStats } from '../../electron/common/bus/payloads';
import { djiTopic } from '../../electron/common/bus/topics';
import { startDroneHost } from '../helpers/droneHost';
import { line } from './stats';

const DOCKS = 20;
const RATE = 1_000;
const SECONDS = 6;

export async function benchBusFanout() {
  const h = await startDroneHost({ simulateDocks: false });
  const pub = connect(h.console.bus.connection().url, { protocolVersion: 4, clientId: 'fanout-bench' });
  await new Promise<void>((r) => pub.once('connect', () => r()));
  for (let k = 0; k < DOCKS; k++) {
    const topo = {
      tid: 't',
      bid: 'b',
      timestamp: 0,
      method: 'update_topo',
      data: { sub_devices: [{ sn: `UAV-${k}`, type: 91, sub_type: 1, index: 'A' }] },
    };
    pub.publish(djiTopic('status', `DOCK-${k}`), JSON.stringify(topo), { qos: 1 });
  }
  await new Promise((r) => setTimeout(r, 300));

  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws`);
  await new Promise((r) => ws.once('open', r));
  const arrivals: number[] = [];
  let items = 0;
  let last: Record<string, number> = {};
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const m = JSON.parse(data.toString()) as {
      t: string;
      items?: { ch: string; v: { aircraft: { sn: string; headingDeg: number }[] } }[];
    };
    if (m.t !== 'evts') return;
    arrivals.push(performance.now());
    for (const it of m.items ?? []) {
      items += it.v.aircraft.length;
      for (const a of it.v.aircraft) last[a.sn] = a.headingDeg;
    }
  });
  ws.send(JSON.stringify({ t: 'sub', ch: 'drones.onDidTelemetry' }));
  await new Promise((r) => setTimeout(r, 200));

  const before = (await h.get<IngestStats>('/api/ingest/stats')).body.dji.accepted;
  arrivals.length = 0;
  items = 0;
  last = {};
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(RATE * SECONDS, Math.floor(((performance.now() - start) / 1000) * RATE));
      for (; sent < due; sent++) {
        const k = sent % DOCKS;
        const body = {
          tid: `t${sent}`,
          bid: 'b',
          timestamp: Date.now(),
          gateway: `DOCK-${k}`,
          data: { latitude: 29.5, longitude: 106.4 + k * 0.001, height: 400, attitude_head: sent % 360, mode_code: 5 },
        };
        pub.publish(djiTopic('osd', `UAV-${k}`), JSON.stringify(body), { qos: 0 });
      }
      if (sent >= RATE * SECONDS) {
        clearInterval(timer);
        done();
      }
    }, 10);
  });
  const elapsed = (performance.now() - start) / 1000;
  await new Promise((r) => setTimeout(r, 400)); // let the last batch through
  const ingested = (await h.get<IngestStats>('/api/ingest/stats')).body.dji.accepted - before;
  const inWindow = arrivals.filter((t) => t - start <= elapsed * 1000).length;
  const perSecond = inWindow / elapsed;
  // the newest heading of each aircraft reached the window
  const finalOk = Array.from({ length: DOCKS }, (_, k) => k).every((k) => {
    const lastSent = RATE * SECONDS - DOCKS + k;
    return last[`UAV-${k}`] === lastSent % 360;
  });
  ws.close();
  pub.end(true);
  await h.close();
  return line('bus.fanout', perSecond, ingested / elapsed, 'window messages/s', {
    target: 'value <= 10',
    note:
      `${ingested} OSD messages over ${elapsed.toFixed(1)} s from ${DOCKS} aircraft; the window got ${inWindow} messages ` +
      `carrying ${items} aircraft states (latest per aircraft); newest state delivered for every aircraft: ${finalOk}`,
  });
}
