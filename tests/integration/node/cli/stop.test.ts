// `npm run serve` stops on SIGTERM even when its broker has gone away mid-session (a replica whose
// network dropped) and a video wall is still pulling a live stream from it: neither holds it open.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mosquittoMissing, startMosquitto, type Mosquitto } from '../../../helpers/mosquitto';
import { startNetCut, type NetCut } from '../../../helpers/netCut';
import { ROOT, tmpDir } from '../../../helpers/tmp';

const missing = mosquittoMissing();
if (missing) console.warn(`skipped: ${missing}`);

describe.skipIf(!!missing)('stopping a console', () => {
  let m: Mosquitto | null = null;
  let net: NetCut | null = null;
  const dataDir = tmpDir('lianqin-stop-');
  afterAll(async () => {
    await net?.close();
    await m?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a replica cut off from its broker, serving a live stream, exits cleanly on SIGTERM', async () => {
    m = await startMosquitto();
    net = await startNetCut(Number(new URL(m.url).port));
    const proc = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'electron/node/cli/serve.ts'),
        ...['--port', '0', '--data', dataDir, '--broker', net.url, '--replication', 'replica'],
        ...['--sim-docks', 'off', '--sim-sensors', 'off'],
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/console host started on/);
    // connected to the broker, then the network goes while the replica still has work in flight
    const url = /console host started on (http:\/\/\S+)/.exec(out)![1];
    await expect
      .poll(async () => (await (await fetch(`${url}/healthz`)).json()).broker?.connected, { timeout: 60_000 })
      .toBe(true);
    // a wall still pulling a live HTTP-FLV stream from this console (a connection that never ends by itself)
    const cams = (await (await fetch(`${url}/api/cameras?limit=50`)).json()) as { id: string; status: string }[];
    const cam = cams.find((x) => x.status === 'online')!;
    const stream = await fetch(`${url}/media/live/${cam.id}/sub.live.flv`);
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await reader.read();
    net.cut();
    proc.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 40_000))]);
    if (code === 'hung') proc.kill('SIGKILL');
    expect(code, out.slice(-2_000)).toBe(0);
  }, 150_000);
});
