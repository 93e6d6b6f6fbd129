// The one path every reading takes, from MQTT, HTTP or the simulator: validate at the edge (each refusal
// counted by reason, never thrown), judge it by the sensor's rule on its own timestamp, fold it into the
// 5-minute and hourly buckets, and hand the rule transitions on at the end of the batch. Storage is
// batched: one transaction per second, or sooner when much is pending.
import type { IngestCounters } from '../bus/ingest';
import { judge, tick, type Transition } from '../../common/rules/engine';
import type { IngestResult, RejectReason } from '../../common/sensors/types';
import { checkReading, itemSensorId } from '../../common/sensors/validate';
import { BUCKET_5M, BucketSet } from './buckets';
import type { SensorEntry, SensorRegistry } from './registry';
import type { SensorRepo } from './repo';
import type { BucketRow, SeriesStore } from './series';

export const SENSOR_SOURCES = { mqtt: 'sensors-mqtt', http: 'sensors-http' } as const;
/** at most this many readings in one HTTP request */
export const MAX_HTTP_READINGS = 10_000;

export interface SensorTransition {
  sensor: SensorEntry;
  t: Transition;
}

export interface SensorIngestDeps {
  registry: SensorRegistry;
  repo: SensorRepo;
  series: SeriesStore;
  counters: IngestCounters;
  now: () => number;
  /** rule transitions of a batch, in reading order */
  onTransitions: (batch: SensorTransition[]) => void;
  log?: (line: string) => void;
  flushEveryMs?: number;
  /** flush at once when this many bucket rows are pending */
  maxPending?: number;
}

/** open buckets and the latest readings are written at least this often (what a crash can cost) */
export const OPEN_FLUSH_MS = 60_000;

export class SensorIngest {
  private readonly b5 = new BucketSet(BUCKET_5M);
  /** sensors whose rule state changed: written at the next flush */
  private readonly changed = new Set<SensorEntry>();
  private lastOpenFlush = 0;
  private transitions: SensorTransition[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly out: Transition[] = [];
  /** readings judged, stored but not judged (late), refused */
  readonly totals = { accepted: 0, late: 0, rejected: 0 };

  constructor(private readonly d: SensorIngestDeps) {
    for (const s of Object.values(SENSOR_SOURCES)) d.counters.declare(s);
  }

  /** One reading of a known sensor, validated already: judge, bucket, remember what changed. */
  private take(e: SensorEntry, ts: number, v: number): void {
    const before = e.state.lastTs;
    if (before !== null && ts < before) this.totals.late++;
    else {
      this.out.length = 0;
      judge(e.rule, e.state, ts, v, this.out);
      if (this.out.length) {
        for (const t of this.out) this.transitions.push({ sensor: e, t });
        this.changed.add(e);
      }
    }
    this.totals.accepted++;
    this.b5.add(e.rid, ts, v);
  }

  /** HTTP: `{sensorId, ts, value}` items, each accepted or refused on its own. */
  ingestItems(items: readonly unknown[], source: string = SENSOR_SOURCES.http): IngestResult {
    const now = this.d.now();
    const rejected: IngestResult['rejected'] = [];
    let accepted = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const id = itemSensorId(item);
      if (typeof id !== 'string') {
        rejected.push({ index: i, ...id });
        continue;
      }
      const e = this.d.registry.get(id);
      if (!e) {
        rejected.push({ index: i, reason: 'unknown-sensor', detail: `no sensor ${JSON.stringify(id.slice(0, 64))}` });
        continue;
      }
      const { ts, value } = item as { ts?: unknown; value?: unknown };
      const bad = checkReading(e.id, e.kind, ts, value, now);
      if (bad) {
        rejected.push({ index: i, ...bad });
        continue;
      }
      this.take(e, ts as number, value as number);
      accepted++;
    }
    this.count(source, accepted, rejected, 'POST /api/sensor-readings');
    this.endBatch();
    return { accepted, rejected };
  }

  /** MQTT: the readings of one sensor (its id from the topic), `{ts, value}` each. */
  ingestSensor(
    sensorId: string,
    readings: readonly unknown[],
    source: string = SENSOR_SOURCES.mqtt,
    topic = '',
  ): number {
    const e = this.d.registry.get(sensorId);
    if (!e) {
      this.d.counters.reject(source, 'unknown-sensor', `no sensor ${sensorId.slice(0, 64)}`, topic);
      this.totals.rejected += readings.length;
      return 0;
    }
    const now = this.d.now();
    let accepted = 0;
    for (const r of readings) {
      const { ts, value } = (r && typeof r === 'object' ? r : {}) as { ts?: unknown; value?: unknown };
      const bad =
        r && typeof r === 'object' && !Array.isArray(r)
          ? checkReading(e.id, e.kind, ts, value, now)
          : { reason: 'not-an-object' as RejectReason, detail: 'each reading must be an object {ts, value}' };
      if (bad) {
        this.d.counters.reject(source, bad.reason, bad.detail, topic);
        this.totals.rejected++;
        continue;
      }
      this.take(e, ts as number, value as number);
      this.d.counters.accept(source);
      accepted++;
    }
    return accepted;
  }

  private count(source: string, accepted: number, rejected: IngestResult['rejected'], topic: string): void {
    for (let i = 0; i < accepted; i++) this.d.counters.accept(source);
    for (const r of rejected) this.d.counters.reject(source, r.reason, r.detail, topic);
    this.totals.rejected += rejected.length;
  }

  /** Hands the batch's transitions on, and flushes when much is pending. */
  endBatch(): void {
    if (this.transitions.length) {
      const batch = this.transitions;
      this.transitions = [];
      this.d.onTransitions(batch);
    }
    if (this.b5.pending >= (this.d.maxPending ?? 20_000)) this.flush(false);
  }

  /** Silence check for every sensor at `t` (the console's clock): NoData transitions. */
  tickAll(t: number): void {
    for (const e of this.d.registry.all()) {
      const x = tick(e.rule, e.state, t);
      if (x) {
        this.transitions.push({ sensor: e, t: x });
        this.changed.add(e);
      }
    }
    this.endBatch();
  }

  /**
   * Writes closed buckets and changed rule states; with `all` (and at least every OPEN_FLUSH_MS) also what
   * the open buckets hold. The latest reading of a sensor whose state did not change is not written here:
   * after a crash it is read back from the buckets, and a clean stop writes every state.
   */
  flush(all = true): void {
    const now = Date.now();
    const open = all || now - this.lastOpenFlush >= OPEN_FLUSH_MS;
    if (open) this.lastOpenFlush = now;
    this.write(this.b5.take(open), [...this.changed]);
    this.changed.clear();
  }

  private write(buckets: BucketRow[], states: SensorEntry[]): void {
    if (!buckets.length && !states.length) return;
    try {
      this.d.repo.write(this.d.series, buckets, states);
    } catch (e) {
      this.d.log?.(`[sensors] writing ${buckets.length} buckets failed: ${(e as Error).message}`);
    }
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(false), this.d.flushEveryMs ?? 1_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.endBatch();
    this.flush();
    this.write(
      [],
      [...this.d.registry.all()].filter((e) => e.state.lastTs !== null),
    );
  }
}
