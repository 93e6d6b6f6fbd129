// The basemap switcher in the map wall's layer panel (browser mode): the schematic basemap with its
// OpenStreetMap credit, a web source added in the panel and drawn through the host's tile cache, a
// GCJ-02 source flagged as corrected, an area downloaded with its estimate first, the choice kept.
import { expect, test } from '@playwright/test';
import { startTileServer, type TileServer } from '../helpers/tileServer';
import { guardNetwork, openMapWall } from './helpers';

let tiles: TileServer;
test.beforeAll(async () => {
  tiles = await startTileServer();
});
test.afterAll(async () => {
  await tiles?.close();
});

test.describe('basemaps (browser mode)', () => {
  test('schematic by default with its credit; a web source added, drawn from /tiles, chosen and kept', async ({
    page,
    context,
  }) => {
    const net = await guardNetwork(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openMapWall(page);
    const panel = page.getByTestId('basemaps');
    await expect(panel.getByTestId('basemap-schematic').locator('input')).toBeChecked();
    await expect(panel.getByTestId('basemap-attribution')).toContainText('© OpenStreetMap contributors (ODbL)');
    await expect(panel).toContainText('无道路网');

    // station names are on the map (the schematic basemap's labels) at street level
    const boxes = await page.evaluate(async () => {
      const m = window.__lianqinMap!;
      m.setView(106.4555, 29.5575, 2_500);
      await m.basemapSettled();
      return m.placedBoxes().map((b) => b.id);
    });
    expect(boxes.some((id) => id.startsWith('station-'))).toBe(true);

    await panel.getByTestId('basemap-add').click();
    await page.getByTestId('source-kind').selectOption('xyz');
    await page.getByTestId('source-url').fill(`${tiles.url}/xyz/{z}/{x}/{y}.png`);
    await page.getByTestId('source-id').fill('e2e-street');
    await page.getByTestId('source-name').fill('测试街道图');
    await page.getByTestId('source-attribution').fill('本地测试图源 © e2e');
    await page.getByTestId('source-submit').click();
    await expect(page.getByTestId('source-message')).toContainText('已添加图源 测试街道图');
    const street = panel.getByTestId('basemap-e2e-street');
    await expect(street).toBeVisible();
    await street.locator('input').check();
    await expect(panel.getByTestId('basemap-attribution')).toContainText('本地测试图源 © e2e');
    // the map asks its own host for the tiles, and the host fetches each once from the source
    await expect
      .poll(() => net.all.filter((u) => u.includes('/tiles/e2e-street/')).length, { timeout: 60_000 })
      .toBeGreaterThan(4);
    await expect.poll(() => tiles.total(), { timeout: 60_000 }).toBeGreaterThan(4);
    expect([...tiles.counts.values()].every((n) => n === 1)).toBe(true);

    // a GCJ-02 source is flagged as corrected (adding it fetches nothing)
    await page.getByTestId('source-kind').selectOption('xyz');
    await page.getByTestId('source-url').fill('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8');
    await page.getByTestId('source-id').fill('amap');
    await page.getByTestId('source-name').fill('高德');
    await page.getByTestId('source-submit').click();
    await expect(page.getByTestId('source-message')).toContainText('subdomains');
    await page.getByTestId('source-subdomains').fill('1,2,3,4');
    await page.getByTestId('source-submit').click();
    await expect(page.getByTestId('source-message')).toContainText('已添加图源 高德');
    await expect(panel.getByTestId('basemap-amap')).toContainText('GCJ-02 已纠偏');
    // kept across a reload
    await page.reload();
    await page.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('basemap-e2e-street').locator('input')).toBeChecked();
    await page.getByTestId('basemap-schematic').locator('input').check();
    await expect(page.getByTestId('basemap-attribution')).toContainText('OpenStreetMap');
    expect(net.foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('downloads the current view: tile count and size first, then progress to done', async ({ page, request }) => {
    await request.post('/api/maps/sources', {
      data: { id: 'e2e-dl', kind: 'xyz', url: `${tiles.url}/xyz/{z}/{x}/{y}.png`, name: '下载测试' },
    });
    await openMapWall(page);
    await page.evaluate(() => window.__lianqinMap!.setView(106.4555, 29.5575, 6_000));
    await page.getByTestId('basemap-download').click();
    await page.getByTestId('download-source').selectOption('e2e-dl');
    await page.getByTestId('download-min').fill('12');
    await page.getByTestId('download-max').fill('14');
    await page.getByTestId('download-estimate').click();
    await expect(page.getByTestId('download-estimated')).toContainText(/共 \d+ 张瓦片/);
    await page.getByTestId('download-start').click();
    await expect(page.locator('[data-testid^="download-"][data-state="done"]').first()).toBeVisible({
      timeout: 60_000,
    });
  });
});
