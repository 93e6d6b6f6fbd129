import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

// Browser-mode e2e: Debian's Chromium (no browser download), WebGL through SwiftShader.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
export const E2E_PORT = Number(process.env.LIANQIN_E2E_PORT ?? 4517);
// the specs read the one-time administrator credential from here (workers inherit the runner's env)
const dataDir = (process.env.LIANQIN_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lianqin-e2e-')));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1600, height: 900 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node build/scripts/serve.mjs --port ${E2E_PORT} --data ${dataDir}`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
