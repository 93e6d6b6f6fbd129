// The on-site commander's laptop window on one 1366×768 screen (browser mode): a package made by
// another console (the centre, built here) taken in by choosing the file and again by dropping it, the
// incident with its timeline, cameras nearby, the nearest dock, the network state and the data's age; a
// note added on site and the return package made.
import { expect, test } from '@playwright/test';
import { createConsole, type LianqinConsole } from '../../electron/node/console/index';
import { tmpDir } from '../helpers/tmp';

let centre: LianqinConsole;
let zip: Buffer;
let incidentTitle = '';

test.beforeAll(async () => {
  centre = createConsole({
    dataDir: tmpDir(),
    version: 'e2e-centre',
    log: () => {},
    seed: { historyCount: 100 },
    simulateDocks: false,
    video: { platforms: ['direct'] },
  });
  await centre.ready;
  const i = await centre.services.dispatch.report({
    source: 'grid',
    title: '磁器口古镇游客拥挤',
    description: '磁器口古镇正街人流过密，出现推挤，请求疏导',
    lon: 106.4505,
    lat: 29.583,
    reporter: '网格员周敏',
  });
  incidentTitle = i.report.title;
  await centre.services.dispatch.command(i.id, i.version, { type: 'acknowledge' });
  const p = await centre.services.fieldPackages.exportPackage({
    incidentId: i.id,
    radiusM: 2_000,
    minZoom: 12,
    maxZoom: 15,
  });
  zip = Buffer.from(await (await import('node:fs')).promises.readFile(centre.fieldPackages.service.file(p.id)!.path));
});
test.afterAll(async () => {
  await centre?.close();
});

test.describe('field laptop window (browser mode)', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('takes in a package, shows the incident, cameras, dock, network and data age; notes on site; returns the journal', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/field.html');
    await page.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('field-data-age')).toContainText('尚未导入');
    await expect(page.getByTestId('field-map-credit')).toContainText('© OpenStreetMap contributors (ODbL)');

    await page
      .getByTestId('field-import-file')
      .setInputFiles({ name: 'area.zip', mimeType: 'application/zip', buffer: zip });
    await expect(page.getByTestId('field-import-report')).toContainText('已导入');
    await expect(page.getByTestId('field-incident-title')).toHaveText(incidentTitle);
    await expect(page.getByTestId('field-timeline').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('field-data-age')).toContainText(/分钟前/);
    await expect(page.getByTestId('field-status')).toHaveAttribute('data-stale', 'false');
    await expect(page.getByTestId('field-status')).toContainText(/网络/);
    await expect(page.getByTestId('field-cameras').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('nearest-dock')).toBeVisible();

    // dropped onto the window a second time: checked again, nothing changes
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'area.zip', { type: 'application/zip' }));
      const zone = document.querySelector('[data-testid="field-import"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, zip.toString('base64'));
    await expect(page.getByTestId('field-import-report')).toContainText('此数据包已导入过');

    // a package with one byte changed is refused, naming the entry
    const bad = Buffer.from(zip);
    bad[Math.floor(bad.length / 2)] ^= 0x01;
    await page
      .getByTestId('field-import-file')
      .setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: bad });
    await expect(page.getByTestId('field-import-error')).toContainText(/数据包被拒收：.*entry /);

    await page.getByTestId('field-note').fill('现场已设置单向通行');
    await page.getByTestId('field-note-add').click();
    await expect(page.getByTestId('field-timeline').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('field-timeline').locator('li').first()).toContainText('现场已设置单向通行');

    await page.getByTestId('field-return').click();
    const link = page.getByTestId('field-return-link');
    await expect(link).toBeVisible();
    const res = await page.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    const back = await centre.services.fieldPackages.importPackage(new Uint8Array(await res.body()));
    expect(back).toMatchObject({ kind: 'return', eventsApplied: 1, conflicts: [] });

    // one screen: nothing spills sideways
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
    expect(errors).toEqual([]);
  });
});
