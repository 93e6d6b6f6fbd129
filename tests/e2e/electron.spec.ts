// Electron e2e: runs where the Electron binary exists (it cannot be downloaded on the CI machines,
// which install with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Says plainly why when it is skipped.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../../build/scripts/lib.mjs';

function electronSetup(): { path: string | null; why: string } {
  const b = electronBinary(process.cwd());
  if (b.path && !fs.existsSync(path.resolve('dist/electron/main.cjs')))
    return { path: null, why: 'dist/electron/main.cjs is not built (npm run build:electron)' };
  return b;
}

const bin = electronSetup();
if (!bin.path)
  console.log(`[electron e2e] skipped: ${bin.why}. The same console is covered in browser mode (map-wall.spec.ts).`);

/** the app on a fresh data folder, with our flags before Chromium's */
async function launch(...flags: string[]): Promise<ElectronApplication> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianqin-electron-'));
  return electron.launch({
    executablePath: bin.path!,
    args: ['.', `--data=${dataDir}`, ...flags, '--no-sandbox'],
    cwd: process.cwd(),
  });
}

const windowUrls = (app: ElectronApplication) =>
  app
    .windows()
    .map((w) => w.url())
    .sort();

test.describe('Electron shell', () => {
  test.skip(!bin.path, `Electron e2e skipped: ${bin.why}`);

  test('opens the map wall over IPC with the sandboxed preload', async () => {
    const app = await launch();
    // the cockpit's windows open where the layout puts them: take the wall
    await app.firstWindow();
    await expect
      .poll(() => windowUrls(app), { timeout: 60_000 })
      .toEqual([
        'lianqin://app/board.html',
        'lianqin://app/dashboard.html',
        'lianqin://app/drones.html',
        'lianqin://app/index.html',
        'lianqin://app/video.html',
      ]);
    const win = app.windows().find((w) => w.url().endsWith('/index.html'))!;
    await expect(win.locator('[data-testid="map"][data-state="ready"]')).toBeVisible({ timeout: 180_000 });
    await expect(win.getByTestId('map')).toHaveAttribute('data-drawn-risk-points', '22000');
    // the renderer has the bridge and nothing else of Node
    const surface = await win.evaluate(() => ({
      bridge: Object.keys((window as { lianqin?: object }).lianqin ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ bridge: ['invoke', 'subscribe'], require: 'undefined', process: 'undefined' });
    await app.close();
  });

  test('a field laptop opens its panel and the map; the pages reach the host through lianqin://app', async () => {
    const app = await launch('--windows=field-laptop,map-wall', '--port=0');
    await app.firstWindow();
    await expect
      .poll(() => windowUrls(app), { timeout: 60_000 })
      .toEqual(['lianqin://app/field.html', 'lianqin://app/index.html']);
    const field = app.windows().find((w) => w.url().endsWith('/field.html'))!;
    // relative /api and /healthz requests (package downloads and uploads) are answered by the host
    await expect
      .poll(() => field.evaluate(async () => (await fetch('/healthz')).status), { timeout: 60_000 })
      .toBe(200);
    const packages = await field.evaluate(async () => (await fetch('/api/field-packages')).json());
    expect(Array.isArray(packages)).toBe(true);
    await app.close();
  });
});
