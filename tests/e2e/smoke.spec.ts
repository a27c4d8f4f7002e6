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
    // trunk's hash on the wasm's preload, which Chromium ignores and says so (dist drops it).
    if (msg.text().includes('integrity')) problems.push(`console ${msg.type()}: ${msg.text()}`);
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

test('an address with no page is a 404 for crawlers, and the app on it says what is missing', async ({ page }) => {
  // As the bundle's _redirects tells Netlify: the tree's not-found page, status 404.
  const res = await page.goto('./members/does-not-exist-smoke');
  expect(res?.status()).toBe(404);
  expect(res?.headers()['content-type']).toContain('text/html');
  await expect(page.locator('h1')).toHaveText(['Member not found']);
  const zh = await page.goto('./zh/no/such/page');
  expect(zh?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(['页面不存在']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the bundle is served Brotli- or gzip-compressed as the browser accepts, and the app runs on it', async ({ page, request }) => {
  const { readFileSync } = await import('node:fs');
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  for (const file of ['karmada-showcase_bg.wasm', 'karmada-showcase.js', 'main.css', 'index.html', 'members.json']) {
    const raw = readFileSync(`dist/${file}`);
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await request.fetch(file, { headers: { 'Accept-Encoding': accept } });
      expect(response.headers()['content-encoding'], `${file} ${accept}`).toBe(encoding);
      expect(response.headers()['vary']).toBe('Accept-Encoding');
      // The client may have decoded it already: either way the bytes are the file's.
      const body = await response.body();
      expect(Buffer.compare(body.equals(raw) ? body : decode(body), raw), `${file} ${accept}`).toBe(0);
    }
    const plain = await request.fetch(file, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding'], file).toBeUndefined();
  }
  // The browser itself asks for Brotli, and the app starts on what it gets.
  const encodings: string[] = [];
  page.on('response', (response) => response.url().endsWith('.wasm') && encodings.push(response.headers()['content-encoding']));
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  expect(encodings).toEqual(['br']);
});
