// The sensor simulator (on by default): every device reports plausible calm readings at its own interval
// (phases spread so the broker sees a steady trickle, ~75 readings a second for the district), a few in a
// thousand stay silent as real fleets do, and crowds and temperatures follow the day. On demand it plays
// a scripted scenario: the sensors a track drives follow it, `speed` times faster than the script, stamped
// with the console's time. Readings go over the bus like a real IoT platform's.
import { lianqinTopics } from '../../common/bus/topics';
import { createRng, fnv1a } from '../../common/prng';
import { SENSOR_KIND_DEFS } from '../../common/sensors/kinds';
import { trackValue, type Scenario, type ScenarioId, type ScenarioStatus } from '../../common/sensors/scenario';
import { ServiceError } from '../../common/errors';
import type { SensorEntry, SensorRegistry } from './registry';

export interface SimulatorDeps {
  registry: SensorRegistry;
  publish: (topic: string, payload: string) => Promise<void>;
  now: () => number;
  calmValues: Record<string, number>;
  scenarios: Scenario[];
  log?: (line: string) => void;
  /** share of devices that never report (default 0.004) */
  silentShare?: number;
  /** calm readings from every device (the default simulator); off: only a scenario's sensors report */
  calm?: boolean;
}

interface Sim {
  e: SensorEntry;
  next: number;
  silent: boolean;
  rng: ReturnType<typeof createRng>;
  mean: number;
  /** scenario track and index, while a scenario drives it */
  track: { v: (t: number) => number } | null;
}

const TICK_MS = 1_000;
const H = 3_600_000;

export class SensorSimulator {
  readonly name = 'sensor-simulator';
  private sims: Sim[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: { s: Scenario; speed: number; startedAt: number } | null = null;
  published = 0;
  failed = 0;

  constructor(private readonly d: SimulatorDeps) {}

  /** the seeded calm values and scenarios (read once the district is seeded) */
  configure(calmValues: Record<string, number>, scenarios: Scenario[]): void {
    this.d.calmValues = calmValues;
    this.d.scenarios = scenarios;
    this.sims = [];
  }

  private build(): void {
    const now = this.d.now();
    const share = this.d.silentShare ?? 0.004;
    this.sims = [...this.d.registry.all()].map((e) => {
      const h = fnv1a(e.id);
      const period = e.intervalS * 1000;
      return {
        e,
        next: now + (h % period),
        silent: !e.stationId && (h % 100_000) / 100_000 < share,
        rng: createRng(h),
        mean: this.d.calmValues[e.id] ?? SENSOR_KIND_DEFS[e.kind].calm.mean,
        track: null,
      };
    });
  }

  /** a calm reading: the kind's spread around the device's mean, crowds and heat following the day */
  private calmValue(s: Sim, t: number): number {
    const k = SENSOR_KIND_DEFS[s.e.kind];
    const hour = (((t / H + 8) % 24) + 24) % 24; // China time
    const day = Math.sin(((hour - 9) / 24) * 2 * Math.PI); // peaks mid-afternoon
    let v = s.mean + s.rng.normal() * k.calm.sd;
    if (s.e.kind === 'crowd') v = s.mean * (1 + 0.6 * day) + s.rng.normal() * k.calm.sd;
    if (s.e.kind === 'temperature' && s.mean > 0) v += 3 * day;
    const [lo, hi] = k.range;
    return Math.round(Math.max(lo, Math.min(hi, v)) * 1000) / 1000;
  }

  tick(now = this.d.now()): number {
    if (!this.sims.length) this.build();
    let sent = 0;
    const script = this.running ? (now - this.running.startedAt) * this.running.speed : 0;
    if (this.running && script > this.running.s.durationMs) this.stopScenario();
    for (const s of this.sims) {
      if (s.silent || now < s.next || (!s.track && this.d.calm === false)) continue;
      const period = s.e.intervalS * 1000;
      let value: number;
      if (s.track) {
        const k = SENSOR_KIND_DEFS[s.e.kind];
        value = s.track.v(script) + s.rng.normal() * k.calm.sd * 0.2;
        value = Math.round(Math.max(k.range[0], Math.min(k.range[1], value)) * 1000) / 1000;
        // driven sensors report as often as the compressed script needs (at least every 5 s)
        s.next = now + Math.max(5_000, period / (this.running?.speed ?? 1));
      } else {
        value = this.calmValue(s, now);
        s.next = now + period;
      }
      sent++;
      this.d
        .publish(lianqinTopics.sensorReadings(s.e.id), JSON.stringify({ ts: now, value }))
        .then(() => this.published++)
        .catch(() => this.failed++);
    }
    return sent;
  }

  status(): ScenarioStatus {
    const r = this.running;
    return {
      running: r?.s.id ?? null,
      speed: r?.speed ?? 1,
      startedAt: r?.startedAt ?? null,
      progressMs: r ? Math.min(r.s.durationMs, (this.d.now() - r.startedAt) * r.speed) : 0,
      durationMs: r?.s.durationMs ?? 0,
      available: this.d.scenarios.map(({ id, name, nameEn, note }) => ({ id, name, nameEn, note })),
    };
  }

  startScenario(id: ScenarioId, speed?: number): ScenarioStatus {
    const s = this.d.scenarios.find((x) => x.id === id);
    if (!s) throw new ServiceError('not-found', `no scenario ${id}`, { field: 'id' });
    if (!this.sims.length) this.build();
    this.stopScenario();
    const now = this.d.now();
    this.running = { s, speed: speed ?? s.defaultSpeed, startedAt: now };
    const bySensor = new Map(this.sims.map((x) => [x.e.id, x]));
    for (const tr of s.tracks) {
      tr.sensorIds.forEach((id, i) => {
        const sim = bySensor.get(id);
        if (!sim) return;
        sim.track = { v: (t) => trackValue(tr, i, t) };
        sim.silent = false;
        sim.next = now;
      });
    }
    this.d.log?.(`[sensors] scenario ${s.id} started at ${this.running.speed}× (${s.name})`);
    this.startTimer();
    return this.status();
  }

  stopScenario(): ScenarioStatus {
    if (this.running) this.d.log?.(`[sensors] scenario ${this.running.s.id} stopped`);
    this.running = null;
    for (const s of this.sims) s.track = null;
    return this.status();
  }

  start(): void {
    if (!this.sims.length) this.build();
    if (this.d.calm !== false) this.startTimer();
  }

  private startTimer(): void {
    this.timer ??= setInterval(() => {
      try {
        this.tick();
      } catch (e) {
        this.d.log?.(`[sensors] simulator tick failed: ${(e as Error).message}`);
      }
    }, TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
