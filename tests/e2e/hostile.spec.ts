// Issue #7: hostile feeds stay inert, and every network failure has its own honest message.
import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedOf, member } from './feed';

const hostile = readFileSync(join(__dirname, 'fixtures', 'hostile.json'), 'utf8');

async function serveFeed(page: Page, body: string, extra: Record<string, string> = {}) {
  await page.route('**/members.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body, headers: extra }),
  );
}

async function everyUrlAttribute(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => el.getAttribute(a)).filter((v): v is string => v != null),
    ),
  );
}

test('a hostile feed renders as inert text: no script, no dialog, no navigation, no script URL', async ({ page }) => {
  const dialogs: string[] = [];
  const scriptErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  page.on('pageerror', (e) => scriptErrors.push(e.message));
  await serveFeed(page, hostile);
  await page.goto('./?debug=feed');
  const cards = page.getByTestId('member-card').filter({ visible: true });
  await expect(cards.first()).toBeVisible();
  // Members whose website is javascript: are skipped and listed by path.
  await expect(page.getByTestId('feed-debug')).toContainText('members[0].website: not an http(s) URL');
  // The payloads are shown, as text.
  await expect(page.locator('.card-title').first()).toContainText(/<img|<svg|<script|evil|zero/);
  const start = page.url();

  // Open every member's page as well: the announcement, case studies and partner blocks.
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-member-id')!));
  for (const id of ids) {
    await page.goto(`members/${id}?debug=feed`);
    await expect(page.getByTestId('member-detail')).toBeVisible();
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    for (const url of await everyUrlAttribute(page)) {
      expect(url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
    }
    // Inline scripts: none but the static page's JSON-LD, which is data and parses as such.
    expect(await page.locator('script:not([data-karmada-start]):not([src]):not([type="application/ld+json"])').count()).toBe(0);
    for (const data of await page.locator('script[type="application/ld+json"]').allTextContents()) JSON.parse(data);
    for (const link of await page.locator('a[target="_blank"]').all()) {
      await expect(link).toHaveAttribute('rel', /noopener/);
      await expect(link).toHaveAttribute('rel', /noreferrer/);
    }
  }
  await page.goto(start);
  await expect(cards.first()).toBeVisible();
  for (const url of await everyUrlAttribute(page)) {
    expect(url.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  }
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(scriptErrors).toEqual([]);
  expect(page.url()).toBe(start);
});

test('duplicates, missing kinds, future dates and unknown countries do not break the facets', async ({ page }) => {
  const members = [
    member('dup', { country: 'ZZ', industry: 'interplanetary' }),
    member('dup', { name: { en: 'Second with the same id' } }),
    member('nokinds', { kinds: [] }),
    member('future', { joined: '2999-12-31', country: 'US' }),
  ];
  await serveFeed(page, feedOf(members));
  await page.goto('./?debug=feed');
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(2);
  await expect(page.getByTestId('feed-debug')).toContainText('members[1].id: duplicate id');
  await expect(page.getByTestId('feed-debug')).toContainText('members[2].kinds: no kinds');
  await expect(page.getByTestId('country-filter-ZZ')).toBeVisible();
  await page.getByTestId('country-filter-ZZ').check();
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByTestId('member-card').filter({ visible: true }).first()).toHaveAttribute('data-member-id', 'dup');
});

test('a slow feed says it is still loading, then shows the members', async ({ page }) => {
  await page.route('**/members.json', async (route) => {
    await new Promise((r) => setTimeout(r, 10_000));
    await route.fulfill({ status: 200, contentType: 'application/json', body: feedOf([member('late')]) });
  });
  await page.goto('./');
  // The build's static copy of the first screen stays, with a small note once the wait is
  // long, on screen over it.
  const copy = page.locator('#prerendered [data-prerendered="member-card"]').first();
  await expect(copy).toBeVisible();
  const notice = page.getByTestId('slow-notice');
  await expect(notice).toBeVisible({ timeout: 9_000 });
  await expect(copy).toBeVisible();
  await expect(copy).toBeInViewport();
  await expect(notice).toBeInViewport();
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('#prerendered')).toHaveCount(0);
});

test('a slow feed on a view without a static copy shows the shape of what is coming', async ({ page }) => {
  await page.route('**/members.json', async (route) => {
    await new Promise((r) => setTimeout(r, 6_000));
    await route.fulfill({ status: 200, contentType: 'application/json', body: feedOf([member('late')]) });
  });
  await page.goto('./?kind=adopter');
  await expect(page.locator('.skeleton-card').first()).toBeVisible();
  await expect(page.getByTestId('loading')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('slow-notice')).toBeVisible({ timeout: 9_000 });
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('.skeleton-card')).toHaveCount(0);
});

test('a feed cut off mid-body says so and offers Retry', async ({ page }) => {
  const full = feedOf([member('a'), member('b')]);
  await page.route('**/members.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: full.slice(0, full.length / 2) }),
  );
  await page.goto('./');
  await expect(page.getByTestId('feed-error-message')).toContainText(/cut off|incomplete|not valid JSON/);
  await expect(page.getByTestId('retry')).toBeVisible();
});

test('a wrong Content-Type is named', async ({ page }) => {
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>login page</html>' }));
  await page.goto('./');
  await expect(page.getByTestId('feed-error-message')).toContainText('text/html');
});

test('a redirect to another origin is refused with its own message', async ({ page }) => {
  await page.route('**/members.json', (route) =>
    route.fulfill({ status: 302, headers: { Location: 'https://evil.example/members.json' } }),
  );
  await page.goto('./');
  // The app fetches without following redirects and names them; but under the CSP
  // (connect-src 'self') Chromium may refuse the cross-origin hop itself first, which reaches
  // the app as a network failure. Either way no foreign list is shown.
  await expect(page.getByTestId('feed-error-message')).toContainText(/redirect|could not be reached/i);
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(0);
});

test('a same-origin redirect is named as a redirect', async ({ page }) => {
  await page.route('**/members.json', (route) => route.fulfill({ status: 302, headers: { Location: 'elsewhere.json' } }));
  await page.goto('./');
  await expect(page.getByTestId('feed-error-message')).toContainText(/redirect/i);
});

test('a CORS or network failure is a network message, with Retry', async ({ page }) => {
  await page.route('**/members.json', (route) => route.abort('failed'));
  await page.goto('./');
  await expect(page.getByTestId('feed-error-message')).toContainText(/could not be reached/);
  await expect(page.getByTestId('retry')).toBeVisible();
});

test('after a failure the last good copy is shown, with its date, and says so', async ({ page }) => {
  await serveFeed(page, feedOf([member('cached-one'), member('cached-two')]));
  await page.goto('./');
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(2);
  await page.unroute('**/members.json');
  await page.route('**/members.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.reload();
  await expect(page.getByTestId('feed-error-message')).toContainText('503');
  await expect(page.getByTestId('cached-notice')).toBeVisible();
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(2);
});

test('HTTP 304 revalidation keeps the page working', async ({ page }) => {
  let requests = 0;
  await page.route('**/members.json', async (route) => {
    requests++;
    const response = await route.fetch();
    await route.fulfill({ response });
  });
  await page.goto('./');
  await expect(page.getByTestId('member-card').filter({ visible: true }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('member-card').filter({ visible: true }).first()).toBeVisible();
  expect(requests).toBeGreaterThanOrEqual(1);
});

test('long unbroken values wrap inside the facets and chips instead of spilling over the list', async ({ page }) => {
  const unbroken = 'data:text/html,<script>window.__pwned=6</script>';
  await serveFeed(page, feedOf([member('long', { industry: unbroken, country: 'ZZ' }), member('plain')]));
  await page.goto('./');
  const option = page.getByTestId(`industry-filter-${unbroken}`);
  await option.check();
  await expect(page.getByTestId('filter-chip')).toHaveCount(1);
  // Every facet option and chip ends inside the box that holds it, and the sidebar does not
  // reach into the results.
  const spills = await page.evaluate(() => {
    const inside = (el: Element, box: Element) => el.getBoundingClientRect().right <= box.getBoundingClientRect().right + 0.5;
    const found: string[] = [];
    for (const fieldset of document.querySelectorAll('.filters fieldset')) {
      for (const option of fieldset.querySelectorAll('label, .facet-label, .count')) {
        if (!inside(option, fieldset)) found.push(`option: ${option.textContent}`);
      }
      if (!inside(fieldset, document.querySelector('.filters')!)) found.push(`fieldset: ${fieldset.querySelector('legend')?.textContent}`);
    }
    const results = document.querySelector('.results')!.getBoundingClientRect();
    if (document.querySelector('.filters')!.getBoundingClientRect().right > results.left) found.push('sidebar over results');
    for (const chip of document.querySelectorAll('.chip')) {
      if (!inside(chip, document.querySelector('.results')!)) found.push(`chip: ${chip.textContent}`);
    }
    return found;
  });
  expect(spills).toEqual([]);
});

test('a crafted link with 20,000 unknown filters or a megabyte of query keeps the page working', async ({ page }) => {
  // Too long for a request line, so the app reads it from history, as it would after a
  // same-page link: 11,000 such values used to end in a wasm trap and a blank page.
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const crafted = [
    Array.from({ length: 20_000 }, (_, i) => `industry=x${i}`).join('&'),
    `country=${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}`,
  ];
  for (const query of crafted) {
    await page.evaluate((q) => {
      history.pushState(null, '', `${location.pathname}?${q}&debug=feed`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, query);
    // No member has them: they are dropped (the first 300 read, the rest never), said once in
    // the diagnostics, and the list is the whole list.
    await expect(page.getByTestId('feed-debug-ignored')).toHaveText('Ignored 300 unknown filters in the address.');
    await expect(page.getByTestId('filter-chip')).toHaveCount(0);
    await expect(page.getByTestId('member-card').first()).toBeVisible();
    await expect(page.getByTestId('empty-state')).toBeHidden();
  }
  // A megabyte of query: the search is cut to its first 200 characters and finds nobody; the
  // unknown industry is dropped; clearing is one click.
  await page.evaluate((q) => {
    history.pushState(null, '', `${location.pathname}?${q}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `q=${'a'.repeat(500_000)}&industry=${'b,'.repeat(250_000)}`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('filter-chip')).toHaveCount(1);
  await page.getByTestId('empty-clear').click();
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('look-alike names: invisible and bidi characters are removed, a copy is refused, every card reads differently and search finds the name', async ({ page }) => {
  await serveFeed(
    page,
    feedOf([
      member('bloomberg', { name: { en: 'Bloomberg' } }),
      member('zero-width', { name: { en: 'Bloom\u200bberg' } }),
      member('byte-order-mark', { name: { en: '\ufeffBloomberg' } }),
      member('tag', { name: { en: 'Bloomberg\u{E0041}' } }),
      member('override', { name: { en: '\u202eBloomberg' } }),
      member('other', { name: { en: 'Other\u200b Org' } }),
    ]),
  );
  await page.goto('./?debug=feed');
  // allTextContents does not wait: read the names once the app has drawn this feed's cards.
  await expect(page.locator('[data-member-id="other"]')).toBeVisible();
  const names = await page.locator('[data-testid="member-card"] .card-link').allTextContents();
  expect(names.length).toBeGreaterThan(1);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).not.toMatch(/[\u200b\ufeff\u202a-\u202e\u2066-\u2069]|\u{E0041}/u);
  expect(names).toContain('Other Org');
  await expect(page.getByTestId('feed-debug')).toContainText('the same name as an earlier member');
  await page.getByTestId('search').fill('bloomberg');
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(1);
  // Names are isolated from the text around them, so an override cannot turn a neighbour round.
  expect(await page.locator('[data-testid="member-card"] .card-title').first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
});

test('100,000-character links are refused with a reason: the member whose website it is, the case study whose link it is', async ({ page }) => {
  const long = `https://example.com/${'a'.repeat(100_000)}`;
  const study = { title: { en: 'A talk' }, url: { en: long }, kind: 'video' };
  await serveFeed(page, feedOf([member('long-site', { website: long }), member('long-study', { caseStudies: [study] })]));
  await page.goto('members/long-study?debug=feed');
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'long-study');
  expect((await everyUrlAttribute(page)).some((url) => url.length > 2048)).toBe(false);
  await page.goto('./?debug=feed');
  await expect(page.getByTestId('feed-debug')).toContainText('members[0].website: URL is longer than 2048 bytes');
  await expect(page.getByTestId('feed-debug')).toContainText('.caseStudies[0].url.en: URL is longer than 2048 bytes; case study dropped');
  await expect(page.locator('[data-member-id="long-site"]')).toHaveCount(0);
});

test('a feed with 50,000 industries lists a bounded number of them, counts the rest, and search finds those', async ({ page }) => {
  const members = Array.from({ length: 50_000 }, (_, i) => member(`org-${i}`, { industry: `sector-${i}` }));
  await serveFeed(page, feedOf(members));
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  await page.getByTestId('facet-industry-toggle').click();
  await expect(page.locator('[data-testid^="industry-filter-"]')).toHaveCount(300);
  await expect(page.getByTestId('facet-industry-unlisted')).toHaveText('49700 more not listed: the search finds them.');
  await page.getByTestId('search').fill('sector-49999');
  await expect(page.locator('[data-member-id="org-49999"]').filter({ visible: true })).toHaveCount(1);
});

test('a feed that says it is larger than the reader accepts is refused before its body is read', async ({ page }) => {
  await page.route('**/members.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{}', headers: { 'Content-Length': String(600 * 1024 * 1024) } }),
  );
  await page.goto('./');
  await expect(page.getByTestId('feed-error-message')).toHaveText('The members list is larger than the 16 MB this page accepts.');
});
