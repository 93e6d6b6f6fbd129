// 10,000 fuzzed DJI payloads over the real broker: truncated JSON, wrong types, huge numbers, unknown
// methods, missing envelope fields, binary noise, oversize and deeply nested messages, mixed with valid
// ones. The console never crashes, and every message is counted once, accepted or rejected by reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type MqttClient } from 'mqtt';
import { djiTopic } from '../../../../electron/common/bus/topics';
import type { IngestStats } from '../../../../electron/common/bus/payloads';
import { dockSchema } from '../../../../electron/common/drones/types';
import { createRng, type Rng } from '../../../../electron/common/prng';
import { startDroneHost, until, type DroneHost } from '../../../helpers/droneHost';

const N = 10_000;
const DOCK = 'FUZZ-DOCK';
const UAV = 'FUZZ-UAV';

const envelope = (data: unknown, extra: object = {}) => ({
  tid: 't1',
  bid: 'b1',
  timestamp: 1_700_000_000_000,
  gateway: DOCK,
  data,
  ...extra,
});
const VALID: [string, object][] = [
  [
    djiTopic('osd', DOCK),
    envelope({
      mode_code: 0,
      drone_in_dock: 1,
      rainfall: 0,
      wind_speed: 3.2,
      latitude: 29.5,
      longitude: 106.4,
      height: 300,
      network_state: { type: 2, quality: 5, rate: 100 },
    }),
  ],
  [djiTopic('osd', DOCK), envelope({ job_number: 2, flighttask_step_code: 5 })],
  [
    djiTopic('osd', UAV),
    envelope({
      latitude: 29.51,
      longitude: 106.41,
      height: 420,
      elevation: 120,
      attitude_head: 45,
      horizontal_speed: 10,
      battery: { capacity_percent: 80, remain_flight_time: 900 },
      mode_code: 5,
    }),
  ],
  [djiTopic('state', DOCK), envelope({ firmware_version: '1.2', mode_code: 0 })],
  [
    djiTopic('events', DOCK),
    envelope(
      {
        result: 0,
        output: { status: 'in_progress', progress: { current_step: 1, percent: 40 }, ext: { flight_id: 'f1' } },
      },
      { method: 'flighttask_progress', need_reply: 1 },
    ),
  ],
  [djiTopic('events', DOCK), envelope({ list: [] }, { method: 'hms', need_reply: 0 })],
  [djiTopic('requests', DOCK), envelope({}, { method: 'config' })],
  [djiTopic('services_reply', DOCK), envelope({ result: 0, output: { status: 'ok' } }, { method: 'return_home' })],
];

function mutate(v: unknown, rng: Rng, depth = 0): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && depth < 4) {
    const o = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(o);
    if (!keys.length) return { mode_code: rng.pick<unknown>(['x', 1e308, null, [], -7]) };
    const k = rng.pick(keys);
    if (rng.next() < 0.5) o[k] = mutate(o[k], rng, depth + 1);
    else
      o[k] = rng.pick<unknown>([
        'x',
        [],
        {},
        null,
        true,
        -1,
        1e308,
        -1e308,
        2 ** 53 + 1,
        Number.MAX_VALUE,
        '1e400',
        { nested: [1, 2] },
      ]);
    if (rng.next() < 0.2) delete o[rng.pick(keys)];
    return o;
  }
  return rng.pick<unknown>(['wrong', 1.2345678901234567e19, -0.5, false, [1], { a: 1 }, null]);
}

function fuzzed(i: number, rng: Rng): [string, Buffer | string] {
  const [topic, base] = rng.pick(VALID);
  switch (i % 10) {
    case 0:
      return [topic, JSON.stringify(base)]; // valid
    case 1: {
      const s = JSON.stringify(base);
      return [topic, s.slice(0, rng.int(0, s.length - 1))]; // truncated
    }
    case 2:
    case 3:
      return [topic, JSON.stringify(mutate(base, rng))]; // wrong types
    case 4:
      return [topic, JSON.stringify(base).replace(/:(\d+(\.\d+)?)/, ':1e400')]; // a number JSON turns into Infinity
    case 5:
      return [
        rng.pick([djiTopic('events', DOCK), djiTopic('requests', DOCK), djiTopic('status', DOCK)]),
        JSON.stringify({ ...base, method: `m_${rng.int(0, 1e6)}` }),
      ];
    case 6:
      return [topic, Buffer.from(Array.from({ length: rng.int(1, 300) }, () => rng.int(0, 255)))]; // noise
    case 7: {
      const { tid: _t, ...rest } = base as Record<string, unknown>;
      return [topic, JSON.stringify(rng.next() < 0.5 ? rest : { ...base, data: [1, 2] })];
    }
    case 8:
      return rng.next() < 0.05
        ? [topic, JSON.stringify({ ...base, data: { pad: 'x'.repeat(70_000) } })] // too large
        : [topic, '['.repeat(rng.int(1, 5_000)) + ']'.repeat(rng.int(0, 5_000))]; // nesting
    default:
      return [
        djiTopic('osd', `GHOST-${rng.int(0, 5)}`),
        JSON.stringify({ ...base, gateway: `GHOST-${rng.int(0, 5)}` }),
      ]; // never announced
  }
}

describe('fuzzed DJI payloads', () => {
  let h: DroneHost;
  let pub: MqttClient;
  beforeAll(async () => {
    h = await startDroneHost({ simulateDocks: false });
    pub = connect(h.console.bus.connection().url, { protocolVersion: 4, clientId: 'fuzzer' });
    await new Promise<void>((r) => pub.once('connect', () => r()));
    const topo = envelope(
      { type: 2, sub_type: 0, sub_devices: [{ sn: UAV, type: 91, sub_type: 1, index: 'A' }] },
      { method: 'update_topo' },
    );
    pub.publish(djiTopic('status', DOCK), JSON.stringify(topo), { qos: 1 });
    await until(async () => (await h.docks()).some((d) => d.sn === DOCK), 5_000, 'fuzz dock');
  });
  afterAll(async () => {
    pub?.end(true);
    await h?.close();
  });

  it(`counts each of ${N} messages once, rejects the bad ones by reason, and keeps serving`, async () => {
    const before = (await h.get<IngestStats>('/api/ingest/stats')).body.dji;
    const rng = createRng(20_250_901);
    for (let i = 0; i < N; i++) {
      const [topic, payload] = fuzzed(i, rng);
      pub.publish(topic, payload, { qos: 1 });
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 5));
    }
    const seen = async () => {
      const s = (await h.get<IngestStats>('/api/ingest/stats')).body.dji;
      return s.accepted + s.rejected - before.accepted - before.rejected;
    };
    await expect.poll(seen, { timeout: 60_000, interval: 250 }).toBe(N);
    await new Promise((r) => setTimeout(r, 300));
    expect(await seen()).toBe(N); // and nothing counted twice
    const after = (await h.get<IngestStats>('/api/ingest/stats')).body.dji;
    expect(after.accepted - before.accepted).toBeGreaterThan(N / 20);
    for (const reason of ['not-json', 'bad-envelope', 'bad-field', 'unknown-method', 'unknown-device', 'too-large'])
      expect(after.byReason[reason], reason).toBeGreaterThan(0);
    expect(after.byReason.internal).toBeUndefined();
    expect(Object.values(after.byReason as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(after.rejected);
    // still serving, and what it holds is well-formed
    const docks = await h.docks();
    for (const d of docks) expect(dockSchema.safeParse(d).success).toBe(true);
    expect((await h.get('/healthz')).status).toBe(200);
  }, 90_000);
});
