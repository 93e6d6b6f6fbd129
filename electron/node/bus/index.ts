// The bus as a console part: the embedded Aedes broker on 127.0.0.1 (`--mqtt-port`, 0 = a free port) or
// an external one (`--broker`), and the console's one client. Other parts (DJI adapter, simulators,
// sensors, replication) use `bus.client` to publish, subscribe and make requests.
import { lianqinTopics } from '../../common/bus/topics';
import type { BrokerStatus, ConsoleStatusPayload } from '../../common/bus/payloads';
import type { BackoffPolicy } from '../../common/bus/backoff';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker';
import { BusClient } from './client';
import { IngestCounters } from './ingest';
import { readBrokerCredentials } from './settings';

export interface BusOptions {
  dataDir: string;
  consoleId: string;
  version: string;
  /** an external broker; then no embedded one is started */
  brokerUrl?: string;
  /** port of the embedded broker (0 = a free one) */
  mqttPort?: number;
  log?: (line: string) => void;
  now?: () => number;
  backoff?: BackoffPolicy;
  env?: NodeJS.ProcessEnv;
}

export class Bus {
  readonly name = 'bus';
  readonly client: BusClient;
  readonly ingest: IngestCounters;
  private broker: EmbeddedBroker | null = null;
  private readonly statusTopic: string;
  private conn: { url: string; credentials: { username?: string; password?: string } } | null = null;

  constructor(private readonly opts: BusOptions) {
    const now = opts.now ?? Date.now;
    this.statusTopic = lianqinTopics.consoleStatus(opts.consoleId);
    const offline: ConsoleStatusPayload = { consoleId: opts.consoleId, state: 'offline', at: 0 };
    this.client = new BusClient({
      clientId: `lianqin-${opts.consoleId}`,
      embedded: !opts.brokerUrl,
      backoff: opts.backoff,
      log: opts.log,
      now,
      will: { topic: this.statusTopic, payload: JSON.stringify(offline), retain: true, qos: 1 },
    });
    this.ingest = new IngestCounters(now);
  }

  /** the embedded broker, when this console runs one */
  get embedded(): EmbeddedBroker | null {
    return this.broker;
  }

  /** where the broker is and how to sign in (for the simulators; never log it) */
  connection(): { url: string; credentials: { username?: string; password?: string } } {
    if (!this.conn) throw new Error('the bus has not started');
    return this.conn;
  }

  status(): BrokerStatus {
    return this.client.state();
  }

  async start(): Promise<void> {
    const log = this.opts.log ?? (() => {});
    let url = this.opts.brokerUrl;
    const credentials = url ? readBrokerCredentials(this.opts.dataDir, this.opts.env) : {};
    if (!url) {
      this.broker = await startEmbeddedBroker({ port: this.opts.mqttPort ?? 0, log });
      url = this.broker.url;
      log(`[bus] embedded MQTT broker (Aedes, MQTT 3.1.1) listening on ${url}`);
    } else {
      log(`[bus] using the external MQTT broker ${url}${credentials.username ? ' (with credentials)' : ''}`);
    }
    this.conn = { url, credentials };
    await this.client.start(url, credentials);
    if (!this.client.connected) log(`[bus] broker ${url} not reachable yet; retrying with back-off`);
    await this.announce('online').catch(() => {});
  }

  private announce(state: 'online' | 'offline'): Promise<void> {
    const p: ConsoleStatusPayload = {
      consoleId: this.opts.consoleId,
      state,
      at: (this.opts.now ?? Date.now)(),
      version: this.opts.version,
    };
    return this.client.publish(this.statusTopic, p, { qos: 1, retain: true });
  }

  async stop(): Promise<void> {
    if (this.client.connected) await this.announce('offline').catch(() => {});
    await this.client.stop();
    await this.broker?.close();
    this.broker = null;
  }
}
