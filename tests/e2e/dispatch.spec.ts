// The core story in browser mode: a grid report of a lost child arrives over HTTP while the board and
// the map wall are open → tone, highlight and banner → Space, Enter, Enter dispatches it → the seats of
// the department and the duty officer close the loop → the timeline tells every step and reason. Each
// seat is an officer signed in at the board (the seeded roster, passwords set by the administrator).
import { expect, test, type Page } from '@playwright/test';
import { openMapWall } from './helpers';
import { provisionOfficers, signInAs } from './session';

test.beforeAll(async ({ request }) => {
  await provisionOfficers(request, ['duty-01', 'liaison-police']);
});

const child = (title: string) => ({
  source: 'grid',
  title,
  description: '一名约五岁男孩在磁器口古镇正街与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
  reporter: '网格员张三',
});

async function openBoard(page: Page) {
  await page.goto('/board.html');
  await page.locator('[data-testid="incident-list"] li[data-id]').first().waitFor({ timeout: 60_000 });
}
const SEATS: Record<string, string> = { officer: 'duty-01', 'department:police': 'liaison-police' };
const setSeat = (page: Page, v: string) => signInAs(page, SEATS[v]);

test('arrival → Space, Enter, Enter → dispatched; the loop closes seat by seat with every reason on record', async ({
  page,
  context,
  request,
}) => {
  const map = await context.newPage();
  await openMapWall(map);
  await openBoard(page);
  await setSeat(page, 'officer');
  const title = `磁器口古镇5岁儿童走失 ${Date.now()}`;
  const res = await request.post('/api/incidents', { data: child(title) });
  expect(res.status()).toBe(201);
  const { id } = await res.json();

  // it arrives: on top of the new-report lane as an emergency, highlighted, with its own tone, a banner everywhere
  const row = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
  await expect(row).toHaveAttribute('data-arrival', 'true');
  await expect(row).toHaveAttribute('data-lane', 'new');
  await expect(row).toHaveAttribute('data-urgency', 'emergency');
  const first = page.locator('[data-testid="incident-list"] li[data-id]').first();
  await expect(first).toHaveAttribute('data-urgency', 'emergency');
  await expect(page.getByTestId('board')).not.toHaveAttribute('data-tones-emergency', '0');
  await expect(map.getByTestId('arrival-banner')).toHaveAttribute('data-id', id);
  await expect(map.getByTestId('arrival-banner')).toContainText(title);

  // three keystrokes
  await page.keyboard.press(' ');
  const view = page.getByTestId('incident-view');
  await expect(view).toHaveAttribute('data-id', id);
  await expect(map.getByTestId('map')).toHaveAttribute('data-focused-incident', id);
  await page.keyboard.press('Enter');
  const decide = page.getByTestId('decide');
  await expect(decide).toContainText('研判并派发');
  await expect(page.getByTestId('decide-urgency')).toHaveValue('emergency');
  await expect(page.getByTestId('decide-lead')).toHaveValue('police');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'dispatched');
  await expect(decide).toHaveCount(0);
  await expect(map.getByTestId('arrival-banner')).toHaveCount(0); // taken

  // the department's liaison seat: accept, return with a reason
  await setSeat(page, 'department:police');
  await page.keyboard.press('a');
  await expect(view).toHaveAttribute('data-status', 'accepted');
  await page.keyboard.press('r');
  await page.getByTestId('ask-input').fill('需要属地街道配合，先退回重新派发');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'returned');
  await expect(page.getByTestId('ask')).toHaveCount(0);

  // the duty seat re-dispatches (a confirmation), the liaison accepts, arrives, resolves with a written note
  await setSeat(page, 'officer');
  await page.keyboard.press('d');
  await expect(page.getByTestId('decide')).toContainText('派发');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'dispatched');
  await expect(page.getByTestId('decide')).toHaveCount(0);
  await setSeat(page, 'department:police');
  await page.keyboard.press('a');
  await expect(view).toHaveAttribute('data-status', 'accepted');
  await page.keyboard.press('s');
  await expect(view).toHaveAttribute('data-status', 'on-scene');
  await page.keyboard.press('f');
  await page.getByTestId('resolve-summary').fill('民警在古镇入口找到男孩，已交还家属并回访');
  await page.getByTestId('resolve-note').fill('男孩于入口牌坊处找到，家属签字确认');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'resolved');
  await expect(page.getByTestId('evidence')).toContainText('男孩于入口牌坊处找到');
  await expect(page.getByTestId('resolve')).toHaveCount(0);

  // the duty seat verifies and evaluates, each confirmed
  await setSeat(page, 'officer');
  await page.keyboard.press('v');
  await expect(page.getByTestId('ask')).toContainText('核验通过');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('ask')).toHaveCount(0); // the dialog closes when the command is answered
  await page.keyboard.press('p');
  await page.getByTestId('ask-satisfaction').fill('98');
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0); // closed: off the open board

  const back = await (await request.get(`/api/incidents/${id}`)).json();
  expect(back).toMatchObject({ status: 'closed', urgency: 'emergency', satisfaction: 98 });
  expect(back.colour).toMatch(/green|blue|yellow|orange|red/);
  expect(back.timeline.map((e: { event: { type: string } }) => e.event.type)).toEqual([
    'reported',
    'acknowledge',
    'triage',
    'dispatch',
    'accept',
    'return',
    'dispatch',
    'accept',
    'arrive',
    'attach',
    'resolve',
    'verify',
    'evaluate',
  ]);
  expect(back.timeline[0].actor.name).toBe('141基层智治平台（网格员张三）');
  expect(back.timeline[5].actor).toMatchObject({ id: 'liaison-police', role: 'department', departmentId: 'police' });
  expect(back.timeline[3].actor).toMatchObject({ id: 'duty-01', role: 'officer' });
  expect(back.timeline.every((e: { consoleId: string }) => e.consoleId === back.timeline[0].consoleId)).toBe(true);

  // the closed queue shows its five-colour result and the reasons in the timeline
  await page.getByTestId('view').selectOption('closed');
  const closed = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
  await closed.click();
  await expect(view).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('colour')).toHaveAttribute('data-colour', back.colour);
  await expect(page.getByTestId('colour')).toContainText('满意度 98');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('原因：需要属地街道配合，先退回重新派发');
  await expect(timeline).toContainText('办结说明：民警在古镇入口找到男孩，已交还家属并回访');
  await expect(timeline).toContainText('紧急程度：紧急');
});

test('each seat issues only its own commands; Escape leaves a dialog without a change; reasons reach the timeline', async ({
  page,
  request,
}) => {
  await openBoard(page);
  await setSeat(page, 'officer');
  const { id } = await (await request.post('/api/incidents', { data: child(`儿童走失 ${Date.now()}`) })).json();
  const row = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
  await row.click();
  const view = page.getByTestId('incident-view');
  await expect(view).toHaveAttribute('data-id', id);
  // the duty seat cannot accept for a department: refused, saying why
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await expect(view).toHaveAttribute('data-status', 'dispatched');
  await expect(page.getByTestId('decide')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByTestId('outcome')).toContainText('当前席位不能执行该操作');
  await expect(view).toHaveAttribute('data-status', 'dispatched');
  // Escape closes a dialog and changes nothing
  await setSeat(page, 'department:police');
  await page.keyboard.press('r');
  await expect(page.getByTestId('ask')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ask')).toHaveCount(0);
  await expect(view).toHaveAttribute('data-status', 'dispatched');
  await page.keyboard.press('r');
  await page.getByTestId('ask-input').fill('非本部门职责，建议由民政牵头');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).toContainText('原因：非本部门职责，建议由民政牵头');
  // the pushed event can reach the timeline before the command's answer closes the dialog
  await expect(page.getByTestId('ask')).toHaveCount(0);
  // a report is corrected by a versioned command; the timeline says what changed
  await page.keyboard.press('u');
  await page.getByTestId('amend-description').fill('一名约五岁男孩在磁器口古镇正街与家人走散，穿红色上衣、蓝色短裤');
  await page.getByTestId('amend-confirm').click();
  await expect(page.getByTestId('timeline')).toContainText('更正：description');
  await expect(view).toContainText('蓝色短裤');
  await expect(page.getByTestId('checklist').locator('[data-rule="reporter"]')).toHaveAttribute('data-ok', 'true');
});

test('a new report in one short form: place by Chinese search, field messages in Chinese', async ({ page }) => {
  await openBoard(page);
  await page.keyboard.press('n');
  await page.getByTestId('form-submit').click();
  await expect(page.locator('[data-field="title"]')).toContainText('请填写标题');
  await expect(page.locator('[data-field="description"]')).toContainText('请描述');
  await expect(page.locator('[data-field="place"]')).toContainText('请选择地点');
  await page.getByTestId('form-title').fill('沙坪坝站广场人流拥挤');
  await page.getByTestId('form-description').fill('节日客流大，出站口拥挤，请求限流疏导');
  await page.getByTestId('form-place').fill('沙坪坝');
  await page.getByTestId('form-hits').locator('button').first().click();
  await expect(page.getByTestId('form-place-chosen')).toContainText('沙坪坝');
  await page.getByTestId('form-submit').click();
  const view = page.getByTestId('incident-view');
  await expect(view).toContainText('沙坪坝站广场人流拥挤');
  await expect(view).toHaveAttribute('data-status', 'reported');
});

test('board filters narrow the list; the detail follows them; each queue says when it is empty', async ({
  page,
  request,
}) => {
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
  await openBoard(page);
  const rows = page.locator('[data-testid="incident-list"] li[data-id]');
  const all = await rows.count();
  await page.getByTestId('filter-source').selectOption('citizen');
  await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('民呼我为'))).toBe(true);
  expect(await rows.count()).toBeLessThan(all);
  // the detail shows an incident the list shows
  await expect
    .poll(async () => {
      const shown = await page.getByTestId('incident-view').getAttribute('data-id');
      return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).includes(shown);
    })
    .toBe(true);
  await page.getByTestId('filter-source').selectOption('');
  await page.getByTestId('filter-unmatched').check();
  await expect(rows.filter({ has: page.locator(`xpath=self::*[@data-id="${id}"]`) })).toHaveCount(1);
  await page.getByTestId('filter-grade').selectOption('thorny');
  await expect(page.getByTestId('empty')).toContainText(/人工研判队列为空|没有符合筛选条件/);
});
