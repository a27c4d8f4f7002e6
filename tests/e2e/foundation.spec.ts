// Issue #2: cards from the bundled feed, search and kind toggles, and every broken-feed state.
import { test, expect, Page } from '@playwright/test';
import { bundledFeed, feedOf, member } from './feed';

const feed = bundledFeed();
const cards = (page: Page) => page.getByTestId('member-card').filter({ visible: true });

test('renders a card for every member of the bundled feed', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page)).toHaveCount(Math.min(feed.members.length, 48));
  await expect(page.getByTestId('result-count')).toContainText(String(feed.members.length));
  const first = feed.members.slice().sort((a, b) => a.name.en.localeCompare(b.name.en, 'en', { sensitivity: 'base' }))[0];
  await expect(cards(page).first()).toHaveAttribute('data-member-id', first.id);
});

test('search narrows the cards', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  const target = feed.members.find((m) => m.id === 'bloomberg') ?? feed.members[0];
  await page.getByTestId('search').fill(target.name.en);
  const expected = feed.members.filter((m) =>
    [m.name.en, m.name.zh ?? '', ...(m.aliases ?? []), m.usage.en, m.usage.zh ?? '', m.industry ?? '']
      .join(' ')
      .toLowerCase()
      .includes(target.name.en.toLowerCase()),
  );
  await expect(cards(page)).toHaveCount(expected.length);
  await expect(page.locator(`[data-member-id="${target.id}"]`).filter({ visible: true })).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(target.name.en).replace(/%20/g, '(%20|\\+)')}`));
});

test('a kind toggle narrows the cards to members of that kind', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  const partners = feed.members.filter((m) => m.kinds.includes('partner'));
  expect(partners.length).toBeGreaterThan(0);
  await page.getByTestId('kind-filter-partner').check();
  await expect(cards(page)).toHaveCount(partners.length);
  for (const id of await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-member-id')))) {
    expect(partners.map((p) => p.id)).toContain(id);
  }
  // Two kinds: members of either.
  await page.getByTestId('kind-filter-vendor').check();
  const either = feed.members.filter((m) => m.kinds.includes('partner') || m.kinds.includes('vendor'));
  await expect(cards(page)).toHaveCount(Math.min(either.length, 48));
});

for (const [name, fulfil, message] of [
  ['a 404', { status: 404, body: 'not found' }, /404/],
  ['a 500', { status: 500, body: 'boom' }, /500/],
  ['an HTML page instead of the feed', { status: 200, contentType: 'text/html', body: '<!doctype html><p>oops' }, /text\/html/],
  ['a JSON-typed body that is not JSON', { status: 200, contentType: 'application/json', body: '<!doctype html><p>oops' }, /not valid JSON/],
  ['an unknown schema version', { status: 200, contentType: 'application/json', body: JSON.stringify({ schemaVersion: 99, members: [] }) }, /version 99/],
] as const) {
  test(`${name} shows the error state, and Retry recovers once the feed is served`, async ({ page }) => {
    let broken = true;
    await page.route('**/members.json', async (route) => {
      if (broken) await route.fulfill(fulfil);
      else await route.continue();
    });
    await page.goto('./');
    await expect(page.getByTestId('feed-error')).toBeVisible();
    await expect(page.getByTestId('feed-error-message')).toContainText(message);
    await expect(cards(page)).toHaveCount(0);
    broken = false;
    await page.getByTestId('retry').click();
    await expect(page.getByTestId('feed-error')).toHaveCount(0);
    await expect(cards(page).first()).toBeVisible();
  });
}

test('a feed with one broken member shows the others and says one was skipped', async ({ page }) => {
  const members = [member('alpha'), member('broken', { website: 'javascript:alert(1)' }), member('gamma')];
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedOf(members) }));
  await page.goto('./?debug=feed');
  await expect(cards(page)).toHaveCount(2);
  await expect(page.locator('[data-member-id="broken"]')).toHaveCount(0);
  await expect(page.getByTestId('skipped-notice')).toContainText('1');
  await expect(page.getByTestId('feed-debug')).toContainText('members[1].website: not an http(s) URL');
});

test('a trap in the wasm says the page stopped and offers a reload, instead of a dead page', async ({ page }) => {
  // A real trap of the release build: its allocator asked for 4 GB, which `panic =
  // immediate-abort` turns into `unreachable`, thrown from a task as any panic would be.
  await page.addInitScript(() => {
    const keep = (result: any) => ((window as any).__wasmExports = (result.instance ?? result).exports, result);
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = ((...args: any[]) => (instantiate as any)(...args).then(keep)) as any;
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = ((...args: any[]) => (streaming as any)(...args).then(keep)) as any;
  });
  await page.goto('./?lang=zh');
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(() => setTimeout(() => (window as any).__wasmExports.__wbindgen_malloc(0xfffffff0, 8)));
  const notice = page.getByTestId('app-stopped');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('此页面已停止响应。');
  // The dead app cannot be used; the reload can, and brings it back.
  expect(await page.locator('.showcase').evaluate((element) => element.closest('[inert]') !== null)).toBe(true);
  await notice.getByRole('button').click();
  await expect(cards(page).first()).toBeVisible();
  await expect(page.getByTestId('app-stopped')).toHaveCount(0);
});
