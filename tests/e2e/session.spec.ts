// Signing in at a console in browser mode: Chinese first, a wrong password refused without saying which
// part was wrong, the officer in every window's top bar, kept across a reload, signed out everywhere;
// the idle lock covers the board, swallows its keys and opens only with the officer's password.
import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, provisionOfficers, signInAs } from './session';

test.beforeAll(async ({ request }) => {
  await provisionOfficers(request, ['duty-02', 'shift-01']);
});

test('sign in, shown in every window, kept across a reload, signed out everywhere', async ({ page, context }) => {
  await page.goto('/board.html');
  const badge = page.getByTestId('officer');
  await expect(badge).toContainText('未登录');
  await page.getByTestId('sign-in-open').click();
  await page.getByTestId('sign-in-id').fill('duty-02');
  await page.getByTestId('sign-in-password').fill('not the password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('人员编号或密码错误');
  await page.getByTestId('sign-in-password').fill(E2E_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(badge).toHaveAttribute('data-officer', 'duty-02');
  await expect(page.getByTestId('officer-name')).toHaveText('联勤值班员 02');
  await expect(badge).toContainText('联勤值班员');
  await expect(page.getByTestId('seat')).toHaveAttribute('data-actor', 'duty-02');

  const other = await context.newPage();
  await other.goto('/board.html');
  await expect(other.getByTestId('officer')).toHaveAttribute('data-officer', 'duty-02');
  await page.reload();
  await expect(page.getByTestId('officer')).toHaveAttribute('data-officer', 'duty-02');

  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  await page.getByTestId('lang-toggle').click();

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('officer')).toHaveAttribute('data-officer', '');
  await expect(other.getByTestId('officer')).toHaveAttribute('data-officer', '');
  await expect(other.getByTestId('seat')).toHaveAttribute('data-actor', 'console-officer');
});

test('the idle lock covers the board, keeps its keys, and opens with the password only', async ({ page }) => {
  await page.goto('/board.html?idleLockS=2');
  await page.locator('[data-testid="incident-list"] li[data-id]').first().waitFor({ timeout: 60_000 });
  await signInAs(page, 'shift-01');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 10_000 });
  await expect(lock).toContainText('值班长 01');
  await page.getByTestId('lock-screen').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n'); // the board's "new report" must not open under the lock
  await expect(page.getByTestId('form-submit')).toHaveCount(0);
  await page.getByTestId('unlock-password').fill('wrong password');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-error')).toHaveText('人员编号或密码错误');
  await expect(lock).toBeVisible();
  await page.getByTestId('unlock-password').fill(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('officer')).toHaveAttribute('data-officer', 'shift-01');
  // input keeps it open; idleness locks it again
  await expect(lock).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('lock-sign-out').click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('officer')).toHaveAttribute('data-officer', '');
});
