// Map frame time in real Chromium (SwiftShader here): the same close-in view with the 22,000 risk
// points vs without them. Frames are rendered synchronously and finished with a 1-pixel readback.
import { startBenchHost } from './benchHost';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import '../e2e/helpers';
import { line, median } from './stats';

export async function benchFrames(frames = 40, rounds = 4) {
  const { c, host } = await startBenchHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${host.url}/?diagnostics`);
    await page.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 120_000 });
    // close in over the dense urban east: every point drawn singly (no clusters)
    const drawn = await page.evaluate(() => {
      const m = window.__lianqinMap!;
      m.setView(106.44, 29.57, 20_000);
      return m.risk.drawnCount;
    });
    await page.waitForTimeout(3000); // imagery settles
    const withPts: number[] = [];
    const without: number[] = [];
    await page.evaluate((n) => {
      window.__lianqinMap!.measureFrames(n, true);
      window.__lianqinMap!.measureFrames(n, false);
    }, 10);
    for (let r = 0; r < rounds; r++) {
      // alternate so drift on a noisy machine hits both sides alike
      withPts.push(...(await page.evaluate((n) => window.__lianqinMap!.measureFrames(n, true), frames)));
      without.push(...(await page.evaluate((n) => window.__lianqinMap!.measureFrames(n, false), frames)));
    }
    return line('map.frame', median(withPts), median(without), 'ms', {
      target: 'ratio <= 1.25',
      note: `median of ${withPts.length} frames each, ${drawn} risk points, 1600x900, Chromium + SwiftShader (no GPU)`,
    });
  } finally {
    await browser.close();
    await host.close();
    await c.close();
  }
}
