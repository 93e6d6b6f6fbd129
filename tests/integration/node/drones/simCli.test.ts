// `npm run sim:docks -- --broker <url>`: the simulated docks as their own process, speaking only MQTT.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../../electron/node/bus/broker';
import { ROOT } from '../../../helpers/tmp';

const CLI = path.join(ROOT, 'electron/node/simulators/cli.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('sim:docks', () => {
  let broker: EmbeddedBroker;
  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
  });
  afterAll(async () => broker?.close());

  it('announces both seeded docks and publishes their OSD on any broker', async () => {
    const seen = new Set<string>();
    const c = connect(broker.url, { protocolVersion: 4 });
    await new Promise<void>((r) => c.once('connect', () => r()));
    c.subscribe(['sys/product/+/status', 'thing/product/+/osd']);
    c.on('message', (topic, p) => {
      const m = JSON.parse(p.toString());
      seen.add(m.method === 'update_topo' ? `topo:${topic.split('/')[2]}` : `osd:${topic.split('/')[2]}`);
    });
    const child = spawn(TSX, [CLI, '--broker', broker.url, '--speed', '2'], { cwd: ROOT, stdio: 'ignore' });
    try {
      await expect
        .poll(() => [...seen].sort(), { timeout: 20_000, interval: 200 })
        .toEqual(
          expect.arrayContaining([
            'osd:SEED-DOCK-0001',
            'osd:SEED-DOCK-0002',
            'osd:SEED-UAV-0001',
            'topo:SEED-DOCK-0001',
            'topo:SEED-DOCK-0002',
          ]),
        );
    } finally {
      child.kill('SIGTERM');
      c.end(true);
    }
  }, 30_000);

  it('refuses a missing or bad broker URL, naming the option', () => {
    const r = spawnSync(TSX, [CLI, '--broker', 'http://x'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--broker must use mqtt:\/\//);
    const r2 = spawnSync(TSX, [CLI], { cwd: ROOT, encoding: 'utf8' });
    expect(r2.stderr).toMatch(/--broker mqtt:\/\/host:port is required/);
  }, 30_000);
});
