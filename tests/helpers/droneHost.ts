// A console with its host for drone tests: like startTestHost, with the console's bus and drone
// options (simulator speed, service timeout, external broker, MAVLink port).
import fs from 'node:fs';
import path from 'node:path';
import { createConsole, type ConsoleOptions, type LianqinConsole } from '../../electron/node/console/index';
import { cesiumAssetsDir } from '../../electron/node/host/paths';
import { startHost, type ConsoleHost } from '../../electron/node/host/host';
import { ROOT, tmpDir } from './tmp';

export interface DroneHost extends ConsoleHost {
  console: LianqinConsole;
  get(p: string): Promise<{ status: number; body: any }>;
  post(p: string, body: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startDroneHost(o: Partial<ConsoleOptions> = {}): Promise<DroneHost> {
  const dataDir = tmpDir('lianqin-drones-');
  const rendererDir = path.join(dataDir, 'www');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const c = createConsole({ dataDir, version: '0.0.0-test', log: () => {}, seed: { historyCount: 50 }, ...o });
  const host = await startHost({ console: c, port: 0, rendererDir, cesiumDir: cesiumAssetsDir(ROOT), log: () => {} });
  await c.ready;
  const stopServing = host.close;
  const call = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(host.url + p, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return Object.assign(host, {
    get: (p: string) => call('GET', p),
    post: (p: string, body: unknown) => call('POST', p, body),
    async close() {
      await stopServing();
      await c.close();
    },
  });
}

/** Waits for a condition outside a test body (hooks cannot use expect.poll). */
export async function until(f: () => Promise<boolean> | boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
