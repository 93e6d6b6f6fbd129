// A console with its host for drone tests: like startTestHost, with the console's bus and drone
// options (simulator speed, service timeout, external broker, MAVLink port).
import fs from 'node:fs';
import path from 'node:path';
import { createConsole, type ConsoleOptions, type LianqinConsole } from '../../electron/node/console/index';
import { cesiumAssetsDir } from '../../electron/node/host/paths';
import { startHost, type ConsoleHost } from '../../electron/node/host/host';
import type { CommandDto } from '../../electron/common/drones/commands';
import type { AircraftState, DockDto } from '../../electron/common/drones/types';
import { ROOT, tmpDir } from './tmp';

export interface Reply<T> {
  status: number;
  body: T;
}

export interface DroneHost extends ConsoleHost {
  console: LianqinConsole;
  get<T = ErrorBody>(p: string): Promise<Reply<T>>;
  post<T = ErrorBody>(p: string, body: unknown): Promise<Reply<T>>;
  /** the API's answers, typed by their DTOs */
  docks(): Promise<DockDto[]>;
  dock(sn: string): Promise<DockDto>;
  aircraft(sn: string): Promise<AircraftState>;
  command(id: string): Promise<CommandDto>;
  send(dockSn: string, method: string, params?: object): Promise<Reply<{ id: string } & ErrorBody>>;
  close(): Promise<void>;
}

export interface ErrorBody {
  error?: string;
  code?: string;
  param?: string | null;
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
  const call = async <T>(method: string, p: string, body?: unknown): Promise<Reply<T>> => {
    const r = await fetch(host.url + p, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const get = <T>(p: string) => call<T>('GET', p);
  const docks = async () => (await get<DockDto[]>('/api/drones/docks')).body;
  const find = <T extends { sn: string }>(list: T[], sn: string): T => {
    const x = list.find((d) => d.sn === sn);
    if (!x) throw new Error(`no ${sn} in ${list.map((d) => d.sn).join(', ')}`);
    return x;
  };
  return Object.assign(host, {
    get,
    post: <T>(p: string, body: unknown) => call<T>('POST', p, body),
    docks,
    dock: async (sn: string) => find(await docks(), sn),
    aircraft: async (sn: string) => find((await get<AircraftState[]>('/api/drones/aircraft')).body, sn),
    command: async (id: string) => (await get<CommandDto>(`/api/drones/commands/${id}`)).body,
    send: (dockSn: string, method: string, params: object = {}) =>
      call<{ id: string } & ErrorBody>('POST', `/api/drones/docks/${dockSn}/commands`, { method, params }),
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
