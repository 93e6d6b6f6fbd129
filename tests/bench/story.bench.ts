// story.missingChild: the article's case on a real board in Chromium. A grid report of a lost child
// arrives over HTTP; the officer presses Space (take it), Enter (decide), Enter (confirm). Value: the
// machine time from the POST to "dispatched" on screen, keys pressed as soon as the screen allows.
// Baseline: the same POST → triage and dispatch through the API alone (HTTP + the WebSocket contract).
import { startBenchHost } from './benchHost';
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { createServiceClient } from '../../electron/common/rpc/client';
import { createWsTransport, type WebSocketLike } from '../../electron/common/rpc/wsTransport';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import { line, median } from './stats';

const report = (k: number) => ({
  source: 'grid',
  title: `磁器口古镇5岁儿童走失（第${k}次）`,
  description: '网格员报告：一名约五岁男孩在磁器口古镇正街与家人走散，穿红色上衣',
  lon: 106.4505,
  lat: 29.583,
  reporter: '网格员张三',
});

export async function benchStory(runs = 5) {
  const { c, host } = await startBenchHost({ seed: { historyCount: 2_000 } });
  const post = async (k: number) => {
    const r = await fetch(`${host.url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report(k)),
    });
    return (await r.json()) as { id: string; suggestedGrade: 'major'; tier: 'district'; leadDepartmentId: string };
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const screen: number[] = [];
  let actions = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${host.url}/board.html`);
    await page.locator('[data-testid="incident-list"] li[data-id]').first().waitFor({ timeout: 120_000 });
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const { id } = await post(k);
      let keys = 0;
      await page.locator(`[data-id="${id}"][data-arrival="true"]`).waitFor();
      await page.keyboard.press(' ');
      keys++;
      await page.locator(`[data-testid="incident-view"][data-id="${id}"]`).waitFor();
      await page.keyboard.press('Enter');
      keys++;
      await page.getByTestId('decide-confirm').waitFor();
      await page.keyboard.press('Enter');
      keys++;
      await page.locator(`[data-testid="incident-view"][data-id="${id}"][data-status="dispatched"]`).waitFor();
      screen.push(performance.now() - t0);
      actions = Math.max(actions, keys);
    }
  } finally {
    await browser.close();
  }
  // the same through the API alone
  const t = createWsTransport(
    host.url.replace('http', 'ws') + '/ws',
    (u) => new WebSocket(u) as unknown as WebSocketLike,
  );
  const api = createServiceClient(t).get('dispatch');
  const direct: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const i = await post(100 + k);
    await api.act(i.id, 1, [
      { type: 'triage', grade: i.suggestedGrade, tier: i.tier },
      { type: 'dispatch', leadDepartmentId: i.leadDepartmentId, assistDepartmentIds: [] },
    ]);
    direct.push(performance.now() - t0);
  }
  t.close();
  await host.close();
  await c.close();
  return line('story.missingChild', median(screen), median(direct), 'ms', {
    target: 'actions <= 3, value <= 5000 ms',
    actions,
    note:
      `median of ${runs} runs: grid report POSTed → Space, Enter, Enter on the board → "dispatched" on screen ` +
      `(Chromium + SwiftShader); baseline = POST + triage-and-dispatch over the WebSocket API`,
  });
}
