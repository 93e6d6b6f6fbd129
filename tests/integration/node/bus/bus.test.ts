// The bus client against real brokers: the embedded Aedes and Debian's mosquitto. Publish/subscribe,
// retained messages, QoS 1, request/response with timeout, and a broker restart: the client reconnects,
// subscribes again, and what is published meanwhile is refused with a clear reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../../electron/node/bus/broker';
import { BusClient, BusTimeoutError } from '../../../../electron/node/bus/client';
import { ServiceError } from '../../../../electron/common/errors';
import type { BrokerStatus } from '../../../../electron/common/bus/payloads';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';

interface BrokerUnderTest {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const fast = { minMs: 50, maxMs: 400, jitter: 0 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function aedes(): Promise<BrokerUnderTest> {
  let b: EmbeddedBroker = await startEmbeddedBroker({ port: 0 });
  const port = b.port;
  return {
    url: b.url,
    stop: () => b.close(),
    start: async () => {
      b = await startEmbeddedBroker({ port });
    },
  };
}

function peer(url: string) {
  const c = connect(url, {
    protocolVersion: 4,
    clientId: `peer-${Math.random().toString(16).slice(2)}`,
    reconnectPeriod: 100,
  });
  return {
    c,
    ready: new Promise<void>((r) => c.once('connect', () => r())),
    pub: (t: string, p: string, retain = false) =>
      new Promise<void>((r) => c.publish(t, p, { qos: 1, retain }, () => r())),
    end: () => new Promise<void>((r) => c.end(true, {}, () => r())),
  };
}

function suite(name: string, make: () => Promise<BrokerUnderTest>, skip: string | null) {
  if (skip) console.log(`[bus tests] skipping ${name}: ${skip}`);
  describe.skipIf(!!skip)(`bus client against ${name}`, () => {
    let broker: BrokerUnderTest;
    let client: BusClient;
    const states: BrokerStatus[] = [];

    beforeAll(async () => {
      broker = await make();
      client = new BusClient({
        clientId: `test-${name}`,
        embedded: name === 'aedes',
        backoff: fast,
        connectTimeoutMs: 2_000,
      });
      client.onDidChangeState((s) => states.push(s));
      await client.start(broker.url);
    });
    afterAll(async () => {
      await client?.stop();
      await broker?.stop();
    });

    it('connects with protocol level 4 and reports it as an event', () => {
      expect(client.connected).toBe(true);
      expect(states.at(-1)).toMatchObject({ connected: true, url: broker.url, attempts: 0, lastError: null });
    });

    it('delivers to handlers by filter, with retained messages to late subscribers', async () => {
      const got: string[] = [];
      const off = client.subscribe('t/+/x', (topic, p) => got.push(`${topic}=${p.toString()}`), { qos: 1 });
      await wait(100);
      await client.publish('t/a/x', 'one', { qos: 1 });
      await client.publish('t/a/y', 'nope', { qos: 1 });
      await client.publish('r/state', { v: 7 }, { qos: 1, retain: true });
      await expect.poll(() => got).toEqual(['t/a/x=one']);
      const retained: { payload: string; retain: boolean }[] = [];
      client.subscribe('r/state', (_t, p, meta) => retained.push({ payload: p.toString(), retain: meta.retain }), {
        qos: 1,
      });
      await expect.poll(() => retained).toEqual([{ payload: '{"v":7}', retain: true }]);
      off();
      await client.publish('t/a/x', 'after-off', { qos: 1 });
      await wait(150);
      expect(got).toEqual(['t/a/x=one']);
      await client.publish('r/state', '', { qos: 1, retain: true }); // clear the retained message
    });

    it('request/response: matches its reply and times out with BusTimeoutError', async () => {
      const p = peer(broker.url);
      await p.ready;
      p.c.subscribe('svc/ask');
      p.c.on('message', (_t, m) => {
        const q = JSON.parse(m.toString());
        void p.pub('svc/reply', JSON.stringify({ id: 'other', v: 0 }));
        void p.pub('svc/reply', JSON.stringify({ id: q.id, v: q.n * 2 }));
      });
      await wait(100);
      const v = await client.request({
        topic: 'svc/ask',
        payload: { id: 'q1', n: 21 },
        replyFilter: 'svc/reply',
        timeoutMs: 2_000,
        match: (_t, b) => {
          const r = JSON.parse(b.toString());
          return r.id === 'q1' ? (r.v as number) : undefined;
        },
      });
      expect(v).toBe(42);
      await expect(
        client.request({
          topic: 'nobody/home',
          payload: '{}',
          replyFilter: 'nobody/reply',
          timeoutMs: 200,
          match: () => 1,
        }),
      ).rejects.toBeInstanceOf(BusTimeoutError);
      await p.end();
    });

    it('broker restart: publishing meanwhile fails with a clear reason; it reconnects and subscribes again', async () => {
      const got: string[] = [];
      client.subscribe('after/restart', (_t, p) => got.push(p.toString()), { qos: 1 });
      await wait(100);
      await broker.stop();
      await expect.poll(() => client.connected, { timeout: 5_000 }).toBe(false);
      const err = await client.publish('x/y', 'lost').catch((e) => e);
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).code).toBe('unavailable');
      expect((err as ServiceError).message).toMatch(/MQTT broker .* is not connected since/);
      await wait(300); // a few failed attempts
      await broker.start();
      await expect.poll(() => client.connected, { timeout: 10_000 }).toBe(true);
      expect(states.some((s) => !s.connected)).toBe(true);
      const p = peer(broker.url);
      await p.ready;
      await expect
        .poll(
          async () => {
            await p.pub('after/restart', 'hello');
            return got.length > 0;
          },
          { timeout: 5_000, interval: 200 },
        )
        .toBe(true);
      expect(got[0]).toBe('hello');
      expect(client.state()).toMatchObject({ connected: true, attempts: 0 });
      await p.end();
    });
  });
}

suite('aedes', aedes, null);
suite('mosquitto', async () => startMosquitto() as Promise<Mosquitto>, mosquittoMissing());
