// The core loop in browser mode: a grid report arrives over HTTP → it is on the board → the officer
// works it by keyboard → the timeline shows every step → the map wall flies to it.
import { expect, test } from '@playwright/test';
import { openMapWall } from './helpers';

test('report over HTTP → board → keyboard dispatch → full timeline → map follows', async ({
  page,
  context,
  request,
}) => {
  const title = `磁器口古镇儿童走失 ${Date.now()}`;
  const res = await request.post('/api/incidents', {
    data: {
      source: 'grid',
      title,
      description: '一名约六岁男孩在磁器口古镇正街与家人走散，穿红色上衣',
      lon: 106.4505,
      lat: 29.583,
      reporter: '网格员张三',
    },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();

  await page.goto('/board.html');
  const row = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(title);
  await expect(row.getByTestId('countdown')).toContainText(/剩余|已超时/);
  await row.click();
  const view = page.getByTestId('incident-view');
  await expect(view).toHaveAttribute('data-id', id);
  await expect(view).toContainText('区公安分局'); // matched lead
  await expect(page.getByTestId('nearby-cameras')).toContainText(/周边 500 米摄像头 [1-9]\d* 路/); // Ciqikou has cameras

  const expectStatus = (s: string) => expect(view).toHaveAttribute('data-status', s);
  await page.keyboard.press('t');
  await expectStatus('triaged');
  await page.keyboard.press('d');
  await expectStatus('dispatched');
  await page.keyboard.press('a');
  await expectStatus('accepted');
  await page.keyboard.press('r');
  await page.getByTestId('ask-input').fill('需要属地街道配合，先退回重新派发');
  await page.keyboard.press('Enter');
  await expectStatus('returned');
  await page.keyboard.press('d');
  await expectStatus('dispatched');
  await page.keyboard.press('a');
  await expectStatus('accepted');
  await page.keyboard.press('s');
  await expectStatus('on-scene');
  await page.keyboard.press('f');
  await page.getByTestId('ask-input').fill('民警在古镇入口找到男孩，已交还家属并回访');
  await page.keyboard.press('Enter');
  await expectStatus('resolved');
  await page.keyboard.press('v');
  await expectStatus('verified');
  await page.keyboard.press('p');
  await expectStatus('closed');

  const steps = await page
    .getByTestId('timeline')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(steps).toEqual([
    'reported',
    'triage',
    'dispatch',
    'accept',
    'return',
    'dispatch',
    'accept',
    'arrive',
    'resolve',
    'verify',
    'evaluate',
  ]);
  await expect(row).toHaveCount(0); // closed: off the open board

  // the same incident over the API: closed, evaluated, every step on record
  const back = await (await request.get(`/api/incidents/${id}`)).json();
  expect(back).toMatchObject({ status: 'closed', colour: expect.stringMatching(/green|blue|yellow|orange|red/) });
  expect(back.timeline).toHaveLength(11);
  expect(back.timeline[0].actor.name).toBe('141基层智治平台（网格员张三）'); // who handed it over

  // an invalid command is refused with its reason and changes nothing
  await page.keyboard.press('d');
  await expect(page.getByTestId('outcome')).toContainText('操作被拒绝：事件当前为「已评价」');
  await expectStatus('closed');

  // choosing an incident on the board flies the map wall to it
  const map = await context.newPage();
  await openMapWall(map);
  const open = page.locator('[data-testid="incident-list"] li[data-id]').first();
  const openId = await open.getAttribute('data-id');
  await open.click();
  await page.keyboard.press('Enter');
  await expect(map.getByTestId('map')).toHaveAttribute('data-focused-incident', openId!);
  await expect
    .poll(() => map.evaluate(() => window.__lianqinMap!.viewer.camera.positionCartographic.height), { timeout: 20_000 })
    .toBeLessThan(10_000);
});

test('a new incident takes one short form', async ({ page }) => {
  await page.goto('/board.html');
  await expect(page.getByTestId('incident-list')).toBeVisible();
  await page.locator('[data-testid="incident-list"] li[data-id]').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('n');
  await page.getByTestId('form-title').fill('沙坪坝站广场人流拥挤');
  await page.getByTestId('form-description').fill('节日客流大，出站口拥挤，请求限流疏导');
  await page.getByTestId('form-town').selectOption('500106002');
  await page.getByTestId('form-submit').click();
  const view = page.getByTestId('incident-view');
  await expect(view).toContainText('沙坪坝站广场人流拥挤');
  await expect(view).toHaveAttribute('data-status', 'reported');
});

test('board filters narrow the list: grade, source and the manual triage queue', async ({ page, request }) => {
  const vague = await request.post('/api/incidents', {
    data: {
      source: 'citizen',
      title: '反映小区相关情况',
      description: '具体情况需要进一步了解后再说明',
      lon: 106.46,
      lat: 29.56,
      reporter: '市民',
    },
  });
  const { id } = await vague.json();
  await page.goto('/board.html');
  const rows = page.locator('[data-testid="incident-list"] li[data-id]');
  await rows.first().waitFor({ timeout: 60_000 });
  const all = await rows.count();

  await page.getByTestId('filter-source').selectOption('citizen');
  await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('民呼我为'))).toBe(true);
  expect(await rows.count()).toBeLessThan(all);
  await page.getByTestId('filter-source').selectOption('');

  await page.getByTestId('filter-grade').selectOption('major');
  await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('大事'))).toBe(true);
  await page.getByTestId('filter-grade').selectOption('');

  await page.getByTestId('filter-unmatched').check();
  await expect(page.locator(`[data-testid="incident-list"] [data-id="${id}"]`)).toBeVisible();
  await expect.poll(() => rows.count()).toBeLessThan(all);
  await page.locator(`[data-testid="incident-list"] [data-id="${id}"]`).click();
  await expect(page.getByTestId('incident-view')).toContainText('未匹配权责清单，需人工研判');
});
