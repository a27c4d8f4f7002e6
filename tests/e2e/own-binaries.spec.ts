// Issues #26 and #27: the join page and the statistics are documents with their own wasm
// binaries, so the list's first download leaves them out. Their flows must not notice: deep
// links, the list's links to them, back and forward, both languages, the join draft kept.
import { test, expect, Page } from '@playwright/test';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const JOIN_CODE = /karmada-showcase-join(_bg\.wasm|\.js)$/;
const STATS_CODE = /karmada-showcase-stats(_bg\.wasm|\.js)$/;
const LOGOS_CODE = /karmada-showcase-logos(_bg\.wasm|\.js)$/;
const LIST_CODE = /karmada-showcase(_bg\.wasm|\.js)$/;

/// Every URL the page requests from now on, in order.
function requests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(new URL(request.url()).pathname));
  return seen;
}

const appStopped = (page: Page) => expect(page.locator('#app-stopped')).toHaveCount(0);

test("the list and a member's page download no other page's code", async ({ page }) => {
  const seen = requests(page);
  await page.goto('./');
  await page.getByTestId('search').fill(feed.members[0].name.en);
  await page.getByTestId('member-card').first().getByRole('link').first().click();
  await expect(page.getByTestId('member-detail')).toBeVisible();
  await appStopped(page);
  expect(seen.filter((path) => LIST_CODE.test(path)).length).toBe(2);
  expect(seen.filter((path) => JOIN_CODE.test(path) || STATS_CODE.test(path) || LOGOS_CODE.test(path))).toEqual([]);
});

test("the statistics load their own code from the list's link, and a row opens the list's document", async ({ page }) => {
  await page.goto('./?lang=zh');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  const seen = requests(page);
  await page.getByTestId('stats-link').click();
  await expect(page).toHaveURL(/\/adopters\/stats\?lang=zh$/);
  await expect(page.getByTestId('stats')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  expect(seen.filter((path) => STATS_CODE.test(path)).length).toBe(2);
  expect(seen.filter((path) => LIST_CODE.test(path) || JOIN_CODE.test(path))).toEqual([]);
  await page.goBack();
  await expect(page.getByTestId('stats-link')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('stats')).toBeVisible();
  await page.getByTestId('stats').locator('tbody a').first().click();
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  await appStopped(page);
});

test("the join page loads its own code, not the list's, and not the feed", async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  const seen = requests(page);
  await page.getByTestId('join-cta').click();
  await expect(page).toHaveURL(/\/adopters\/join\?/);
  await expect(page.getByTestId('join-form')).toBeVisible();
  // The live form (the static copy is inert): a keystroke reaches the preview.
  await page.getByTestId('join-field-org-name').fill('Split Corp');
  await expect(page.getByTestId('join-preview')).toContainText('Split Corp');
  expect(seen.filter((path) => JOIN_CODE.test(path)).length).toBe(2);
  expect(seen.filter((path) => LIST_CODE.test(path) || path.endsWith('members.json'))).toEqual([]);
  await appStopped(page);
});

for (const lang of ['en', 'zh'] as const) {
  const title = lang === 'en' ? 'How to join' : '如何加入';
  test(`${lang}: deep-linked, from the list, back and forward, another program: the draft is kept`, async ({ page }) => {
    await page.goto(`join?lang=${lang}`);
    await expect(page.locator('h1')).toHaveText(title);
    await page.getByTestId('join-field-org-name').fill(`Draft ${lang}`);
    // Another program's form in the same document, then back to the first one's.
    await page.getByTestId('join-program-partner').check();
    // Below the base once: the form's own switch once wrote /adopters/adopters/join.
    await expect(page).toHaveURL(/\/adopters\/join\?program=partner/);
    await expect(page.getByTestId('join-form')).toBeVisible();
    await page.getByTestId('join-program-adopter').check();
    await expect(page.getByTestId('join-field-org-name')).toHaveValue(`Draft ${lang}`);

    await page.goto(`./?lang=${lang}`);
    await expect(page.getByTestId('member-card').first()).toBeVisible();
    await page.getByTestId('join-cta').click();
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.getByTestId('join-field-org-name')).toHaveValue(`Draft ${lang}`);

    await page.goBack();
    await expect(page.getByTestId('member-card').first()).toBeVisible();
    await expect(page.getByTestId('join-cta')).toBeVisible();
    await page.goForward();
    await expect(page.locator('h1')).toHaveText(title);
    await expect(page.getByTestId('join-field-org-name')).toHaveValue(`Draft ${lang}`);
    await expect(page.getByTestId('join-field-org-name')).toBeEditable();

    // The form's way back is the list's document again, in the same language.
    await page.getByTestId('join-back').click();
    await expect(page.getByTestId('member-card').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : /^zh/);
    await appStopped(page);
  });
}

test("the list's page served at the join address links to the join page", async ({ page }) => {
  // A host whose fallback serves the list's document for every address (no join/index.html).
  const list = await (await page.request.get('./')).text();
  await page.route(/\/adopters\/join\?lang=en&fallback$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: list }));
  await page.goto('join?lang=en&fallback');
  const link = page.getByTestId('other-document-link');
  await expect(link).toHaveText('How to join');
  await expect(link).toHaveAttribute('href', /\/adopters\/join\?lang=en&fallback$/);
  await page.unrouteAll();
  await link.click();
  await expect(page.getByTestId('join-form')).toBeVisible();
  await expect(page.getByTestId('join-field-org-name')).toBeEditable();
  await appStopped(page);
});
