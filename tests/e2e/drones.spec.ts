// The drone panel in Chromium against the console's simulated docks (browser mode, real time): nests
// with readiness and its reasons, commands with the dock's answer in words, an aircraft in flight on
// the panel and on the map wall, track replay, live video, and the nearest nest beside an incident.
import { expect, test, type Page } from '@playwright/test';
import { destination } from '../../electron/common/geo';

interface Dock {
  sn: string;
  lon: number;
  lat: number;
  aircraftSn: string;
  readiness: { ready: boolean; reasons: { code: string }[] };
}
const DOCK = 'SEED-DOCK-0001';

async function openPanel(page: Page) {
  await page.goto('/drones.html');
  await expect(page.getByTestId('drone-panel')).toBeVisible({ timeout: 120_000 });
}

const log = (page: Page, method: string) => page.getByTestId(`command-${method}`).first();

test.describe('drone panel (browser mode)', () => {
  test('nests with readiness in Chinese, reasons when they cannot fly, the bus connected; English on request', async ({
    page,
    request,
  }) => {
    await openPanel(page);
    await expect(page.getByTestId('broker-status')).toHaveText('消息总线已连接');
    const docks: Dock[] = await (await request.get('/api/drones/docks')).json();
    expect(docks.map((d) => d.sn)).toEqual([DOCK, 'SEED-DOCK-0002']);
    for (const d of docks) {
      const card = page.getByTestId(`dock-${d.sn}`);
      await expect(card.getByTestId('dock-readiness')).toHaveText(/可起飞|暂不可飞|离线/);
      const now: Dock = (await (await request.get('/api/drones/docks')).json()).find((x: Dock) => x.sn === d.sn);
      if (!now.readiness.ready) await expect(card.getByTestId('dock-reasons').locator('li')).not.toHaveCount(0);
    }
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('broker-status')).toHaveText('Message bus connected');
    await expect(page.getByTestId(`dock-${DOCK}`).getByTestId('dock-readiness')).toHaveText(
      /Ready to fly|Cannot fly now|Offline/,
    );
    await page.getByTestId('lang-toggle').click();
  });

  test('a refused command shows the DJI code in words', async ({ page }) => {
    await openPanel(page);
    await page.getByTestId(`dock-${DOCK}`).click();
    // the aircraft is in the dock: return home makes no sense and the dock says so
    await page.getByTestId('cmd-return').click();
    await expect(log(page, 'return_home').getByTestId('command-state')).toHaveText('失败', { timeout: 30_000 });
    await expect(log(page, 'return_home').getByTestId('command-message')).toContainText('316024');
  });

  test('fly to a point: accepted, the aircraft flies, on the panel and on the map; replay; return home', async ({
    page,
    request,
    browser,
  }) => {
    await openPanel(page);
    const dock: Dock = (await (await request.get('/api/drones/docks')).json()).find((d: Dock) => d.sn === DOCK);
    const [lon, lat] = destination(dock.lon, dock.lat, 90, 400);
    await page.getByTestId(`dock-${DOCK}`).click();
    await page.getByTestId('fly-lon').fill(lon.toFixed(6));
    await page.getByTestId('fly-lat').fill(lat.toFixed(6));
    await expect(page.getByTestId('fly-height')).toHaveValue('120');
    await page.getByTestId('fly-send').click();
    await expect(log(page, 'fly_to_point').getByTestId('command-state')).toHaveText('机场已执行', { timeout: 30_000 });
    // airborne: the panel shows the aircraft, the nest cannot launch another
    const card = page.getByTestId(`dock-${DOCK}`);
    await expect(card.getByTestId('aircraft-state')).toBeVisible({ timeout: 30_000 });
    await expect(card.getByTestId('dock-reasons')).toContainText('飞行器不在舱内', { timeout: 30_000 });
    // the map wall draws it with its stalk and trail
    const wall = await browser.newPage();
    await wall.goto('/?diagnostics');
    await wall.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 120_000 });
    await expect
      .poll(
        () =>
          wall.evaluate(
            () =>
              (window.__lianqinMap as unknown as { layers: { drones: { aircraftCount: number } } }).layers.drones
                .aircraftCount,
          ),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await wall.close();
    // a few seconds of flight are stored: replay them
    await page.waitForTimeout(4_000);
    await page.getByTestId('replay-hours').selectOption('1');
    await page.getByTestId('replay-load').click();
    await expect(page.getByTestId('replay-count')).toContainText(/\d+ 个点/);
    await expect(page.getByTestId('replay-marker')).toBeVisible();
    const slider = page.getByTestId('replay-slider');
    await slider.fill((await slider.getAttribute('max')) ?? '0');
    await expect(page.getByTestId('replay-readout')).toContainText('m');
    await page.getByTestId('cmd-return').click();
    await expect(log(page, 'return_home').getByTestId('command-state')).toHaveText('机场已执行', { timeout: 30_000 });
  });

  test('live video from the aircraft plays in the panel', async ({ page }) => {
    await openPanel(page);
    await page.getByTestId('dock-SEED-DOCK-0002').click();
    await page.getByTestId('cmd-live-start').click();
    await expect(log(page, 'live_start_push').getByTestId('command-state')).toHaveText('机场已执行', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('drone-live-screen')).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });
    await page.getByTestId('cmd-live-stop').click();
    await expect(page.getByTestId('cmd-live-start')).toBeVisible({ timeout: 30_000 });
  });
});

test('the board shows the nearest nest beside an incident: distance, ETA, ready or why not', async ({ page }) => {
  await page.goto('/board.html');
  const first = page.locator('[data-testid="incident-list"] li[data-id]').first();
  await first.waitFor({ timeout: 120_000 });
  await first.click();
  const near = page.getByTestId('nearest-dock');
  await expect(near).toBeVisible({ timeout: 30_000 });
  await expect(near).toContainText('最近机巢');
  await expect(near).toContainText(/公里/);
  await expect(near.getByTestId('nearest-ready').or(near.getByText('本区未配置机巢'))).toBeVisible();
});
