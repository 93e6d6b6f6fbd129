// Two consoles in browser mode: the e2e console (the authority, with its embedded broker) and a replica
// started beside it whose network the test cuts. Cut off, the replica keeps taking reports: its board
// shows them marked "not sent" and its top bar counts them; when the network is back they reach the
// authority and the mark goes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../helpers/mosquitto';
import { startNetCut, type NetCut } from '../helpers/netCut';

let replica: ChildProcess | null = null;
let net: NetCut | null = null;
let base = '';

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  // the authority may still be seeding its first start: its broker starts once it is ready
  await expect
    .poll(async () => (await (await request.get('/healthz')).json()).ok, { timeout: 200_000, intervals: [1_000] })
    .toBe(true);
  const health = await (await request.get('/healthz')).json();
  const brokerPort = Number(new URL(health.broker.url).port);
  net = await startNetCut(brokerPort);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'lianqin-e2e-replica-'));
  replica = spawn(
    process.execPath,
    [
      'build/scripts/serve.mjs',
      ...['--port', String(port), '--data', data, '--broker', net.url, '--replication', 'replica'],
      ...['--sim-docks', 'off'],
    ],
    // its own process group: serve.mjs starts the console as a child, and the test stops both
    { stdio: 'ignore', detached: true },
  );
  // ready, and caught up with the authority's season
  const authorityTotal = async () => (await (await request.get('/api/incidents?limit=1')).json()).total as number;
  await expect
    .poll(
      async () => {
        const h = await request.get(`${base}/healthz`).catch(() => null);
        if (!h?.ok() || !(await h.json()).ok) return -1;
        return (await (await request.get(`${base}/api/incidents?limit=1`)).json()).total - (await authorityTotal());
      },
      { timeout: 200_000, intervals: [1_000] },
    )
    .toBe(0);
});

test.afterAll(async () => {
  if (replica?.pid) process.kill(-replica.pid, 'SIGTERM');
  await net?.close();
});

test('a replica cut off keeps working; its unsent report is marked, then accepted when the network returns', async ({
  page,
  request,
}) => {
  await page.goto(`${base}/board.html`);
  const status = page.getByTestId('replication-status');
  await expect(status).toHaveAttribute('data-mode', 'replica');
  await expect(status).toHaveAttribute('data-pending', '0');
  await expect(status).toContainText('已同步');

  net!.cut();
  await expect(status).toContainText('离线工作中', { timeout: 30_000 });
  const title = `现场上报 ${Date.now()}`;
  const res = await request.post(`${base}/api/incidents`, {
    data: { source: 'officer', title, description: '磁器口古镇正街路面塌陷约一平方米', lon: 106.4505, lat: 29.583 },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const row = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
  await expect(row).toHaveAttribute('data-pending', 'true');
  await expect(row).toContainText('未发送');
  await expect(status).toHaveAttribute('data-pending', '1');
  expect((await request.get(`/api/incidents/${id}`)).status()).toBe(404); // the authority has not heard of it
  expect((await (await request.get(`${base}/healthz`)).json()).replication).toMatchObject({
    mode: 'replica',
    connected: false,
    pending: 1,
  });

  net!.restore();
  await expect(status).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  await expect(row).not.toHaveAttribute('data-pending', 'true');
  await expect(status).toContainText('已同步');
  const there = await request.get(`/api/incidents/${id}`);
  expect(there.status()).toBe(200);
  expect((await there.json()).report.title).toBe(title);
});
