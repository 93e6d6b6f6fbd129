// An external broker that wants a user: credentials come from the environment or <data>/broker.json,
// reach the broker, and never appear in logs, /healthz or errors.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bus } from '../../../../electron/node/bus/index';
import { parseBrokerUrl, readBrokerCredentials } from '../../../../electron/node/bus/settings';
import { parseArgs } from '../../../../electron/node/cli/args';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { tmpDir } from '../../../helpers/tmp';

const SECRET = 'S3cret-pa55';

describe('broker settings', () => {
  it('the CLI takes the bus and drone options and refuses bad values naming the flag', () => {
    const a = parseArgs([
      '--mqtt-port',
      '1883',
      '--broker=mqtt://10.0.0.2:1883',
      '--mavlink-udp',
      '14550',
      '--sim-docks',
      'off',
      '--public-url',
      'http://10.0.0.5:4510/',
    ]);
    expect(a.console).toMatchObject({
      mqttPort: 1883,
      brokerUrl: 'mqtt://10.0.0.2:1883',
      mavlinkUdpPort: 14550,
      simulateDocks: false,
      publicUrl: 'http://10.0.0.5:4510',
    });
    expect(() => parseArgs(['--mqtt-port', '70000'])).toThrow(/--mqtt-port must be an integer 0..65535/);
    expect(() => parseArgs(['--broker', 'mqtt://u:p@h:1883'])).toThrow(/must not carry credentials/);
    expect(() => parseArgs(['--sim-docks', 'maybe'])).toThrow(/--sim-docks must be on or off/);
    expect(() => parseBrokerUrl('tcp//x')).toThrow(/--broker must be a URL/);
  });

  it('credentials: environment first, then <data>/broker.json; a bad file is named', () => {
    const dir = tmpDir();
    expect(readBrokerCredentials(dir, {})).toEqual({});
    fs.writeFileSync(path.join(dir, 'broker.json'), JSON.stringify({ username: 'file-user', password: 'file-pass' }));
    expect(readBrokerCredentials(dir, {})).toEqual({ username: 'file-user', password: 'file-pass' });
    expect(readBrokerCredentials(dir, { LIANQIN_MQTT_USER: 'env-user', LIANQIN_MQTT_PASSWORD: 'env-pass' })).toEqual({
      username: 'env-user',
      password: 'env-pass',
    });
    fs.writeFileSync(path.join(dir, 'broker.json'), '{"username": 5}');
    expect(() => readBrokerCredentials(dir, {})).toThrow(/broker\.json: "username" must be a string/);
    fs.writeFileSync(path.join(dir, 'broker.json'), '{oops');
    expect(() => readBrokerCredentials(dir, {})).toThrow(/broker\.json is not valid JSON/);
  });
});

const skip = mosquittoMissing();
if (skip) console.log(`[credentials on mosquitto] skipped: ${skip}`);

describe.skipIf(!!skip)('an external broker with a password', () => {
  let m: Mosquitto;
  beforeAll(async () => {
    m = await startMosquitto({ username: 'console', password: SECRET });
  });
  afterAll(async () => m?.stop());

  const busWith = (env: NodeJS.ProcessEnv, lines: string[]) =>
    new Bus({
      dataDir: tmpDir(),
      consoleId: 'c1',
      version: 't',
      brokerUrl: m.url,
      env,
      log: (l) => lines.push(l),
      backoff: { minMs: 100, maxMs: 500, jitter: 0 },
    });

  it('connects with the credentials from the environment and logs none of them', async () => {
    const lines: string[] = [];
    const bus = busWith({ LIANQIN_MQTT_USER: 'console', LIANQIN_MQTT_PASSWORD: SECRET }, lines);
    await bus.start();
    expect(bus.status()).toMatchObject({ connected: true, url: m.url, embedded: false });
    await bus.stop();
    expect(lines.join('\n')).toContain('(with credentials)');
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('wrong credentials: not connected, the reason shown, the password nowhere', async () => {
    const lines: string[] = [];
    const bus = busWith({ LIANQIN_MQTT_USER: 'console', LIANQIN_MQTT_PASSWORD: 'wrong' }, lines);
    await bus.start();
    expect(bus.status().connected).toBe(false);
    await expect.poll(() => bus.status().lastError, { timeout: 5_000 }).toMatch(/[Nn]ot authori[sz]ed/);
    const err = (await bus.client.publish('x', 'y').then(
      () => new Error('published'),
      (e: Error) => e,
    )) as Error;
    expect(err.message).toMatch(/not connected/);
    expect(JSON.stringify(bus.status()) + err.message + lines.join('\n')).not.toContain('wrong');
    await bus.stop();
  });
});
