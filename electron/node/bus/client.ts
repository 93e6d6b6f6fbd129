// The console's MQTT client (mqtt.js, Node only): one connection per console, protocol level 4 so it
// works with Aedes as well as Mosquitto and EMQX. Reconnects with back-off, subscribes again after
// every reconnect, reports its state as an event, and refuses to publish while disconnected (a command
// must fail with a clear reason, never wait silently in a queue).
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from '../../common/bus/backoff';
import { redactUrl, type BrokerStatus } from '../../common/bus/payloads';
import {
  compileFilter,
  isValidFilter,
  isValidTopicName,
  partsMatch,
  topicMatches,
  type CompiledFilter,
} from '../../common/bus/topics';
import { ServiceError } from '../../common/errors';
import { Emitter } from '../events';

/** how long stopping waits for the broker to acknowledge what is in flight */
const END_GRACE_MS = 2_000;
export type QoS = 0 | 1 | 2;
export type MessageHandler = (topic: string, payload: Buffer, meta: { retain: boolean; qos: QoS }) => void;

export interface PublishOptions {
  qos?: QoS;
  retain?: boolean;
}

export interface RequestOptions<T> {
  topic: string;
  payload: Buffer | string | object;
  /** where the reply arrives (a topic or filter) */
  replyFilter: string;
  /** picks the reply out of what arrives on replyFilter; return undefined to keep waiting */
  match: (topic: string, payload: Buffer) => T | undefined;
  timeoutMs: number;
  /** publish the same message again after this long without a reply (DJI services: ~3 s) */
  retryEveryMs?: number;
  qos?: QoS;
}

/** A request that got no reply in time. */
export class BusTimeoutError extends Error {
  constructor(
    readonly topic: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply on ${topic} within ${timeoutMs} ms`);
    this.name = 'BusTimeoutError';
  }
}

export interface BusClientOptions {
  clientId: string;
  embedded: boolean;
  backoff?: BackoffPolicy;
  connectTimeoutMs?: number;
  keepaliveS?: number;
  /** false: a persistent session (fixed client id, clean start off): the broker keeps what was missed */
  clean?: boolean;
  /** a retained message the broker publishes when this client vanishes */
  will?: { topic: string; payload: string; retain: boolean; qos: QoS };
  log?: (line: string) => void;
  random?: () => number;
  now?: () => number;
}

interface Entry {
  qos: QoS;
  parts: CompiledFilter;
  handlers: Set<MessageHandler>;
  /** covered by another entry's broker subscription: dispatched locally, never subscribed */
  local: boolean;
}

export class BusClient {
  private client: MqttClient | null = null;
  private url = '';
  private credentials: { username?: string; password?: string } = {};
  private readonly entries = new Map<string, Entry>();
  private readonly stateEmitter = new Emitter<BrokerStatus>();
  private status: BrokerStatus;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly now: () => number;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly opts: BusClientOptions) {
    this.now = opts.now ?? Date.now;
    this.status = {
      url: '',
      connected: false,
      embedded: opts.embedded,
      since: this.now(),
      attempts: 0,
      lastError: null,
    };
  }

  state(): BrokerStatus {
    return { ...this.status };
  }

  get connected(): boolean {
    return this.status.connected;
  }

  /** Connects; resolves at the first connection or after connectTimeoutMs (it keeps retrying behind). */
  start(url: string, credentials: { username?: string; password?: string } = {}): Promise<void> {
    this.url = url;
    this.credentials = credentials;
    this.stopped = false;
    this.set({ url: redactUrl(url) });
    const first = new Promise<void>((resolve) => {
      const t = setTimeout(resolve, this.opts.connectTimeoutMs ?? 5_000);
      const off = this.onDidChangeState((s) => {
        if (s.connected) {
          clearTimeout(t);
          off();
          resolve();
        }
      });
    });
    this.open();
    return first;
  }

  private open(): void {
    const o: IClientOptions = {
      clientId: this.opts.clientId,
      protocolVersion: 4,
      clean: this.opts.clean ?? true,
      keepalive: this.opts.keepaliveS ?? 30,
      connectTimeout: this.opts.connectTimeoutMs ?? 5_000,
      reconnectPeriod: 0, // reconnects are ours, with back-off
      resubscribe: false, // and so are subscriptions after a reconnect
      queueQoSZero: false,
      username: this.credentials.username,
      password: this.credentials.password,
      will: this.opts.will,
    };
    const c = connect(this.url, o);
    this.client = c;
    c.on('connect', () => {
      this.set({ connected: true, since: this.now(), attempts: 0, lastError: null });
      this.opts.log?.(`[bus] connected to ${redactUrl(this.url)}`);
      const subs: Record<string, { qos: QoS }> = {};
      for (const [filter, e] of this.entries) if (!e.local) subs[filter] = { qos: e.qos };
      if (Object.keys(subs).length)
        c.subscribe(subs, (err) => err && this.opts.log?.(`[bus] subscribe failed: ${err.message}`));
    });
    c.on('message', (topic, payload, packet) => this.dispatch(topic, payload, packet.retain, packet.qos as QoS));
    c.on('error', (err) => this.set({ lastError: err.message }));
    c.on('close', () => {
      if (this.client !== c) return;
      const was = this.status.connected;
      if (was) this.opts.log?.(`[bus] lost ${redactUrl(this.url)}; reconnecting`);
      this.set({ connected: false, since: was ? this.now() : this.status.since });
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = backoffDelayMs(this.status.attempts, this.opts.backoff ?? DEFAULT_BACKOFF, this.opts.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.set({ attempts: this.status.attempts + 1 });
      const old = this.client;
      this.client = null; // its late events are ignored from here on
      old?.end(true);
      this.open();
    }, delay);
  }

  private set(patch: Partial<BrokerStatus>): void {
    const before = this.status;
    this.status = { ...before, ...patch };
    if (
      before.connected !== this.status.connected ||
      before.url !== this.status.url ||
      before.attempts !== this.status.attempts ||
      before.lastError !== this.status.lastError
    )
      this.stateEmitter.fire(this.state());
  }

  private dispatch(topic: string, payload: Buffer, retain: boolean, qos: QoS): void {
    const parts = topic.split('/');
    for (const [filter, e] of this.entries) {
      if (!partsMatch(e.parts, parts)) continue;
      for (const h of [...e.handlers]) {
        try {
          h(topic, payload, { retain, qos });
        } catch (err) {
          // one faulty consumer must not stop the others or the connection
          this.opts.log?.(`[bus] handler for ${filter} failed: ${(err as Error).message}`);
        }
      }
    }
  }

  /** Listens on a filter; survives reconnects. Returns the unsubscribe function. */
  subscribe(filter: string, handler: MessageHandler, opts: { qos?: QoS } = {}): () => void {
    if (!isValidFilter(filter)) throw new ServiceError('bad-request', `invalid MQTT filter ${JSON.stringify(filter)}`);
    let e = this.entries.get(filter);
    if (!e) {
      // a concrete topic already covered by a wildcard subscription is served locally, so the broker
      // never sends the same message twice
      const covered = !/[+#]/.test(filter) && [...this.entries].some(([f, x]) => !x.local && topicMatches(f, filter));
      e = { qos: opts.qos ?? 0, parts: compileFilter(filter), handlers: new Set(), local: covered };
      this.entries.set(filter, e);
      if (!covered && this.client && this.status.connected) this.client.subscribe(filter, { qos: e.qos });
    }
    e.handlers.add(handler);
    return () => {
      const cur = this.entries.get(filter);
      if (!cur) return;
      cur.handlers.delete(handler);
      if (cur.handlers.size) return;
      this.entries.delete(filter);
      if (!cur.local && this.client && this.status.connected) this.client.unsubscribe(filter);
    };
  }

  /** Publishes; rejects at once with 'unavailable' while the broker is not connected. */
  publish(topic: string, payload: Buffer | string | object, opts: PublishOptions = {}): Promise<void> {
    if (!isValidTopicName(topic)) return Promise.reject(new ServiceError('bad-request', `invalid topic ${topic}`));
    const c = this.client;
    if (!c || !this.status.connected) return Promise.reject(this.unavailable());
    const body = Buffer.isBuffer(payload) || typeof payload === 'string' ? payload : JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      c.publish(topic, body, { qos: opts.qos ?? 0, retain: opts.retain ?? false }, (err) =>
        err ? reject(new ServiceError('unavailable', `publishing to ${topic} failed: ${err.message}`)) : resolve(),
      );
    });
  }

  /** Publishes and waits for the matching reply, or rejects with BusTimeoutError. */
  async request<T>(r: RequestOptions<T>): Promise<T> {
    let off: () => void = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setInterval> | undefined;
    const reply = new Promise<T>((resolve, reject) => {
      off = this.subscribe(
        r.replyFilter,
        (topic, payload) => {
          let v: T | undefined;
          try {
            v = r.match(topic, payload);
          } catch {
            v = undefined;
          }
          if (v !== undefined) resolve(v);
        },
        { qos: r.qos },
      );
      timer = setTimeout(() => reject(new BusTimeoutError(r.replyFilter, r.timeoutMs)), r.timeoutMs);
    });
    try {
      await this.publish(r.topic, r.payload, { qos: r.qos });
      if (r.retryEveryMs)
        retry = setInterval(
          () => void this.publish(r.topic, r.payload, { qos: r.qos }).catch(() => {}),
          r.retryEveryMs,
        );
      return await reply;
    } finally {
      clearTimeout(timer);
      clearInterval(retry);
      off();
    }
  }

  unavailable(): ServiceError {
    const since = new Date(this.status.since).toISOString();
    const why = this.status.lastError ? ` (${this.status.lastError})` : '';
    return new ServiceError(
      'unavailable',
      `the MQTT broker ${this.status.url || '(none)'} is not connected since ${since}${why}; reconnecting`,
      { broker: this.status.url, since: this.status.since },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const c = this.client;
    this.client = null;
    // a clean end waits for in-flight QoS 1 acknowledgements; a broker that cannot answer (the network
    // gone) must not hold the console open: after a short wait the connection is dropped
    if (c) {
      await new Promise<void>((r) => {
        const force = setTimeout(() => c.end(true, {}, () => r()), END_GRACE_MS);
        c.end(false, {}, () => {
          clearTimeout(force);
          r();
        });
      });
    }
    this.set({ connected: false, since: this.now() });
  }
}
