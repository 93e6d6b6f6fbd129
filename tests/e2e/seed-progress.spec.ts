// First start on an empty data folder: the seed's progress is shown in the UI and on the console.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.LIANQIN_E2E_PORT ?? 4517) + 1;
let proc: ChildProcess;
let output = '';

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianqin-seed-'));
  proc = spawn(process.execPath, ['build/scripts/serve.mjs', '--port', String(PORT), '--data', dataDir], {
    env: { ...process.env, LIANQIN_SEED_CHUNK_PAUSE_MS: '400' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  await expect.poll(() => output, { timeout: 60_000 }).toContain('console host started on');
});
test.afterAll(() => {
  proc?.kill('SIGTERM');
});

test('shows seeding progress, then the map; the board waits too', async ({ page, context }) => {
  const board = await context.newPage();
  await board.goto(`http://127.0.0.1:${PORT}/board.html`);
  await expect(board.getByTestId('seed-progress')).toBeVisible();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const overlay = page.getByTestId('seed-progress');
  await expect(overlay).toHaveAttribute('data-phase', 'seeding');
  await expect(overlay).toContainText('%');
  await expect(overlay).toContainText('首次启动');
  await expect(page.locator('[data-testid="map"][data-state="ready"]')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('map')).toHaveAttribute('data-drawn-risk-points', '22000');
  await expect(board.locator('[data-testid="incident-list"] li[data-id]').first()).toBeVisible({ timeout: 60_000 });
  // one bar per phase, each with its own count; "ready" with every window's address once /healthz is ok
  expect(output).toMatch(/\[seed\] risk-points 风险点位 [█░]+ 100% \(22000\/22000\)/);
  expect(output).toMatch(/\[seed\] cameras 视频点位 [█░]+ 100% \(1566\/1566\)/);
  expect(output).toMatch(/\[seed\] incidents .* 100% \(12000\/12000\)/);
  expect(output).toMatch(/\[seed\] district seeded in \d+ ms/);
  await expect.poll(() => output, { timeout: 30_000 }).toContain('ready — open the windows');
  expect(output).toContain(`http://127.0.0.1:${PORT}/board.html`);
  expect(output.indexOf('ready — open')).toBeGreaterThan(output.indexOf('100% (12000/12000)'));
});
