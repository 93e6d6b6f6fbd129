// Readings over MQTT: `lianqin/v1/sensors/{sensorId}/readings` with a JSON `{ts, value}` or an array of
// them. Messages wait in a bounded queue and are worked off in slices between other work, so a flood of
// readings neither starves the host nor grows memory without bound: past the bound, the newest messages
// are refused as "overload" and counted, never dropped silently.
import type { BusClient } from '../bus/client';
import type { IngestCounters } from '../bus/ingest';
import { LIANQIN_ROOT } from '../../common/bus/topics';
import { SENSOR_SOURCES, type SensorIngest } from './ingest';

export const SENSOR_FILTER = `${LIANQIN_ROOT}/sensors/+/readings`;
/** one message may carry this many readings */
export const MAX_BATCH = 1_000;
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface SensorMqttOptions {
  bus: BusClient;
  ingest: SensorIngest;
  counters: IngestCounters;
  /** messages that may wait (default 50,000) */
  maxQueue?: number;
  /** messages worked off per slice before yielding (default 2,000) */
  slice?: number;
}

export class SensorMqttAdapter {
  readonly name = 'sensors-mqtt';
  private queue: { topic: string; payload: Buffer }[] = [];
  private head = 0;
  private scheduled = false;
  private off: (() => void) | null = null;
  /** the most messages that ever waited at once (tests and diagnostics) */
  highWater = 0;
  received = 0;

  constructor(private readonly o: SensorMqttOptions) {
    o.counters.declare(SENSOR_SOURCES.mqtt);
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  start(): void {
    this.off ??= this.o.bus.subscribe(SENSOR_FILTER, (topic, payload) => this.enqueue(topic, payload), { qos: 0 });
  }

  stop(): void {
    this.off?.();
    this.off = null;
    this.drain(Infinity);
  }

  /** Public for tests and benchmarks: one message as it came off the broker. */
  enqueue(topic: string, payload: Buffer): void {
    this.received++;
    if (this.waiting >= (this.o.maxQueue ?? 50_000)) {
      this.o.counters.reject(
        SENSOR_SOURCES.mqtt,
        'overload',
        `more than ${this.o.maxQueue ?? 50_000} messages waiting`,
        topic,
      );
      return;
    }
    this.queue.push({ topic, payload });
    if (this.waiting > this.highWater) this.highWater = this.waiting;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.work());
    }
  }

  private work(): void {
    this.scheduled = false;
    this.drain(this.o.slice ?? 2_000);
    if (this.waiting > 0) {
      this.scheduled = true;
      setImmediate(() => this.work());
    }
  }

  /** Works off up to `n` messages now. */
  drain(n: number): void {
    let done = 0;
    while (this.head < this.queue.length && done < n) {
      const m = this.queue[this.head++];
      this.handle(m.topic, m.payload);
      done++;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 10_000) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (done) this.o.ingest.endBatch();
  }

  private reject(reason: string, detail: string, topic: string): void {
    this.o.counters.reject(SENSOR_SOURCES.mqtt, reason, detail, topic);
  }

  private handle(topic: string, payload: Buffer): void {
    const parts = topic.split('/');
    const sensorId = parts.length === 5 ? parts[3] : '';
    if (!sensorId) return this.reject('bad-topic', 'expected lianqin/v1/sensors/{sensorId}/readings', topic);
    if (payload.length > MAX_PAYLOAD_BYTES)
      return this.reject('too-large', `payload of ${payload.length} bytes`, topic);
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.reject('not-json', 'payload is not JSON', topic);
    }
    const list = Array.isArray(body) ? body : [body];
    if (list.length > MAX_BATCH)
      return this.reject('too-large', `${list.length} readings in one message (at most ${MAX_BATCH})`, topic);
    this.o.ingest.ingestSensor(sensorId, list, SENSOR_SOURCES.mqtt, topic);
  }
}
