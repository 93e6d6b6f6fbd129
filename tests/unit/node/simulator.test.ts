// The sensor simulator with a fake bus: calm readings within each kind's range at each device's interval
// (phases spread), a few devices silent, and a scenario's tracked sensors following their script faster
// than real time, stamped with the console's time.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../../electron/common/rules/engine';
import { SENSOR_KIND_DEFS, SENSOR_KINDS, inRange } from '../../../electron/common/sensors/kinds';
import type { Scenario } from '../../../electron/common/sensors/scenario';
import { SensorRegistry, type SensorEntry } from '../../../electron/node/sensors/registry';
import { SensorSimulator } from '../../../electron/node/sensors/simulator';

const T0 = Date.UTC(2026, 4, 14, 12);
const H = 3_600_000;

function setup(n = 2_300) {
  const entries: SensorEntry[] = Array.from({ length: n }, (_, i) => {
    const kind = SENSOR_KINDS[i % SENSOR_KINDS.length];
    const k = SENSOR_KIND_DEFS[kind];
    return {
      rid: i + 1,
      id: `S-${i}`,
      kind,
      riskPointId: i + 1,
      stationId: null,
      townCode: null,
      name: '',
      lon: 0,
      lat: 0,
      rule: k.rule,
      intervalS: k.intervalS,
      state: initialState(T0),
    };
  });
  const registry = new SensorRegistry();
  registry.load(entries, []);
  const sent: { topic: string; ts: number; value: number }[] = [];
  let now = T0;
  const scenario: Scenario = {
    id: 'flood-night',
    name: '演练',
    nameEn: 'drill',
    durationMs: 12 * H,
    defaultSpeed: 12,
    note: '',
    tracks: [
      {
        sensorIds: ['S-1'],
        anchors: [
          [0, 0],
          [6 * H, 40],
          [12 * H, 0],
        ],
      },
    ], // S-1 is a ponding gauge
  };
  const sim = new SensorSimulator({
    registry,
    now: () => now,
    calmValues: {},
    scenarios: [scenario],
    publish: async (topic, payload) => {
      sent.push({ topic, ...(JSON.parse(payload) as { ts: number; value: number }) });
    },
  });
  return { sim, sent, entries, at: (t: number) => (now = t) };
}

describe('the sensor simulator', () => {
  it('reports calm readings in range at each device interval, a few devices never', () => {
    const { sim, sent, entries, at } = setup();
    for (let t = T0; t <= T0 + H; t += 1_000) {
      at(t);
      sim.tick(t);
    }
    const ids = new Set(sent.map((s) => s.topic.split('/')[3]));
    expect(ids.size).toBeGreaterThan(entries.length * 0.98);
    expect(ids.size).toBeLessThan(entries.length);
    for (const s of sent) {
      const e = entries.find((x) => x.id === s.topic.split('/')[3])!;
      expect(inRange(e.kind, s.value)).toBe(true);
      expect(s.value).toBeLessThan(e.rule.direction === 'above' ? e.rule.warning : Infinity);
    }
    // a 5-minute device reports about twelve times an hour, spread over the hour
    const rain = sent.filter((s) => s.topic.includes('/S-2/'));
    expect(rain.length).toBeGreaterThanOrEqual(12);
    expect(rain.length).toBeLessThanOrEqual(13);
  });

  it('plays a scenario faster than real time on the tracked sensors only, stamped with the console time', () => {
    const { sim, sent, at } = setup(50);
    at(T0);
    const status = sim.startScenario('flood-night', 120);
    expect(status).toMatchObject({ running: 'flood-night', speed: 120 });
    for (let t = T0; t <= T0 + 3 * 60_000; t += 1_000) {
      at(t);
      sim.tick(t);
    }
    const s1 = sent.filter((s) => s.topic.includes('/S-1/'));
    // three real minutes at 120× is six hours of script: the gauge reaches the track's 40 cm peak
    expect(Math.max(...s1.map((s) => s.value))).toBeGreaterThan(35);
    expect(s1.every((s) => s.ts >= T0 && s.ts <= T0 + 3 * 60_000)).toBe(true);
    expect(sim.status().progressMs).toBe(6 * H);
    sim.stopScenario();
    sim.stop(); // the scenario started the simulator's timer; the ticks here were driven by hand
    expect(sim.status().running).toBeNull();
    expect(() => sim.startScenario('flood-2020')).toThrow(/no scenario flood-2020/);
  });
});
