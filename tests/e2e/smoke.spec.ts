// Smoke: the release build starts in Chromium, loads the bundled feed and renders member cards,
// without uncaught errors, console errors or failed requests to our own origin. (Logos load from
// karmada.io, which a closed test network cannot reach: failed loads elsewhere are not errors.)
import { test, expect } from '@playwright/test';

test('the app starts and renders member cards from the bundled feed', async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.url().startsWith(baseURL!) && res.status() >= 400 && !res.url().endsWith('/favicon.ico')) {
      problems.push(`${res.status()} ${res.url()}`);
    }
  });

  await page.goto('./');
  await expect(page.locator('[data-testid="member-card"]').filter({ visible: true }).first()).toBeVisible();
  expect(await page.locator('[data-testid="member-card"]').filter({ visible: true }).count()).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('a deep link is served the app (SPA fallback) and does not 404', async ({ page }) => {
  const res = await page.goto('./members/does-not-exist-smoke');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-type']).toContain('text/html');
  await expect(page.locator('body')).not.toBeEmpty();
});
