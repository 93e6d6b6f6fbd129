// Officers for the e2e console: the one-time administrator credential (written by the console under test
// into LIANQIN_E2E_DATA) sets a known password for the seeded officers the specs sign in as.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const E2E_PASSWORD = 'e2e duty password';

interface Entry {
  id: string;
  name: string;
  role: string;
  departmentId?: string;
  hasPassword: boolean;
}

export async function adminToken(request: APIRequestContext): Promise<string> {
  const file = path.join(process.env.LIANQIN_E2E_DATA ?? '', 'initial-admin.json');
  await expect.poll(() => fs.existsSync(file), { timeout: 60_000 }).toBe(true);
  const cred = JSON.parse(fs.readFileSync(file, 'utf8'));
  const r = await request.post('/api/session', { data: cred });
  expect(r.status()).toBe(200);
  return (await r.json()).token;
}

/** Gives the seeded officers `ids` the e2e password (once: a new password would end their sessions). */
export async function provisionOfficers(request: APIRequestContext, ids: string[]): Promise<void> {
  const headers = { authorization: `Bearer ${await adminToken(request)}` };
  const roster = (await (await request.get('/api/officers', { headers })).json()) as Entry[];
  for (const id of ids) {
    const o = roster.find((x) => x.id === id);
    if (!o) throw new Error(`no seeded officer ${id}`);
    if (o.hasPassword) continue;
    const { hasPassword: _h, ...officer } = o;
    const r = await request.post('/api/officers', { headers, data: { ...officer, password: E2E_PASSWORD } });
    expect(r.status()).toBe(200);
  }
}

/** Signs this window in as `id` (signing out whoever sits there first). */
export async function signInAs(page: Page, id: string, password = E2E_PASSWORD): Promise<void> {
  const badge = page.getByTestId('officer');
  if ((await badge.getAttribute('data-officer')) === id) return;
  if (await page.getByTestId('sign-out').isVisible()) await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-open').click();
  await page.getByTestId('sign-in-id').fill(id);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(badge).toHaveAttribute('data-officer', id);
}
