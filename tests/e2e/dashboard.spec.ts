// The night watch in Chromium (browser mode, real time, the sensor simulator running): a gas leak posted
// over HTTP alarms on its desk, is acknowledged with A and made an incident with I on the dashboard,
// and shows on the map wall; the flood screen, vital signs, handover and layout tabs; ?window=<role>.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openMapWall } from './helpers';

const MIN = 60_000;

/** a gas detector on a gas-family point, driven to 55 %LEL (critical) from 2 minutes ago to 4 minutes ahead */
async function leak(request: APIRequestContext): Promise<{ sensorId: string; pointId: number }> {
  // the sensors are there once the first-start seed is done (the host answers before that)
  let page: { items: unknown[] } = { items: [] };
  const sensors = async () => {
    try {
      page = await (await request.get('/api/sensors?kind=gas&limit=200')).json();
      return page.items.length;
    } catch {
      return 0; // the host is busy seeding
    }
  };
  await expect.poll(sensors, { timeout: 150_000 }).toBeGreaterThan(0);
  const s = (page.items as { id: string; riskPointId: number | null; state: string }[]).find(
    (x) => x.riskPointId !== null && x.state !== 'alerting',
  )!;
  const now = Date.now();
  // stamped a little ahead (within the 5-minute tolerance) so the simulator's calm readings arrive late
  const readings = Array.from({ length: 7 }, (_, k) => ({ sensorId: s.id, ts: now - 2 * MIN + k * MIN, value: 55 }));
  const r = await (await request.post('/api/sensor-readings', { data: readings })).json();
  expect(r.accepted).toBe(7);
  return { sensorId: s.id, pointId: s.riskPointId! };
}

test.describe('night watch dashboard (browser mode)', () => {
  test('a gas leak alarms on its desk; A acknowledges, I makes the incident; the map shows it', async ({
    page,
    request,
  }) => {
    const { sensorId } = await leak(request);
    await page.goto('/dashboard.html?tab=alarms');
    const panel = page.getByTestId('alarm-panel');
    await expect(panel).toBeVisible({ timeout: 120_000 });
    const alarms = await (await request.get('/api/alarms?state=active')).json();
    const mine = (alarms as { id: string; sourceId: string; seat: string }[]).find((a) => a.sourceId === sensorId)!;
    await page.getByTestId('alarm-desk').selectOption(mine.seat);
    const row = page.locator(`[data-testid="alarm-row"][data-id="${mine.id}"]`);
    await expect(row).toHaveAttribute('data-state', 'active');
    await row.click();
    await expect(page.getByTestId('alarm-detail')).toHaveAttribute('data-alarm', mine.id);
    await expect(page.getByTestId('alarm-detail')).toContainText('可燃气体浓度');
    // its tone was asked for (browsers play it once the officer has touched the page)
    await expect.poll(async () => Number(await panel.getAttribute('data-tones'))).toBeGreaterThan(0);
    await page.keyboard.press('a');
    await expect(row).toHaveAttribute('data-state', 'acknowledged');
    await page.keyboard.press('i');
    await expect(page.getByTestId('alarm-incident')).toContainText('已转为事件');
    const after = await (await request.get(`/api/alarms/${mine.id}`)).json();
    expect(after.alarm.incidentId).toMatch(/^[0-9A-Z]{26}$/);
    const incident = await (await request.get(`/api/incidents/${after.alarm.incidentId}`)).json();
    expect(incident.report).toMatchObject({ source: 'alert', categoryId: expect.any(Number) });

    await openMapWall(page);
    await expect
      .poll(() =>
        page.evaluate(() => (window.__lianqinMap as unknown as { watchDrawn: { alarms: number } }).watchDrawn.alarms),
      )
      .toBeGreaterThan(0);
  });

  test('flood, vital signs, handover and layout tabs; ?window= opens a role', async ({ page }) => {
    await page.goto('/?window=dashboard&tab=flood');
    await expect(page).toHaveURL(/\/dashboard\.html\?tab=flood/);
    const stations = page.locator('[data-station]');
    await expect(stations.first()).toHaveAttribute('data-station', 'cqk', { timeout: 120_000 });
    await expect(stations.first()).toContainText('磁器口');
    await expect(page.getByTestId('video-link')).toHaveCount(26);

    await page.getByTestId('tab-vitals').click();
    await expect(page.getByTestId('kpi-tile').first()).toBeVisible();
    expect(await page.getByTestId('kpi-tile').count()).toBeGreaterThan(50);
    await page.getByTestId('kpi-tile').first().click();
    await expect(page.getByTestId('kpi-drill')).toBeVisible();
    await expect(page.getByTestId('drill-sensor').first()).toBeVisible();

    await page.getByTestId('tab-handover').click();
    await expect(page.getByTestId('handover-page')).toBeVisible();
    await expect(page.getByTestId('handover-pdf')).toHaveAttribute('href', /format=pdf/);

    await page.getByTestId('tab-layout').click();
    await expect(page.getByTestId('layout-browser')).toContainText('浏览器模式');

    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('tab-flood')).toHaveText('Flood watch');
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'night');
  });
});
