// Issue #4: facets, search, sort, links for every view, the detail view, both languages, a11y.
import { test, expect, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed, feedOf, member, Member } from './feed';

const feed = bundledFeed();
const cards = (page: Page) => page.getByTestId('member-card').filter({ visible: true });
const ids = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-member-id')!));
const byName = (a: Member, b: Member) => a.name.en.localeCompare(b.name.en, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/// A small feed where every facet has a known answer.
const small = [
  member('alpha', { industry: 'finance', country: 'US', joined: '2024-01-10', name: { en: 'Alpha Bank', zh: '阿尔法银行' } }),
  member('beta', { industry: 'cloud', country: 'CN', kinds: ['adopter', 'vendor'], joined: '2025-05-01', usage: { en: 'Runs a GPU platform for résumé parsing.' } }),
  member('gamma', { industry: 'cloud', country: 'CN', kinds: ['partner'], caseStudies: [{ title: { en: 'Talk' }, url: { en: 'https://www.youtube.com/watch?v=x' }, kind: 'video' }] }),
  member('delta', { industry: 'telecom', country: 'KR', aliases: ['deltacom'] }),
];

async function smallFeed(page: Page) {
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedOf(small) }));
}

test('each facet narrows the list and counts what it would show', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(4);
  // Counts next to each option are what ticking it would give.
  await expect(page.getByTestId('industry-filter-cloud').locator('xpath=..')).toContainText('2');
  await page.getByTestId('industry-filter-cloud').check();
  await expect.poll(async () => (await ids(page)).sort()).toEqual(['beta', 'gamma']);
  await page.getByTestId('country-filter-CN').check();
  await expect.poll(async () => (await ids(page)).sort()).toEqual(['beta', 'gamma']);
  // An option that would give nothing is disabled with 0.
  await expect(page.getByTestId('country-filter-KR')).toBeDisabled();
  await page.getByTestId('has-case-study-filter').check();
  await expect.poll(() => ids(page)).toEqual(['gamma']);
  await expect(page.getByTestId('filter-chip')).toHaveCount(3);
  await page.getByTestId('filter-chip').first().click();
  await expect(page.getByTestId('filter-chip')).toHaveCount(2);
  await page.getByTestId('clear-all').click();
  await expect(cards(page)).toHaveCount(4);
  await expect(page).toHaveURL(/\/adopters\/?$/);
});

test('search covers names, Chinese names, aliases, usage and ignores accents', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./');
  const search = page.getByTestId('search');
  for (const [query, expected] of [
    ['ALPHA', ['alpha']],
    ['阿尔法', ['alpha']],
    ['deltacom', ['delta']],
    ['resume', ['beta']],
    ['gpu platform', ['beta']],
  ] as const) {
    await search.fill(query);
    await expect.poll(() => ids(page)).toEqual(expected);
  }
  await expect(page.locator('mark').first()).toBeVisible();
  await search.fill('nothing-matches-this');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('empty-clear').click();
  await expect(cards(page)).toHaveCount(4);
});

test('typing filters at once and reaches the address bar when it pauses, without new history entries', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(4);
  const entries = await page.evaluate(() => history.length);
  const search = page.getByTestId('search');
  await search.pressSequentially('alp', { delay: 20 });
  await expect.poll(() => ids(page)).toEqual(['alpha']);
  await expect(page).toHaveURL(/[?&]q=alp(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  // Leaving the box writes the address at once, so a card followed right after typing has the
  // search in the entry "back" returns to.
  await search.fill('beta');
  await page.getByTestId('sort').focus();
  expect(await page.evaluate(() => new URL(location.href).searchParams.get('q'))).toBe('beta');
  // Back/forward still move the box and the list with the address.
  await page.getByTestId('industry-filter-cloud').check();
  await expect(page).toHaveURL(/industry=cloud/);
  await page.goBack();
  await expect(page).not.toHaveURL(/industry=cloud/);
  await expect(search).toHaveValue('beta');
  await expect.poll(() => ids(page)).toEqual(['beta']);
});

test('a long facet shows its most common options, the rest one key press away', async ({ page }) => {
  // Ten industries, the first the most common: sector-0 has 10 members … sector-9 has 1.
  const many = Array.from({ length: 10 }, (_, k) =>
    Array.from({ length: 10 - k }, (_, j) => member(`m-${k}-${j}`, { industry: `sector-${k}` })),
  ).flat();
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedOf(many) }));
  await page.goto('./');
  const options = page.getByTestId('facet-industry').locator('input[type=checkbox]');
  const toggle = page.getByTestId('facet-industry-toggle');
  await expect(options).toHaveCount(6);
  await expect(page.getByTestId('industry-filter-sector-5')).toBeVisible();
  await expect(page.getByTestId('industry-filter-sector-6')).toHaveCount(0);
  await expect(toggle).toHaveText('Show all 10 industries');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('facet-country-toggle')).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(options).toHaveCount(10);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveText('Show fewer');
  // A ticked option beyond the cut stays when the facet collapses, and unticking it does not
  // pull it from under the focus.
  const rare = page.getByTestId('industry-filter-sector-9');
  await rare.check();
  await expect(cards(page)).toHaveCount(1);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(options).toHaveCount(7);
  await rare.focus();
  await page.keyboard.press('Space');
  await expect(rare).not.toBeChecked();
  await expect(page.getByTestId('result-count')).toContainText(String(many.length));
  await expect(rare).toBeFocused();
  await expect(options).toHaveCount(7);
  // A link to a rare option shows it ticked in the collapsed facet.
  await page.goto('./?industry=sector-8&lang=zh');
  await expect(options).toHaveCount(7);
  await expect(page.getByTestId('industry-filter-sector-8')).toBeChecked();
  await expect(toggle).toHaveText('显示全部 10 个行业');
});

test('on a phone the facets wait behind a Filters button, so the cards start on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  const toggle = page.getByTestId('filters-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveText('Filters');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('kind-filter-adopter')).toBeHidden();
  await expect(cards(page).first()).toBeVisible();
  const cardTop = await cards(page).first().evaluate((card) => card.getBoundingClientRect().top);
  expect(cardTop).toBeLessThan(844);
  expect(await axeViolations(page)).toEqual([]);
  // Filters and sort share a row; the invitation to join comes after the list.
  const sort = page.getByTestId('sort');
  const middle = async (locator: typeof sort) => {
    const box = (await locator.boundingBox())!;
    return box.y + box.height / 2;
  };
  expect(Math.abs((await middle(toggle)) - (await middle(sort)))).toBeLessThan(8);
  const joinTop = (await page.getByTestId('join-cta').boundingBox())!.y;
  expect(joinTop).toBeGreaterThan(cardTop);
  // From the top the keyboard goes from the skip link into the page (a reading-flow box that
  // was also the skip link's focusable target sent Tab out of the page), and so it does from
  // the skip link's target.
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('language-switch')).toBeFocused();
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('language-switch')).toBeFocused();
  // Tab follows what is on screen: from the header into the list, not down to the invitation.
  await page.getByTestId('logos-link').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.browse-layout')))).toBe(true);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // A sheet over the list, focus inside it; ticking a box shows the new count at once, on
  // screen.
  await expect(page.getByTestId('kind-filter-adopter')).toBeFocused();
  const sheet = page.locator('#facet-groups');
  await expect(sheet).toHaveAttribute('role', 'dialog');
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  // Named by its visible heading, with a close button above the boxes.
  await expect(sheet).toHaveAccessibleName('Filters');
  const close = page.getByTestId('filters-close');
  await expect(close).toBeInViewport({ ratio: 1 });
  await expect(close).toHaveAccessibleName('Close filters');
  // Scrolled, its head stays at its top edge: nothing of the list scrolls through above it.
  await sheet.evaluate((el) => el.scrollBy(0, 300));
  expect(await sheet.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const edges = await sheet.evaluate((el) => [el.getBoundingClientRect().top, el.querySelector('.sheet-head')!.getBoundingClientRect().top]);
  expect(Math.abs(edges[1] - edges[0])).toBeLessThanOrEqual(1);
  await sheet.evaluate((el) => el.scrollTo(0, 0));
  // Shift+Tab from its first box reaches the close button, then goes round to its last
  // control: focus stays in the dialog.
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('filters-done')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('kind-filter-adopter')).toBeFocused();
  await page.getByTestId('kind-filter-vendor').check();
  await expect(page).toHaveURL(/kind=vendor/);
  const vendors = feed.members.filter((m) => m.kinds.includes('vendor')).length;
  const done = page.getByTestId('filters-done');
  await expect(done).toHaveText(`Show ${vendors} members`);
  await expect(done).toBeInViewport({ ratio: 1 });
  await expect(toggle).toHaveText('Filters (1)');
  expect(await axeViolations(page)).toEqual([]);
  // Escape closes the sheet, back on its button; "Show N members" leads to the list.
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(sheet).not.toHaveAttribute('role', 'dialog');
  // So does its close button.
  await toggle.click();
  await close.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(close).toBeHidden();
  await toggle.click();
  await done.click();
  await expect(page.getByTestId('kind-filter-vendor')).toBeHidden();
  await expect(page.locator('#results')).toBeFocused();
  await expect(cards(page)).toHaveCount(vendors);
  await expect(page.getByTestId('filter-chip')).toHaveCount(1);
  // "Showing 5 of 46 members" is read on one line, not a word a line beside the buttons.
  const count = page.locator('.results-bar .result-count');
  await expect(count).toContainText(`${vendors} of ${feed.members.length}`);
  expect((await count.boundingBox())!.height).toBeLessThan(40);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(toggle).toBeHidden();
  await expect(page.getByTestId('kind-filter-vendor')).toBeChecked();
  await expect(page.getByTestId('kind-filter-vendor')).toBeVisible();
  await page.goto('./?lang=zh&kind=adopter&industry=cloud&q=x');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(toggle).toHaveText('筛选（2）');
});

test('"/" jumps to the search box, except where the visitor is typing', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(4);
  const search = page.getByTestId('search');
  await expect(search).toHaveAttribute('aria-keyshortcuts', '/');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  // In the box "/" is a character like any other.
  await page.keyboard.type('a/b');
  await expect(search).toHaveValue('a/b');
  // From a ticked checkbox it jumps too; from the sort menu it does not.
  await search.fill('');
  await page.getByTestId('kind-filter-adopter').focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.getByTestId('sort').focus();
  await page.keyboard.press('/');
  await expect(page.getByTestId('sort')).toBeFocused();
});

test('keyboard focus on a card is drawn inside the card, unlike hover', async ({ page }) => {
  await page.goto('./');
  const first = page.getByTestId('member-card').filter({ visible: true }).first();
  await expect(first).toBeVisible();
  const ring = () =>
    first.locator('a.card-link').evaluate((link) => {
      const after = getComputedStyle(link, '::after');
      return { style: after.outlineStyle, width: after.outlineWidth, offset: after.outlineOffset };
    });
  // Hover alone draws no ring.
  await first.hover();
  expect((await ring()).style).toBe('none');
  await first.locator('a.card-link').focus();
  // Focus by script from a mouse user is not keyboard focus: press a key as a keyboard user.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(first.locator('a.card-link')).toBeFocused();
  // A 3px ring, inside the card's box, which the list item's content-visibility would clip.
  expect(await ring()).toEqual({ style: 'solid', width: '3px', offset: '-3px' });
});

test("a member's heading, focused for screen readers, shows a ring only to keyboard visitors", async ({ page }) => {
  await page.goto('./');
  const heading = page.getByTestId('member-name');
  const ring = () => heading.evaluate((h) => getComputedStyle(h).outlineStyle);
  // By mouse: focus moves to the heading, without a ring.
  await page.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link').click();
  await expect(heading).toBeFocused();
  expect(await ring()).toBe('none');
  // By keyboard: the same move shows where focus went.
  await page.goBack();
  const link = page.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  expect(await ring()).toBe('solid');
});

test('sort orders by name, newest and featured', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./');
  await expect.poll(() => ids(page)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  await page.getByTestId('sort').selectOption('newest');
  await expect.poll(async () => (await ids(page)).slice(0, 2)).toEqual(['beta', 'alpha']);
  await page.getByTestId('sort').selectOption('featured');
  await expect.poll(async () => (await ids(page))[0]).toBe('gamma');
  await expect(page).toHaveURL(/sort=featured/);
  // Back and forward: the menu says the order the address and the cards have.
  await page.goBack();
  await expect(page).toHaveURL(/sort=newest/);
  await expect.poll(async () => (await ids(page)).slice(0, 2)).toEqual(['beta', 'alpha']);
  await expect(page.getByTestId('sort')).toHaveValue('newest');
  await page.goBack();
  await expect(page.getByTestId('sort')).toHaveValue('name');
  await page.goForward();
  await expect(page.getByTestId('sort')).toHaveValue('newest');
});

test('every view is a link: reload restores it, back and forward move through it', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./?industry=cloud&sort=newest&bogus=1&kind=nonsense');
  await expect.poll(() => ids(page)).toEqual(['beta', 'gamma']);
  await page.reload();
  await expect.poll(() => ids(page)).toEqual(['beta', 'gamma']);
  await page.getByTestId('country-filter-CN').check();
  await expect(page).toHaveURL(/country=CN/);
  await page.goBack();
  await expect(page).not.toHaveURL(/country=CN/);
  await page.goForward();
  await expect(page).toHaveURL(/country=CN/);
  await expect(page.getByTestId('country-filter-CN')).toBeChecked();
});

test('back returns to where the list was; the list opened anew starts at the top', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./');
  await expect(cards(page).nth(40)).toBeAttached();
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1500);
  // A card on screen (a click on one off screen would scroll to it first).
  const id = await cards(page).evaluateAll((all) =>
    all
      .find((card) => {
        const box = card.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
      })!
      .getAttribute('data-member-id'),
  );
  await page.locator(`[data-testid="member-card"][data-member-id="${id}"] a.card-link`).click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  await page.goBack();
  await expect(cards(page).first()).toBeVisible();
  // About where it was: logos arriving above may move it by a few pixels (scroll anchoring).
  await expect.poll(() => page.evaluate(() => Math.abs(window.scrollY - 1500))).toBeLessThan(100);
  // Keyboard focus is back on the card that was opened: Tab goes on from there, not the top.
  const focusedCard = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="member-card"]')?.getAttribute('data-member-id') ?? null);
  await expect.poll(focusedCard).toBe(id);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="card-grid"], .card-grid') != null)).toBe(true);
  // The list opened anew in this tab (a link from elsewhere, its address typed): the top.
  // (From another page: the same address typed over itself replaces its history entry, whose
  // scroll position the browser then restores on "back".)
  await page.goto('join');
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // And the old place is forgotten: back from a member opened without scrolling is the top.
  // (A click where the card is: Playwright's own click would first scroll the link's scroll
  // margin, the whole card, into view.)
  const first = (await cards(page).first().locator('a.card-link').boundingBox())!;
  await page.mouse.click(first.x + 4, first.y + 4);
  await expect(page.getByTestId('member-detail')).toBeVisible();
  await page.goBack();
  await expect(cards(page).first()).toBeVisible();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test("the language switch opens the list in the other language as this one was: its cards shown", async ({ page }) => {
  const many = Array.from({ length: 150 }, (_, i) => member(`m-${String(i).padStart(3, '0')}`));
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedOf(many) }));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./?kind=adopter');
  await expect(cards(page)).toHaveCount(48);
  await page.getByTestId('show-more').click();
  await expect(cards(page)).toHaveCount(96);
  // Down the list and back up to the switch in the header (the click scrolls to it).
  await page.evaluate(() => window.scrollTo(0, 4000));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(4000);
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/adopters\/zh\/\?kind=adopter$/);
  await expect(page.locator('h1')).toHaveText('谁在使用 Karmada');
  await expect(cards(page)).toHaveCount(96);
  // And back again, with one more page of cards shown since.
  await page.getByTestId('show-more').click();
  await expect(cards(page)).toHaveCount(144);
  await page.getByTestId('language-switch').click();
  await expect(page.locator('h1')).toHaveText('Who runs Karmada');
  await expect(cards(page)).toHaveCount(144);
  // The same address opened anew: the top, with the first page of cards.
  await page.goto('./zh/?kind=adopter');
  await expect(cards(page)).toHaveCount(48);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // A switch whose page never came (its load cancelled) leaves nothing for a later visit.
  await page.getByTestId('show-more').click();
  await expect(cards(page)).toHaveCount(96);
  await page.evaluate(() => sessionStorage.setItem('karmada-showcase:scroll-carried-to', `${Date.now() - 60_000} /adopters?kind=adopter`));
  await page.goto('./?kind=adopter');
  await expect(cards(page)).toHaveCount(48);
});

test('the bundled feed: a member opens by keyboard, back returns to the same filtered list', async ({ page }) => {
  const adopters = feed.members.filter((m) => m.kinds.includes('adopter')).sort(byName);
  await page.goto('./?kind=adopter');
  await expect(cards(page).first()).toHaveAttribute('data-member-id', adopters[0].id);
  await page.getByTestId('search').focus();
  // Tab to the first card's link and open it with Enter.
  const firstLink = cards(page).first().locator('a.card-link');
  await firstLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', adopters[0].id);
  await expect(page.getByTestId('member-name')).toBeFocused();
  // Next follows the filtered order.
  if (adopters.length > 1) {
    await page.getByTestId('next-member').click();
    await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', adopters[1].id);
  }
  // It goes back to the filtered list, and says so.
  await expect(page.getByTestId('back-to-list')).toHaveText('← Back to the results');
  await page.getByTestId('back-to-list').click();
  await expect(page).toHaveURL(/kind=adopter/);
  await expect(page.getByTestId('kind-filter-adopter')).toBeChecked();
});

test('search, cleared, then a filter, then a card: the member page opens and the app keeps working', async ({ page }) => {
  // A visitor's sequence that once stopped the app: the list's language switch, gone with the
  // list, still had its address recomputed by the navigation.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await page.getByTestId('search').fill('gpu');
  await expect(page).toHaveURL(/q=gpu/);
  await page.getByTestId('search').fill('');
  await expect(page).not.toHaveURL(/q=/);
  await page.getByRole('checkbox', { name: /^Cloud/ }).check();
  await expect(page).toHaveURL(/industry=cloud/);
  const card = cards(page).first();
  const id = (await card.getAttribute('data-member-id'))!;
  await card.locator('a.card-link').click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  await page.getByTestId('back-to-list').click();
  await expect(page.getByRole('checkbox', { name: /^Cloud/ })).toBeChecked();
  await expect(page.locator('#app-stopped')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Back or Forward pressed while typing in the search: the page moves and the app keeps working', async ({ page }) => {
  // The search box loses focus as the list goes: what its leaving does must not outlive the list.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  const card = cards(page).first();
  const id = (await card.getAttribute('data-member-id'))!;
  await card.locator('a.card-link').click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  await page.goBack();
  await page.getByTestId('search').fill('gpu');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.goForward();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  // Forward was not undone by a late save of the search, and the app still answers.
  await expect(page).toHaveURL(new RegExp(`/members/${id}`));
  await expect(page.getByTestId('back-to-list')).toHaveText('← Back to all members');
  await page.getByTestId('back-to-list').click();
  await expect(cards(page).first()).toBeVisible();
  await expect(page.locator('#app-stopped')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a member with an announcement shows its content, case studies and the original post', async ({ page }) => {
  const announced = feed.members.find((m) => m.announcement)!;
  await page.goto(`members/${announced.id}`);
  await expect(page.getByTestId('announcement')).toBeVisible();
  await expect(page.getByTestId('original-post')).toHaveAttribute('href', /^https:\/\/karmada\.io\//);
  await expect(page.getByTestId('original-post')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByTestId('website')).toHaveAttribute('href', announced.website);
  if (announced.caseStudies?.length) await expect(page.getByTestId('case-studies')).toBeVisible();
});

test('case studies are cards that say what each is and the event a talk was given at', async ({ page }) => {
  const member = feed.members.find((m) => (m.caseStudies ?? []).some((c) => /^KubeCon [A-Za-z]+ \d{4}: /.test(c.title.en)))!;
  // The talk's own site answers from here: the test stays offline.
  await page.context().route(`${new URL(member.caseStudies![0].url.en).origin}/**`, (route) => route.fulfill({ contentType: 'text/plain', body: 'talk' }));
  await page.goto(`members/${member.id}`);
  const cards = page.getByTestId('case-study');
  await expect(cards).toHaveCount(member.caseStudies!.length);
  for (const [at, study] of member.caseStudies!.entries()) {
    const card = cards.nth(at);
    await expect(card.locator('.study-kind')).toHaveText({ video: 'Video', doc: 'Document', product: 'Product page' }[study.kind]!);
    const talk = study.title.en.match(/^(KubeCon [A-Za-z]+ \d{4}): (.*)$/);
    if (talk) {
      await expect(card.locator('.study-event')).toHaveText(talk[1]);
      await expect(card.getByRole('link')).toHaveText(new RegExp(`^${talk[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    } else {
      await expect(card.locator('.study-event')).toHaveCount(0);
    }
    await expect(card.getByRole('link')).toHaveAttribute('href', study.url.en);
    await expect(card.getByRole('link')).toHaveAttribute('target', '_blank');
  }
  // The card is one target: a click anywhere on it follows its link.
  await cards.first().scrollIntoViewIfNeeded();
  const box = (await cards.first().boundingBox())!;
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.mouse.click(box.x + box.width - 8, box.y + box.height - 8)]);
  expect(popup.url()).toContain(new URL(member.caseStudies![0].url.en).host);
  expect(await axeViolations(page)).toEqual([]);
});

test('a member page suggests others of the same industry, featured first, keeping the list', async ({ page }) => {
  await smallFeed(page);
  await page.goto('members/beta?industry=cloud');
  const related = page.getByTestId('related-members');
  await expect(related.getByRole('heading')).toHaveText('More in Cloud');
  await expect(related.getByTestId('related-member')).toHaveText(['Org gamma']);
  await expect(related.getByTestId('related-member')).toHaveAttribute('href', /\/members\/gamma\?industry=cloud$/);
  await related.getByTestId('related-member').click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'gamma');
  await expect(page.getByTestId('related-member')).toHaveText(['Org beta']);
  await page.goto('members/beta?lang=zh');
  await expect(page.getByTestId('related-members').getByRole('heading')).toHaveText('云计算领域的更多成员');
  // The whole industry is one link away, in the same language.
  const whole = page.getByTestId('industry-list');
  await expect(whole).toHaveText('查看云计算领域的全部 2 个成员 →');
  await whole.click();
  await expect(page).toHaveURL(/\/adopters\/\?industry=cloud&lang=zh$/);
  await expect.poll(async () => (await ids(page)).sort()).toEqual(['beta', 'gamma']);
  await expect(page.getByTestId('industry-filter-cloud')).toBeChecked();
  // Alone in its industry: no section.
  await page.goto('members/alpha');
  await expect(page.getByTestId('member-detail')).toBeVisible();
  await expect(page.getByTestId('related-members')).toHaveCount(0);
});

test('the bundled feed: related members are up to four others of the same industry', async ({ page }) => {
  const withPeers = feed.members.find((m) => m.industry && feed.members.filter((o) => o.industry === m.industry).length > 5)!;
  const peers = feed.members.filter((o) => o.industry === withPeers.industry && o.id !== withPeers.id);
  const featured = (m: Member) => Boolean(m.announcement) || (m.caseStudies ?? []).length > 0;
  await page.goto(`members/${withPeers.id}`);
  const links = page.getByTestId('related-member');
  await expect(links).toHaveCount(Math.min(4, peers.length));
  const shown = (await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')!.split('/members/')[1])));
  const shownMembers = shown.map((id) => peers.find((p) => p.id === id)!);
  expect(shownMembers.every(Boolean)).toBe(true);
  const featuredFlags = shownMembers.map(featured);
  expect(featuredFlags).toEqual([...featuredFlags].sort((a, b) => Number(b) - Number(a)));
  expect(featuredFlags.filter(Boolean).length).toBe(Math.min(4, peers.filter(featured).length));
});

test('an unknown member id shows not found with a way back', async ({ page }) => {
  await page.goto('members/no-such-member');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Member not found');
  await page.getByTestId('back-to-list').click();
  await expect(cards(page).first()).toBeVisible();
});

test('a member known by another address, a mistyped one, and a page that does not exist', async ({ page }) => {
  // The slug of its blog post and logo: the member's page, at its own address.
  await page.goto('members/scatterlab?kind=adopter');
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'scatter-lab');
  await expect(page).toHaveURL(/\/members\/scatter-lab\?kind=adopter$/);
  await page.goBack();
  await expect(page).not.toHaveURL(/scatterlab/);
  // A typo: not found, with the member it probably meant.
  await page.goto('members/blomberg');
  await expect(page.locator('h1')).toHaveText('Member not found');
  const suggestion = page.getByTestId('not-found-suggestions').getByRole('link');
  await expect(suggestion).toHaveText(['Bloomberg']);
  await suggestion.click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'bloomberg');
  // Not a member's address at all: a page, not a member, is missing.
  await page.goto('nope/page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found · Karmada adopters');
});

test('English and Chinese: the switch, ?lang=zh, and English fallback per field', async ({ page }) => {
  await smallFeed(page);
  await page.goto('./?kind=adopter');
  await expect(page.locator('h1')).toHaveText('Who runs Karmada');
  // The switch leads to the view's twin in the Chinese tree, the address its hreflang names;
  // from the keyboard, the visitor goes on from the switch there.
  await page.getByTestId('language-switch').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/adopters\/zh\/\?kind=adopter$/);
  await expect(page.locator('h1')).toHaveText('谁在使用 Karmada');
  await expect(page.getByTestId('language-switch')).toBeFocused();
  // A pointer's click needs no focus put back.
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/adopters\/\?kind=adopter$/);
  await expect(page.locator('h1')).toHaveText('Who runs Karmada');
  await expect(cards(page).first()).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('language-switch')).not.toBeFocused();
  // `lang` in the address chooses too.
  await page.goto('./?lang=zh');
  await expect(page.locator('h1')).toHaveText('谁在使用 Karmada');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-member-id="alpha"] .card-link')).toHaveText('阿尔法银行');
  // No Chinese usage for delta: English is shown rather than nothing.
  await expect(page.locator('[data-member-id="delta"] .card-usage')).toHaveText(small[3].usage.en);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('谁在使用 Karmada');
});

test('the list and a detail view have no accessibility violations', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const announced = feed.members.find((m) => m.announcement) ?? feed.members[0];
  await page.goto(`members/${announced.id}`);
  await expect(page.getByTestId('member-detail')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('sorted by newest, the page says how many members have a date; by name it says nothing', async ({ page }) => {
  const dated = feed.members.filter((m) => m.joined || m.announcement?.date).length;
  await page.goto('./?sort=newest');
  await expect(page.getByTestId('newest-note')).toHaveText(
    `${dated} of ${feed.members.length} members have a date and come first, newest first; the others follow by name.`,
  );
  const firstIds = await cards(page).evaluateAll((els) => els.slice(0, 2).map((el) => el.getAttribute('data-member-id')));
  for (const id of firstIds) {
    const member = feed.members.find((m) => m.id === id)!;
    expect(member.joined || member.announcement?.date, id!).toBeTruthy();
  }
  await page.goto('./');
  await expect(page.getByTestId('newest-note')).toHaveCount(0);
});

test('search: words match from their start, case-study titles are searched, and a typo gets a suggestion', async ({ page }) => {
  await page.goto('./');
  await expect(cards(page).first()).toBeVisible();
  const search = page.getByTestId('search');
  const shownIds = () => cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-member-id')!));
  // "ai" is a word's start ("AI"), not the inside of "retail".
  await search.fill('ai');
  // Fewer than contain "ai" anywhere (in "retail", "Taiwan"…).
  const anywhere = feed.members.filter((m) => /ai/i.test(JSON.stringify([m.name, m.usage, m.aliases, m.industry, m.caseStudies]))).length;
  await expect(page.getByTestId('result-count')).toContainText(/Showing \d+ of/);
  await expect.poll(async () => (await shownIds()).length).toBeLessThan(anywhere);
  // Cards below the screen are brought up to date in idle time, after the keystroke's frame:
  // on a loaded machine one may still show a member of the last search for a moment.
  const atWordStart = (id: string) => {
    const m = feed.members.find((member) => member.id === id)!;
    const text = [m.name.en, m.name.zh, m.usage.en, m.usage.zh, ...(m.aliases ?? []), m.industry, ...(m.caseStudies ?? []).flatMap((c) => [c.title.en, c.title.zh])].join(' ');
    return /(^|[^a-z0-9])ai/i.test(text);
  };
  await expect.poll(async () => (await shownIds()).filter((id) => !atWordStart(id))).toEqual([]);
  // Case-study titles.
  await search.fill('kubecon');
  const withTalks = feed.members.filter((m) => (m.caseStudies ?? []).some((c) => /kubecon/i.test(`${c.title.en} ${c.title.zh ?? ''}`))).map((m) => m.id);
  expect(withTalks.length).toBeGreaterThan(0);
  await expect.poll(async () => (await shownIds()).sort()).toEqual(withTalks.sort());
  // A typo finds nobody, and the page offers the spelling that does.
  await search.fill('blomberg');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('did-you-mean').getByRole('button', { name: 'bloomberg' }).click();
  await expect(page).toHaveURL(/q=bloomberg/);
  await expect(page.locator('[data-member-id="bloomberg"]').filter({ visible: true })).toHaveCount(1);
});

test('the search a typo away waits for a pause in typing, and goes when the search changes', async ({ page }) => {
  await page.goto('');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  // Measured in the page: from the keystroke to the suggestion, never sooner than the pause
  // (TYPING_PAUSE_MS in src/list_state.rs) that also writes the search to the address bar.
  const waited = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="did-you-mean"]')) {
            observer.disconnect();
            resolve(performance.now() - typed);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        input.value = 'blomberg';
        const typed = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'g', inputType: 'insertText' }));
      }),
  );
  expect(waited).toBeGreaterThanOrEqual(300);
  await expect(page.getByTestId('did-you-mean')).toContainText('bloomberg');
  // Another search that still finds nobody: the old suggestion goes at once, and its own
  // ("bloomberg zzzz") would find nobody either, so none comes.
  await page.getByTestId('search').fill('blomberg zzzz');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
  await page.waitForTimeout(600);
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
});

test('four columns of cards at 1366 px', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./');
  await expect(cards(page).nth(7)).toBeVisible();
  const lefts = await cards(page).evaluateAll((els) => els.slice(0, 8).map((el) => Math.round(el.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(4);
});

test('text in the other language is marked with its language', async ({ page }) => {
  const withChineseName = feed.members.find((m) => m.name.zh && m.name.zh !== m.name.en)!;
  await page.goto('./');
  const card = page.locator(`[data-member-id="${withChineseName.id}"]`).filter({ visible: true });
  await expect(card.locator('.card-title')).toHaveAttribute('lang', 'en');
  await expect(card.locator('.card-subtitle')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('./?lang=zh');
  await expect(card.locator('.card-title')).toHaveAttribute('lang', 'zh-CN');
  await expect(card.locator('.card-subtitle')).toHaveAttribute('lang', 'en');
  const chinese = feed.members.find((m) => m.usage.zh)!;
  await page.goto(`members/${chinese.id}?lang=zh`);
  await expect(page.getByTestId('usage')).toHaveAttribute('lang', 'zh-CN');
  // English shown on a Chinese page, where a member has no Chinese usage (delta), says so.
  await smallFeed(page);
  await page.goto('./?lang=zh');
  await expect(page.locator('[data-member-id="delta"] .card-usage')).toHaveAttribute('lang', 'en');
  await page.goto('members/delta?lang=zh');
  await expect(page.getByTestId('usage')).toHaveAttribute('lang', 'en');
});

test('logos sit in a centred band, square and wide alike; a placeholder is quiet, in capitals, the same in both languages', async ({ page }) => {
  const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  await page.route('https://logos.example/**', (route) => route.fulfill({ contentType: 'image/png', body: pixel }));
  await page.route('**/members.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: feedOf([
        member('square', { name: { en: 'Square Co' }, logo: { url: 'https://logos.example/s.png', width: 120, height: 120 } } as any),
        member('wordmark', { name: { en: 'Wordmark Co' }, logo: { url: 'https://logos.example/w.png', width: 900, height: 120 } } as any),
        member('plain', { name: { en: 'plainly', zh: '朴素' } }),
      ]),
    }),
  );
  await page.goto('./');
  const band = (id: string) => page.locator(`[data-member-id="${id}"] [data-testid="member-logo"]`).filter({ visible: true });
  const boxes = async (id: string) => {
    const outer = (await band(id).boundingBox())!;
    const image = (await band(id).locator('img').boundingBox())!;
    const card = (await page.locator(`[data-member-id="${id}"]`).filter({ visible: true }).boundingBox())!;
    return { outer, image, card };
  };
  await expect(band('square').locator('img')).toBeVisible();
  const square = await boxes('square');
  const wide = await boxes('wordmark');
  // Centred in the card, as wide as its content.
  for (const { outer, card } of [square, wide]) {
    expect(Math.abs(outer.x + outer.width / 2 - (card.x + card.width / 2))).toBeLessThan(2);
  }
  // The square mark takes the band's height; the wordmark most of its width.
  expect(square.image.height).toBeGreaterThan(square.outer.height * 0.75);
  expect(wide.image.width).toBeGreaterThan(wide.outer.width * 0.85);
  const placeholder = band('plain').getByTestId('monogram');
  await expect(placeholder).toHaveText('PL');
  await expect(placeholder).toHaveAttribute('aria-hidden', 'true');
  const accent = await placeholder.getAttribute('class');
  await page.goto('./?lang=zh');
  await expect(band('plain').getByTestId('monogram')).toHaveText('朴');
  expect(await band('plain').getByTestId('monogram').getAttribute('class')).toBe(accent);
});

test('"Download this view" gives exactly the members shown, as CSV and as a feed', async ({ page }) => {
  await page.goto('./?kind=vendor');
  const vendors = feed.members.filter((m) => m.kinds.includes('vendor')).map((m) => m.id).sort();
  await expect(page.getByTestId('result-count')).toContainText(String(vendors.length));
  const { readFileSync } = await import('node:fs');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csvDownload.suggestedFilename()).toBe('karmada-members.csv');
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  const rows = csv.trimEnd().split('\r\n');
  expect(rows[0]).toBe('"id","name","name_zh","kinds","industry","country","website","joined","announcement","usage","usage_zh"');
  expect(rows.slice(1).map((row) => JSON.parse(row.slice(0, row.indexOf(',')))).sort()).toEqual(vendors);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const view = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
  expect(view.schemaVersion).toBe(1);
  expect(view.members.map((m: { id: string }) => m.id).sort()).toEqual(vendors);
});

test('members who joined in the 90 days before the feed was made are marked new', async ({ page }) => {
  await page.route('**/members.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        schemaVersion: 1,
        generatedAt: '2026-01-01T00:00:00Z',
        members: [member('fresh', { joined: '2025-12-15' }), member('older', { joined: '2025-06-01' }), member('undated')],
      }),
    }),
  );
  await page.goto('./?sort=newest');
  await expect(page.locator('[data-member-id="fresh"] [data-testid="new-badge"]')).toHaveText('New');
  // On the kinds' line, beside them.
  const badge = (await page.locator('[data-member-id="fresh"] [data-testid="new-badge"]').boundingBox())!;
  const kind = (await page.locator('[data-member-id="fresh"] .kind-badge').last().boundingBox())!;
  expect(Math.abs(badge.y + badge.height / 2 - (kind.y + kind.height / 2))).toBeLessThan(3);
  expect(badge.x).toBeGreaterThan(kind.x + kind.width);
  await expect(page.locator('[data-member-id="older"] [data-testid="new-badge"]')).toHaveCount(0);
  await expect(page.locator('[data-member-id="undated"] [data-testid="new-badge"]')).toHaveCount(0);
  await expect(cards(page).first()).toHaveAttribute('data-member-id', 'fresh');
});

test("a member's page: facts in columns beside the logo, links shown as their host, and where to suggest an edit", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('members/bloomberg');
  const website = page.getByTestId('website');
  await expect(website).toContainText('techatbloomberg.com');
  await expect(website).not.toContainText('https://');
  await expect(website).toHaveAttribute('href', 'https://www.techatbloomberg.com/opensource/');
  // More than one fact on a row.
  const tops = await page.locator('.detail-facts > div').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBeLessThan(tops.length);
  await expect(page.getByTestId('suggest-edit')).toHaveAttribute('href', /github\.com\/karmada-io\/website\/edit\/main\/src\/pages\/adopters\.md$/);
  const partner = feed.members.find((m) => m.kinds.includes('partner'))!;
  await page.goto(`members/${partner.id}`);
  await expect(page.getByTestId('suggest-edit')).toHaveAttribute('href', /partnersData\.tsx$/);
});
