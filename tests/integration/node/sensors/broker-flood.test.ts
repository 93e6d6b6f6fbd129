// A flood of readings through a real broker (the embedded Aedes, and Debian's mosquitto when installed)
// into the sensor adapter with a deliberately small queue and slow slices: the queue never grows past its
// bound, every message is counted exactly once (stored, refused as overload, or refused as malformed), and
// the readings that got in are judged and bucketed.
import path from 'node:path';
import { connect } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { lianqinTopics } from '../../../../electron/common/bus/topics';
import { initialState } from '../../../../electron/common/rules/engine';
import { SENSOR_KIND_DEFS } from '../../../../electron/common/sensors/kinds';
import { Bus } from '../../../../electron/node/bus/index';
import { SensorIngest } from '../../../../electron/node/sensors/ingest';
import { SensorMqttAdapter } from '../../../../electron/node/sensors/mqtt';
import { SensorRegistry, type SensorEntry } from '../../../../electron/node/sensors/registry';
import { SensorRepo } from '../../../../electron/node/sensors/repo';
import { SeriesStore } from '../../../../electron/node/sensors/series';
import { openStore } from '../../../../native/sqlite/open';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { tmpDir } from '../../../helpers/tmp';

const SENSORS = 2_000;
const MESSAGES = 60_000;
const BOUND = 4_000;
const skipMosquitto = mosquittoMissing();
if (skipMosquitto) console.log(`[sensor flood on mosquitto] skipped: ${skipMosquitto}`);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function sensors(): SensorEntry[] {
  return Array.from({ length: SENSORS }, (_, i) => ({
    rid: i + 1,
    id: `FLOOD-${i}`,
    kind: 'gas' as const,
    riskPointId: null,
    stationId: null,
    townCode: null,
    name: `gas ${i}`,
    lon: 106.45,
    lat: 29.56,
    rule: SENSOR_KIND_DEFS.gas.rule,
    intervalS: 600,
    state: initialState(0),
  }));
}

async function flood(brokerUrl?: string) {
  const dir = tmpDir('lianqin-flood-');
  const db = openStore(path.join(dir, 'store.sqlite'));
  const bus = new Bus({ dataDir: dir, consoleId: 'flood', version: 'test', brokerUrl, log: () => {} });
  await bus.start();
  const registry = new SensorRegistry();
  registry.load(sensors(), []);
  const judged: number[] = [];
  const ingest = new SensorIngest({
    registry,
    repo: new SensorRepo(db),
    series: new SeriesStore(db),
    counters: bus.ingest,
    now: () => Date.now(),
    onTransitions: (b) => judged.push(b.length),
  });
  const adapter = new SensorMqttAdapter({ bus: bus.client, ingest, counters: bus.ingest, maxQueue: BOUND, slice: 5 });
  adapter.start();
  ingest.start();
  cleanup.push(async () => {
    adapter.stop();
    ingest.stop();
    await bus.stop();
    db.close();
  });
  // wait until the adapter's subscription is in place at the broker
  await new Promise((r) => setTimeout(r, 300));

  const pub = connect(bus.connection().url, { protocolVersion: 4, clientId: `flood-pub-${Date.now()}` });
  await new Promise<void>((r) => pub.once('connect', () => r()));
  cleanup.push(() => new Promise<void>((r) => pub.end(true, {}, () => r())));
  const t0 = Date.now() - 3_600_000;
  let malformed = 0;
  for (let k = 0; k < MESSAGES; k++) {
    const id = `FLOOD-${k % SENSORS}`;
    const bad = k % 97 === 0;
    if (bad) malformed++;
    const body = bad ? '{"ts": 1, "value":' : JSON.stringify({ ts: t0 + k, value: (k % 60) + 0.5 });
    pub.publish(lianqinTopics.sensorReadings(id), body, { qos: 0 });
  }
  const counted = () => {
    const s = bus.ingest.snapshot()['sensors-mqtt'];
    return s.accepted + s.rejected;
  };
  const until = Date.now() + 60_000;
  while (counted() < MESSAGES && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  while (adapter.waiting > 0) await new Promise((r) => setTimeout(r, 20));
  ingest.flush();
  return { stats: bus.ingest.snapshot()['sensors-mqtt'], adapter, malformed, db, judged };
}

async function check(r: Awaited<ReturnType<typeof flood>>) {
  expect(r.adapter.received).toBe(MESSAGES);
  expect(r.adapter.highWater).toBeLessThanOrEqual(BOUND);
  expect(r.stats.accepted + r.stats.rejected).toBe(MESSAGES);
  // a malformed message is refused as such, unless the queue was full when it came
  expect(r.stats.byReason['not-json']).toBeGreaterThan(0);
  expect(r.stats.byReason['not-json']).toBeLessThanOrEqual(r.malformed);
  // the queue did overflow, and what overflowed was counted, not lost silently
  expect(r.stats.byReason.overload).toBeGreaterThan(0);
  expect(r.stats.accepted + r.stats.byReason['not-json'] + r.stats.byReason.overload).toBe(MESSAGES);
  const stored = r.db.prepare('SELECT sum(n) FROM sensor_series_5m').pluck().get() as number;
  expect(stored).toBe(r.stats.accepted);
  // 20..50 %LEL readings crossed warning: the rules saw them
  expect(r.judged.reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
}

describe('a reading flood through the broker, with a bounded queue', () => {
  it('embedded Aedes: bounded, every message counted once, the rest stored', async () => {
    await check(await flood());
  }, 120_000);

  it.skipIf(!!skipMosquitto)(
    'Debian mosquitto: the same',
    async () => {
      const m: Mosquitto = await startMosquitto();
      cleanup.push(() => m.stop());
      await check(await flood(m.url));
    },
    120_000,
  );
});
