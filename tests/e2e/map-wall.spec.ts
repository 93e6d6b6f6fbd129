// Browser mode, end to end: real host, real SQLite, real Chromium rendering WebGL via SwiftShader.
import { expect, test } from '@playwright/test';
import { guardNetwork, openMapWall } from './helpers';

test.describe('map wall (browser mode)', () => {
  test('reaches ready with all 22,000 risk points drawn, offline, in Chinese', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const net = await guardNetwork(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await openMapWall(page);
    const map = page.getByTestId('map');
    await expect(map).toHaveAttribute('data-drawn-risk-points', '22000');

    // legend counts agree with the host
    const health = await (await request.get('/healthz')).json();
    expect(health.counts.riskPoints).toBe(22_000);
    await expect(page.getByTestId('count-total')).toHaveText('22,000');
    const perLevel = await Promise.all(
      ['major', 'high', 'moderate', 'low'].map(async (l) =>
        Number((await page.getByTestId(`count-${l}`).innerText()).replace(/,/g, '')),
      ),
    );
    expect(perLevel.reduce((a, b) => a + b, 0)).toBe(22_000);
    expect(perLevel.every((n) => n > 0)).toBe(true);

    // Chinese first, and it renders as glyphs, not boxes: two different characters must rasterise differently
    await expect(page.locator('h1')).toContainText('联勤指挥台');
    await expect(page.getByTestId('outline-approx')).toContainText('近似');
    const glyphs = await page.evaluate(() => {
      const draw = (ch: string) => {
        const c = document.createElement('canvas');
        c.width = c.height = 40;
        const g = c.getContext('2d')!;
        g.font = "32px 'Noto Sans CJK SC', sans-serif";
        g.fillText(ch, 2, 32);
        return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
      };
      return { a: draw('联'), b: draw('勤'), tofuA: draw('\u{E000}'), tofuB: draw('\u{E001}') };
    });
    expect(glyphs.a).not.toBe(glyphs.b);
    expect(glyphs.a).not.toBe(glyphs.tofuA);

    await page.waitForTimeout(3000); // let imagery tiles settle for the artifact
    const shot = testInfo.outputPath('map-wall.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('map-wall', { path: shot, contentType: 'image/png' });

    // nothing left loopback, and the map did load Cesium's workers/assets locally
    expect(net.foreign).toEqual([]);
    expect(net.all.some((u) => u.includes('/cesium/Assets/Textures/NaturalEarthII'))).toBe(true);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  test('clicking a risk point opens its detail card; clicking a cluster zooms in', async ({ page }) => {
    await openMapWall(page);
    const target = await page.evaluate(
      async () => (await (await fetch('/api/risk-points?bbox=106.455,29.555,106.46,29.56')).json()).features[0],
    );
    const pos = await page.evaluate(
      ([lon, lat]) => {
        const m = window.__lianqinMap!;
        m.setView(lon, lat, 1_500);
        m.viewer.scene.render();
        return m.toWindow(lon, lat);
      },
      target.geometry.coordinates as [number, number],
    );
    expect(pos).not.toBeNull();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    const card = page.getByTestId('detail-card');
    await expect(card).toHaveAttribute('data-kind', 'risk');
    await expect(card).toContainText('处置预案');
    await expect(card).toContainText('关联感知设备');
    // the data speaks English too: category, family and plan follow the UI language
    await page.getByTestId('lang-toggle').click();
    await expect(card.getByTestId('detail-plan')).toContainText('response plan');
    await expect(card.getByTestId('detail-category')).not.toContainText(/[\u4e00-\u9fff]/);
    await page.getByTestId('lang-toggle').click();
    await expect(card.getByTestId('detail-plan')).toContainText('风险处置预案');

    // back out to the district: clusters are shown, a click on one flies closer
    const height0 = await page.evaluate(() => {
      const m = window.__lianqinMap!;
      m.setView(106.46, 29.56, 48_000);
      m.viewer.scene.render();
      return m.viewer.camera.positionCartographic.height;
    });
    expect(await page.evaluate(() => window.__lianqinMap!.risk.drawnCount)).toBe(22_000);
    const cl = await page.evaluate(() => {
      const m = window.__lianqinMap!;
      const clusters = (
        m.risk as unknown as { clusters: { length: number; get(i: number): { id: { lon: number; lat: number } } } }
      ).clusters;
      for (let i = 0; i < clusters.length; i++) {
        const { lon, lat } = clusters.get(i).id; // biggest first
        const w = m.toWindow(lon, lat);
        if (w && w.x > 300 && w.x < 1200 && w.y > 100 && w.y < 800) return w; // clear of the side panels
      }
      return null;
    });
    expect(cl).not.toBeNull();
    await page.mouse.click(box.x + cl!.x, box.y + cl!.y);
    await expect
      .poll(() => page.evaluate(() => window.__lianqinMap!.viewer.camera.positionCartographic.height), {
        timeout: 20_000,
      })
      .toBeLessThan(height0 / 2);
  });

  test('reads at every zoom: the district fits, clusters show their mix, points thin out, labels never overlap', async ({
    page,
  }) => {
    await openMapWall(page);
    // the default view: the whole outline inside the map, clear of the panels on its left
    await page.evaluate(() => {
      window.__lianqinMap!.home();
      window.__lianqinMap!.viewer.scene.render();
    });
    const box = (await page.getByTestId('map').boundingBox())!;
    const panel = (await page.getByTestId('legend').boundingBox())!;
    const outline = await page.evaluate(() => {
      const m = window.__lianqinMap! as unknown as {
        toWindow(lon: number, lat: number): { x: number; y: number } | null;
        homeRing: [number, number][];
      };
      return m.homeRing.map(([lon, lat]) => m.toWindow(lon, lat));
    });
    expect(outline.every((p) => p !== null)).toBe(true);
    for (const p of outline) {
      expect(p!.x).toBeGreaterThan(panel.x + panel.width - box.x);
      expect(p!.x).toBeLessThan(box.width);
      expect(p!.y).toBeGreaterThan(0);
      expect(p!.y).toBeLessThan(box.height);
    }
    // far out: clusters, drawn as rings of their level mix (not one colour per worst point)
    const mixes = await page.evaluate(() => {
      const r = window.__lianqinMap!.risk as unknown as {
        clusters: { length: number; get(i: number): { image: string } };
      };
      const images = new Set<string>();
      for (let i = 0; i < r.clusters.length; i++) images.add(r.clusters.get(i).image);
      return { clusters: r.clusters.length, images: images.size };
    });
    expect(mixes.clusters).toBeGreaterThan(20);
    expect(mixes.images).toBeGreaterThan(3);
    // nothing placed overlaps: town and nest names, cluster markers
    const overlaps = (bs: { x: number; y: number; w: number; h: number }[]) =>
      bs.some((a, i) =>
        bs.some((b, j) => j > i && Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h),
      );
    const far = await page.evaluate(() => window.__lianqinMap!.placedBoxes());
    expect(far.some((b) => b.id.startsWith('town-'))).toBe(true);
    expect(far.some((b) => b.id.startsWith('nest-'))).toBe(true);
    expect(overlaps(far)).toBe(false);
    // city zoom: points thin out by level and density; street zoom: every point
    const at = (h: number) =>
      page.evaluate((height) => {
        const m = window.__lianqinMap!;
        m.setView(106.45, 29.57, height);
        m.viewer.scene.render();
        return { shown: m.risk.shownCount, boxes: m.placedBoxes() };
      }, h);
    const city = await at(18_000);
    expect(city.shown).toBeGreaterThan(703); // every major and more
    expect(city.shown).toBeLessThan(22_000 / 2);
    expect(overlaps(city.boxes)).toBe(false);
    const street = await at(2_000);
    expect(street.shown).toBe(22_000);
  });

  test('layer and level toggles reach the map; English is one click away', async ({ page }) => {
    await openMapWall(page);
    const shown = () =>
      page.evaluate(() => {
        const r = window.__lianqinMap!.risk as unknown as { points: { show: boolean }; clusters: { show: boolean } };
        return r.points.show || r.clusters.show;
      });
    expect(await shown()).toBe(true);
    await page.getByTestId('layer-risk').uncheck();
    await expect.poll(shown).toBe(false);
    await page.getByTestId('layer-risk').check();
    await expect.poll(shown).toBe(true);

    await page.getByTestId('level-low').uncheck();
    const lowShown = await page.evaluate(() => {
      const r = window.__lianqinMap!.risk as unknown as {
        points: { length: number; get(i: number): { show: boolean } };
        data: { level: Uint8Array };
      };
      let visibleLow = 0;
      for (let i = 0; i < r.points.length; i++) if (r.data.level[i] === 3 && r.points.get(i).show) visibleLow++;
      return visibleLow;
    });
    expect(lowShown).toBe(0);

    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('h1')).toContainText('Lianqin Console');
    await expect(page.getByTestId('legend')).toContainText('Major');
    await page.reload();
    await expect(page.locator('h1')).toContainText('Lianqin Console'); // remembered
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('h1')).toContainText('联勤指挥台');
  });
});
