// The schematic basemap drawn two ways, measured on SwiftShader (Chromium, no GPU): raster tiles drawn in
// Node (cached in MBTiles) vs vector primitives drawn by Cesium. For each: first paint (navigation start
// to the basemap complete at a street-level view, tile cache cold for raster) and frame time (median of
// synchronous frames at the district view and at street level), against the same views with no basemap.
import { startBenchHost } from './benchHost';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import '../e2e/helpers';
import { line, median } from './stats';

const STREET = { lon: 106.4555, lat: 29.5575, h: 2_500 }; // Shapingba station, about zoom 16
const DISTRICT = { lon: 106.4, lat: 29.6, h: 45_000 };

interface Run {
  firstPaintMs: number;
  streetMs: number;
  districtMs: number;
}

async function measure(page: Page, url: string, frames: number): Promise<Run> {
  await page.goto(url);
  await page.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 180_000 });
  const firstPaintMs = await page.evaluate(async (v) => {
    const m = window.__lianqinMap!;
    m.setView(v.lon, v.lat, v.h);
    await m.basemapSettled();
    return performance.now();
  }, STREET);
  const frameAt = async (v: { lon: number; lat: number; h: number }) =>
    page.evaluate(
      async ({ v, n }) => {
        const m = window.__lianqinMap!;
        m.setView(v.lon, v.lat, v.h);
        await m.basemapSettled();
        m.measureFrames(5, true);
        return m.measureFrames(n, true);
      },
      { v, n: frames },
    );
  const street = await frameAt(STREET);
  const district = await frameAt(DISTRICT);
  return { firstPaintMs, streetMs: median(street), districtMs: median(district) };
}

export async function benchBasemap(frames = 30, rounds = 3) {
  const { c, host } = await startBenchHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const fresh = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      return { ctx, page: await ctx.newPage() };
    };
    const modes = [
      // no basemap at all: the baseline of both (Cesium's own Natural Earth imagery only)
      ['none', 'schematic=raster', "localStorage.setItem('lianqin.basemap.base', JSON.stringify(''))"],
      ['raster', 'schematic=raster', ''],
      ['vector', 'schematic=vector', ''],
    ] as const;
    const runs: Record<string, Run[]> = { none: [], raster: [], vector: [] };
    // rounds alternate the modes so a noisy shared machine hits all alike; the first raster round has
    // a cold tile cache (every tile drawn in Node on first sight), later ones a warm one
    for (let round = 0; round < rounds; round++) {
      for (const [name, query, setup] of modes) {
        const { ctx, page } = await fresh();
        if (setup) await ctx.addInitScript(setup);
        runs[name].push(await measure(page, `${host.url}/?diagnostics&${query}`, frames));
        await ctx.close();
      }
    }
    const med = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k]));
    const base = runs.none;
    for (const name of ['raster', 'vector'] as const) {
      const rs = runs[name];
      line(`basemap.schematic.${name}`, med(rs, 'streetMs'), med(base, 'streetMs'), 'ms', {
        note:
          `frame time at street level (zoom ~16) vs no basemap, median over ${rounds} rounds of ${frames} frames, ` +
          '1600x900, SwiftShader, 22,000 risk points shown; first paint = navigation start to the basemap complete ' +
          `at street level${name === 'raster' ? ' (cold: tile cache empty in round 1)' : ''}`,
        metrics: {
          firstPaintMs: Math.round(med(rs, 'firstPaintMs')),
          ...(name === 'raster' ? { firstPaintColdMs: Math.round(rs[0].firstPaintMs) } : {}),
          firstPaintNoBasemapMs: Math.round(med(base, 'firstPaintMs')),
          districtFrameMs: med(rs, 'districtMs'),
          districtFrameNoBasemapMs: med(base, 'districtMs'),
        },
      });
    }
    return runs;
  } finally {
    await browser.close();
    await host.close();
    await c.close();
  }
}
