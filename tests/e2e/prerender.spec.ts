// The build's static copy of the list's first screen (src/static_pages/first_screen.rs, public/prerender.js):
// on screen before the wasm runs, in the visitor's language, only where it matches what the
// app will show, and handed over to the app without a blank frame.
import { test, expect, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { boxesAcrossTakeover } from './takeover';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const staticCards = (page: Page) => page.locator('#prerendered [data-prerendered="member-card"]');
const liveCards = (page: Page) => page.getByTestId('member-card').filter({ visible: true });

/// The app never starts: what is on screen comes from the HTML alone.
async function withoutWasm(page: Page) {
  await page.route('**/*.wasm', (route) => route.abort());
}

test('the first screen is in the HTML: cards show before the app runs', async ({ page }) => {
  await withoutWasm(page);
  await page.goto('./');
  await expect(staticCards(page).first()).toBeVisible();
  const shown = await staticCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('data-member-id')));
  const known = new Set(feed.members.map((m) => m.id));
  // A first screen of them (FIRST_SCREEN_CARDS in src/components/card_grid.rs).
  expect(shown.length).toBe(Math.min(feed.members.length, 24));
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown.filter((id) => !known.has(id!))).toEqual([]);
  // Nothing in the copy answers to the hooks tests and tools use to drive the app.
  await expect(page.locator('[data-testid]')).toHaveCount(0);
  // Cards are real links; controls cannot be used before the app is there to act on them.
  const first = staticCards(page).first();
  const id = await first.getAttribute('data-member-id');
  await expect(first.locator('a').first()).toHaveAttribute('href', new RegExp(`/adopters/members/${id}`));
  await expect(page.locator('#prerendered [data-prerendered="search"]')).toHaveAttribute('inert', '');
  // Ids are the copy's own, so labels still point at their controls.
  const label = page.locator('#prerendered label[for]').first();
  const target = await label.getAttribute('for');
  expect(target).toMatch(/^prerendered-/);
  await expect(page.locator(`#${target}`)).toHaveCount(1);
  await expect(page).toHaveTitle('Who runs Karmada');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the static copy has no accessibility violations', async ({ page }) => {
  await withoutWasm(page);
  await page.goto('./');
  await expect(staticCards(page).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the app takes the copy over without a frame that shows no cards', async ({ page }) => {
  // Every frame, before it is painted: how many cards of each kind are on screen.
  await page.addInitScript(() => {
    const frames: { copy: number; live: number }[] = [];
    (window as any).__frames = frames;
    const visible = (selector: string) =>
      [...document.querySelectorAll(selector)].filter((e) => (e as HTMLElement).offsetParent !== null).length;
    const sample = () => {
      if (document.body) {
        frames.push({
          copy: visible('#prerendered [data-prerendered="member-card"]'),
          live: visible('[data-testid="member-card"]'),
        });
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goto('./');
  await expect(liveCards(page)).toHaveCount(Math.min(feed.members.length, 48));
  await expect(page.locator('#prerendered')).toHaveCount(0);
  const frames: { copy: number; live: number }[] = await page.evaluate(() => (window as any).__frames);
  const firstWithCards = frames.findIndex((f) => f.copy + f.live > 0);
  expect(firstWithCards).toBeGreaterThanOrEqual(0);
  // The copy came first, and from then on some cards were always on screen, never both sets.
  expect(frames[firstWithCards].copy).toBeGreaterThan(0);
  const afterwards = frames.slice(firstWithCards);
  expect(afterwards.filter((f) => f.copy + f.live === 0)).toEqual([]);
  expect(afterwards.filter((f) => f.copy > 0 && f.live > 0)).toEqual([]);
  // The app is the one in charge now: its search works.
  await page.getByTestId('search').fill(feed.members[0].name.en);
  await expect(liveCards(page).first()).toHaveAttribute('data-member-id', feed.members[0].id);
});

test('only the plain list gets the copy', async ({ page }) => {
  await withoutWasm(page);
  const member = feed.members[0].id;
  const paths = [
    './?kind=vendor',
    './?q=bank',
    './?lang=zh&lang=en',
    './?embed=1&kinds=vendor',
    './?embed=1&embed=1',
    './?embed=1&overlay=1',
    `./members/${member}`,
    './join',
  ];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('load');
    // A member's page and the join page have static pages of their own (static.spec.ts), never
    // the list's copy.
    await expect(page.locator('#prerendered [data-prerendered="member-card"]'), path).toHaveCount(0);
    if (!path.startsWith('./members/') && path !== './join') await expect(page.locator('#prerendered'), path).toHaveCount(0);
  }
  await page.goto('./');
  await expect(page.locator('#prerendered')).toHaveCount(1);
});

test('a language asked for in the address gets its copy', async ({ page }) => {
  await withoutWasm(page);
  await page.goto('./?lang=zh');
  await expect(staticCards(page).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#prerendered h1')).toHaveText('谁在使用 Karmada');
});

test("the embedding iframe gets its own copy, in the host's theme", async ({ page }) => {
  await withoutWasm(page);
  await page.goto('./?embed=1&host=https%3A%2F%2Fkarmada.io&theme=dark');
  await expect(staticCards(page).first()).toBeVisible();
  // The iframe's chrome, as the app will draw it: no skip link, no page heading on show, and
  // nothing to tab to in the hidden header (the host chooses the language).
  await expect(page.locator('#prerendered .showcase.embedded')).toHaveCount(1);
  await expect(page.locator('#prerendered .skip-link')).toHaveCount(0);
  await expect(page.locator('#prerendered .page-header.visually-hidden')).toHaveCount(1);
  await expect(page.locator('#prerendered .page-header :is(a, button)')).toHaveCount(0);
  await expect(page.locator('html')).toHaveClass(/embedded-frame/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('in the iframe, the app takes over from the copy', async ({ page }) => {
  await page.goto('./?embed=1&host=https%3A%2F%2Fkarmada.io&theme=light');
  await expect(liveCards(page)).toHaveCount(Math.min(feed.members.length, 48));
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // Its header is hidden: the first key press reaches what is on screen, not a hidden switch.
  await expect(page.locator('.page-header.visually-hidden')).toHaveCount(1);
  await expect(page.locator('.page-header :is(a, button, input)')).toHaveCount(0);
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test("English is the list's own address with lang=en, drawn in place, and leaves nothing to focus on a later load", async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('h1')).toHaveText('谁在使用 Karmada');
    await expect(liveCards(page).first()).toBeVisible();
    await page.getByTestId('language-switch').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/adopters\/\?lang=en$/);
    await expect(page.locator('h1')).toHaveText('Who runs Karmada');
    await page.reload();
    await expect(liveCards(page).first()).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.getByTestId('language-switch')).not.toBeFocused();
  });

  test('the copy is the Chinese one', async ({ page }) => {
    await withoutWasm(page);
    await page.goto('./');
    await expect(staticCards(page).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const withChinese = feed.members.find((m) => m.name.zh);
    expect(withChinese).toBeDefined();
    await expect(page.locator(`#prerendered [data-member-id="${withChinese!.id}"]`)).toContainText(withChinese!.name.zh!);
  });
});

test.describe("a member's page in the host's overlay (src/static_pages/member_pages.rs)", () => {
  // As embed.js's `frameUrl` opens it from karmada.io's recipe (the README's component).
  const overlayQuery = (extra = '') =>
    `?embed=1&host=https%3A%2F%2Fkarmada.io&lang=en&kinds=adopter%2Cvendor&details=overlay&theme=dark&overlay=%2F${extra}`;
  const adopter = feed.members.find((m) => m.kinds.includes('adopter') && m.name.zh && m.industry)!;
  const adopterOnly = feed.members.find((m) => m.kinds.length === 1 && m.kinds[0] === 'adopter')!;
  const copyDetail = (page: Page) => page.locator('#prerendered [data-prerendered="member-detail"]');

  test('shows the member before the app starts, in the host\'s embedding, theme and language', async ({ page }) => {
    await withoutWasm(page);
    await page.goto(`./members/${adopter.id}/${overlayQuery()}`);
    await expect(copyDetail(page)).toHaveAttribute('data-member-id', adopter.id);
    await expect(page.locator('#prerendered h1')).toHaveText(adopter.name.en);
    // The overlay's view: no page chrome and no language switch (the host has its own), the
    // host's theme.
    await expect(page.locator('#prerendered .showcase.embedded.in-overlay')).toHaveCount(1);
    await expect(page.locator('#prerendered .skip-link, #prerendered main, #prerendered [data-prerendered="language-switch"]')).toHaveCount(0);
    // Not the class of a frame its host sizes: the overlay's member scrolls inside it.
    await expect(page.locator('html')).not.toHaveClass(/embedded-frame/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page).toHaveTitle(`${adopter.name.en} · Karmada adopters`);
    // The host lists only some kinds: the neighbours and related members, which depend on
    // them, wait for the app.
    const varying = page.locator('#prerendered [data-prerendered="neighbours"], #prerendered [data-prerendered="related-members"]');
    await expect(varying).toHaveCount(2);
    for (const part of await varying.all()) await expect(part).toBeHidden();
    // Its links to the app's pages wait for the app, which answers them through the host
    // (back to the list closes the overlay); those that leave for other sites work.
    for (const hook of ['back-to-list', 'join-cta']) {
      expect(await page.locator(`#prerendered [data-prerendered="${hook}"]`).evaluate((link) => (link as HTMLElement).inert), hook).toBe(true);
    }
    const website = page.locator('#prerendered [data-prerendered="website"]');
    expect(await website.evaluate((link) => (link as HTMLElement).inert)).toBe(false);
    await expect(website).toHaveAttribute('target', '_blank');
  });

  test('in the host\'s Chinese, and with every kind listed, with its neighbours', async ({ page }) => {
    await withoutWasm(page);
    await page.goto(`./members/${adopter.id}/${overlayQuery().replace('lang=en', 'lang=zh').replace('&kinds=adopter%2Cvendor', '')}`);
    await expect(page.locator('#prerendered h1')).toHaveText(adopter.name.zh!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('#prerendered [data-prerendered="neighbours"]')).toBeVisible();
    await expect(page.locator('#prerendered [data-prerendered="related-members"]')).toBeVisible();
    expect(await page.locator('#prerendered [data-prerendered="industry-list"]').evaluate((link) => (link as HTMLElement).inert)).toBe(true);
    // Over a logo wall (`overlay=/logos`) the overlay's member is the same view.
    await page.goto(`./members/${adopter.id}/${overlayQuery().replace('overlay=%2F', 'overlay=%2Flogos')}`);
    await expect(page.locator('#prerendered h1')).toHaveText(adopter.name.en);
  });

  test("in the frame itself (members open there), with working links that carry the frame's query", async ({ page }) => {
    await withoutWasm(page);
    const frameQuery = '?embed=1&host=https%3A%2F%2Fkarmada.io&lang=en&theme=light';
    await page.goto(`./members/${adopter.id}/${frameQuery}`);
    await expect(copyDetail(page)).toHaveAttribute('data-member-id', adopter.id);
    await expect(page.locator('#prerendered .showcase.embedded')).toHaveCount(1);
    await expect(page.locator('#prerendered .showcase.in-overlay, #prerendered .skip-link')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const hrefOf = async (hook: string) => new URL((await page.locator(`#prerendered [data-prerendered="${hook}"]`).first().getAttribute('href'))!, page.url());
    const back = await hrefOf('back-to-list');
    expect(back.pathname).toBe('/adopters/');
    const join = await hrefOf('join-cta');
    expect(join.pathname).toBe('/adopters/join');
    expect(join.searchParams.get('program')).toBe('adopter');
    // Each carries the frame's own query once, in place of the one the copy was made with.
    for (const link of [back, join, await hrefOf('related-member')]) {
      for (const [key, value] of new URLSearchParams(frameQuery)) expect(link.searchParams.getAll(key), `${link} ${key}`).toEqual([value]);
    }
    // Followed before the app starts, a link leads to that page's copy in the same frame.
    await page.locator('#prerendered [data-prerendered="back-to-list"]').click();
    await expect(page.locator('#prerendered [data-prerendered="member-card"]').first()).toBeVisible();
    await expect(page.locator('#prerendered .showcase.embedded')).toHaveCount(1);
  });

  test('no copy where the app would draw another view', async ({ page }) => {
    await withoutWasm(page);
    const addresses = [
      // Filters change the previous and next members; another card size, background or feed the page.
      overlayQuery('&q=bank'),
      overlayQuery('&cards=small'),
      overlayQuery('&bg=transparent'),
      overlayQuery('&overlay=%2F'),
      overlayQuery().replace('embed=1', 'embed=frame'),
      overlayQuery().replace('lang=en', 'lang=fr'),
      // Values the app reads as no overlay.
      overlayQuery().replace('overlay=%2F', 'overlay=0'),
      overlayQuery().replace('overlay=%2F', 'overlay='),
      // The embedding lists no kind of this member's: the app says it is not there.
      overlayQuery().replace('kinds=adopter%2Cvendor', 'kinds=vendor%2Cpartner'),
    ];
    for (const query of addresses) {
      const id = query.includes('kinds=vendor%2Cpartner') ? adopterOnly.id : adopter.id;
      await page.goto(`./members/${id}/${query}`);
      await page.waitForLoadState('load');
      await expect(page.locator('#prerendered'), query).toHaveCount(0);
    }
  });

  test('the app takes the copy over in place and focuses the heading, as when it opens without one', async ({ page }) => {
    // Logos answer at once and square (a related member's small logo takes its width from
    // its image), so that only the takeover could move anything.
    await page.route('https://**/*.{png,jpg,jpeg,svg,webp,gif}', (route) => route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>' }));
    // With every kind listed, the copy is the app's view as it is.
    const address = `./members/${adopter.id}/${overlayQuery().replace('&kinds=adopter%2Cvendor', '')}`;
    const { copy, app } = await boxesAcrossTakeover(page, address, ['h1', '.member-detail', '.neighbours a:last-child', '.join-cta']);
    expect(app).toEqual(copy);
    await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', adopter.id);
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByTestId('neighbours')).toBeVisible();
  });
});
