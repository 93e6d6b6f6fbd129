// bus.replicate: time from a command accepted on console A (the authority) to the projection updated on
// console B (a replica), p50/p99 over 1,000 commands one after another, against a raw MQTT publish →
// receive of a payload of the same size on the same broker (the authority's embedded Aedes), measured in
// the same run. Target: p99 ≤ 2× the raw p99. Then throughput: events replicated per second to each of
// four replicas (five consoles) while the authority takes commands as fast as it can.
import { connect } from 'mqtt';
import type { LianqinConsole } from '../../electron/node/console/index';
import { createConsole } from '../../electron/node/console/index';
import { tmpDir } from '../helpers/tmp';
import { line, percentile } from './stats';

const COMMANDS = 1_000;
const BURST = 2_000;
const officer = { id: 'bench-officer', name: '基准值班员', role: 'officer' as const };

async function start(mode: 'authority' | 'replica', brokerUrl?: string): Promise<LianqinConsole> {
  const c = createConsole({
    dataDir: tmpDir('lianqin-bench-repl-'),
    version: 'bench',
    log: () => {},
    brokerUrl,
    simulateDocks: false,
    seed: { historyCount: 0 },
    reports: { overBus: false },
    replication: { mode },
  });
  await c.ready;
  return c;
}

/** plain MQTT clients on the same broker: one publish → receive of `payload` at QoS 1 at a time */
async function rawLink(url: string) {
  const sub = connect(url, { protocolVersion: 4, clientId: 'bench-raw-sub' });
  const pub = connect(url, { protocolVersion: 4, clientId: 'bench-raw-pub' });
  await Promise.all([sub, pub].map((c) => new Promise<void>((r) => c.once('connect', () => r()))));
  await new Promise<void>((r) => sub.subscribe('bench/raw', { qos: 1 }, () => r()));
  let resolve: (() => void) | null = null;
  sub.on('message', (_t, p) => {
    JSON.parse(p.toString('utf8'));
    resolve?.();
  });
  return {
    async once(payload: string): Promise<number> {
      const got = new Promise<void>((r) => (resolve = r));
      const t0 = performance.now();
      pub.publish('bench/raw', payload, { qos: 1 });
      await got;
      return performance.now() - t0;
    },
    close() {
      sub.end(true);
      pub.end(true);
    },
  };
}

export async function benchReplicate() {
  const a = await start('authority');
  const url = a.bus.connection().url;
  const b = await start('replica', url);
  const id = (
    await a.services.dispatch.report({
      source: 'officer',
      title: '基准事件',
      description: '石井坡街道路口积水约30厘米',
      lon: 106.45,
      lat: 29.56,
    })
  ).id;
  await waitVersion(b, id, 1);

  // latency: one note at a time, from A's acceptance to B's projection, each followed by one raw
  // round trip of the same payload, so both feel the same machine at the same moment
  const samples: number[] = [];
  const raw: number[] = [];
  const link = await rawLink(url);
  // accepted: the moment A's transaction has committed (when the ledger tells what it appended)
  let acceptedAt = 0;
  const off = a.ledger.onDidAppend(() => (acceptedAt = performance.now()));
  const WARM = 100;
  for (let k = 0; k < WARM + COMMANDS; k++) {
    const v = a.ledger.get(id)!.version;
    const seen = waitVersion(b, id, v + 1);
    await a.services.dispatch.act(id, v, [{ type: 'note', text: `基准记录 ${k}` }], officer);
    await seen;
    const took = performance.now() - acceptedAt;
    const rawTook = await link.once(JSON.stringify(a.ledger.timeline(id).at(-1)));
    if (k >= WARM) {
      samples.push(took);
      raw.push(rawTook);
    }
  }
  off();
  link.close();
  const sample = JSON.stringify(a.ledger.timeline(id).at(-1));
  const p99 = percentile(samples, 99);
  const rawP99 = percentile(raw, 99);
  line('bus.replicate', p99, rawP99, 'ms p99', {
    target: 'p99 ≤ 2× a raw publish→receive round trip on the same broker',
    note: `1,000 commands A→B over the embedded broker; payload ${sample.length} bytes`,
    metrics: {
      p50: percentile(samples, 50),
      p99,
      rawP50: percentile(raw, 50),
      rawP99,
      ratioP50: percentile(samples, 50) / percentile(raw, 50),
    },
  });

  // throughput with five consoles: the authority and four replicas
  const more = await Promise.all([0, 1, 2].map(() => start('replica', url)));
  const replicas = [b, ...more];
  const ids: string[] = [];
  for (let k = 0; k < 20; k++) {
    const r = {
      source: 'officer' as const,
      title: `基准 ${k}`,
      description: '路口积水约30厘米',
      lon: 106.45,
      lat: 29.56,
    };
    ids.push((await a.services.dispatch.report(r)).id);
  }
  await Promise.all(replicas.map((x) => waitSeq(x, a.ledger.log.position)));
  const target = a.ledger.log.position + BURST;
  const t0 = performance.now();
  const done = replicas.map((x) => waitSeq(x, target).then(() => performance.now() - t0));
  for (let k = 0; k < BURST; k++) {
    const i = ids[k % ids.length];
    await a.services.dispatch.act(i, a.ledger.get(i)!.version, [{ type: 'note', text: `批量 ${k}` }], officer);
  }
  const acceptedMs = performance.now() - t0;
  const per = await Promise.all(done);
  const slowest = Math.max(...per);
  line('bus.replicate.throughput', (BURST / slowest) * 1000, (BURST / acceptedMs) * 1000, 'events/s per replica', {
    note: 'baseline: the rate the authority accepted the same commands; 4 replicas each applied every event',
    metrics: { consoles: 5, events: BURST, slowestReplicaMs: slowest, authorityMs: acceptedMs },
  });
  for (const x of [...more.reverse(), b, a]) await x.close();
}

function waitVersion(c: LianqinConsole, id: string, v: number): Promise<void> {
  return new Promise((resolve) => {
    if ((c.ledger.get(id)?.version ?? 0) >= v) return resolve();
    const off = c.services.dispatch.onDidChange((ch) => {
      if (ch.id === id && ch.version >= v && !ch.pending) {
        off();
        resolve();
      }
    });
  });
}

function waitSeq(c: LianqinConsole, seq: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if ((c.replication.replica?.status().appliedSeq ?? 0) >= seq) {
        clearInterval(t);
        resolve();
      }
    };
    const t = setInterval(check, 5);
    check();
  });
}
