// Issue #6: the showcase embedded on a karmada.io-like host page served from another origin
// (demo/host on 127.0.0.1:4174), the app under /adopters/ with the strict CSP.
import { test, expect, Page, Frame } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed, feedOf, member } from './feed';
import { holdRequests } from './takeover';

const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? APP_PORT + 1);
const HOST = `http://127.0.0.1:${HOST_PORT}/`;
const APP = `http://127.0.0.1:${APP_PORT}/adopters/`;
/// The demo host page with the embed pointed at the app under test.
const hostPage = (page = '') => `${HOST}${page}?app=${encodeURIComponent(APP)}`;
const feed = bundledFeed();

/// Collects CSP violations in every frame of the page.
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    all.push(...((await frame.evaluate(() => (window as any).__cspViolations ?? []).catch(() => [])) as string[]));
  }
  return all;
}

async function showcaseFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForSelector('[data-testid="member-card"]');
  return frame!;
}

/// The frame's height once it has held for 300 ms (the app has built all its cards).
async function steadyFrameHeight(page: Page): Promise<number> {
  let before = 0;
  await expect
    .poll(
      async () => {
        const height = await frameHeight(page);
        const held = height === before && height > 400;
        before = height;
        return held;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return before;
}

const frameHeight = (page: Page) =>
  page.locator('[data-testid="showcase-frame-host"] iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);

test('the iframe grows and shrinks with the results and never scrolls inside', async ({ page }) => {
  await watchCsp(page);
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(400);
  const full = await frameHeight(page);

  await frame.getByTestId('search').fill(feed.members[0].name.en);
  await expect.poll(() => frameHeight(page)).toBeLessThan(full);
  const narrowed = await frameHeight(page);
  const noInnerScroll = () => frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
  await expect.poll(noInnerScroll).toBe(true);

  await frame.getByTestId('search').fill('');
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(narrowed);
  await expect.poll(noInnerScroll).toBe(true);
  expect(await violations(page)).toEqual([]);
});

test("the embed follows the host's theme switch", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const cardBackground = () =>
    frame.locator('[data-testid="member-card"]').filter({ visible: true }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('light');
  const light = await cardBackground();
  await page.getByTestId('host-theme-toggle').click();
  await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute('data-theme')), { timeout: 1000 }).toBe('dark');
  expect(await cardBackground()).not.toBe(light);
  await page.getByTestId('host-theme-toggle').click();
  await expect.poll(cardBackground, { timeout: 1000 }).toBe(light);
});

test("on another origin the frame writes in the host's font, which embed.js sends; a stack that names more than fonts is not taken", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const hostFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const frameFont = () => frame.evaluate(() => getComputedStyle(document.body).fontFamily);
  await expect.poll(frameFont).toBe(hostFont);
  // The host's origin may send a font stack: one that is more than font names is ignored.
  await page.evaluate((app) => {
    const target = document.querySelector<HTMLIFrameElement>('[data-testid="showcase-frame-host"] iframe')!.contentWindow!;
    target.postMessage({ type: 'karmada-showcase:theme', version: 1, theme: 'light', font: '"Evil;Font", serif' }, app);
    target.postMessage({ type: 'karmada-showcase:theme', version: 1, theme: 'light', font: 'x, var(--y)' }, app);
  }, new URL(APP).origin);
  await page.waitForTimeout(300);
  expect(await frameFont()).toBe(hostFont);
});

test("the overlay's Close button is in every round of Tab: after the member's last link, before the page is left", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  await frame.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link').click();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const detail = overlay.frameLocator('iframe');
  await expect(detail.getByTestId('member-detail')).toBeVisible();
  const closeButton = overlay.getByRole('button', { name: 'Close' });
  for (let round = 0; round < 2; round++) {
    await detail.locator('a[href], button').last().focus();
    await page.keyboard.press('Tab');
    await expect(closeButton).toBeFocused();
    // Out of the page and back in, into the member.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(overlay).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  }
});

test('a member opens in an overlay over the host page and closes again', async ({ page }) => {
  await watchCsp(page);
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  const id = await card.getAttribute('data-member-id');
  await card.locator('a.card-link').click();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await expect(overlay).toBeVisible();
  const detail = overlay.frameLocator('iframe');
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  // Its close button stands on a background of its own over whatever the member's page shows
  // (on a dark page a bare "×" was black on black), and the member has room around it.
  const closeButton = overlay.getByRole('button', { name: 'Close' });
  expect(await closeButton.evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  const heading = detail.locator('h1');
  const headingBox = (await heading.boundingBox())!;
  const overlayBox = (await overlay.boundingBox())!;
  expect(headingBox.x - overlayBox.x).toBeGreaterThanOrEqual(16);
  // A finger's target (it was 34 × 32 px), clear of the member's own first link.
  const closeBox = (await closeButton.boundingBox())!;
  expect(Math.min(closeBox.width, closeBox.height)).toBeGreaterThanOrEqual(44);
  const backBox = (await detail.getByTestId('back-to-list').boundingBox())!;
  expect(backBox.x + backBox.width <= closeBox.x || backBox.y >= closeBox.y + closeBox.height).toBe(true);
  // The host page's title names the member while it is open, and is its own again after.
  const hostTitle = 'Karmada | Adopters (embedding demo)';
  const name = feed.members.find((m) => m.id === id)!.name.en;
  await expect(page).toHaveTitle(`${name} · Karmada adopters`);
  // So does the dialog, for a screen reader entering it.
  await expect(overlay).toHaveAccessibleName(`${name} · Karmada adopters`);
  // The host page stays where it is; its address names the member while the overlay is open.
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(HOST);
  await expect.poll(hostView).toBe(`/members/${id}`);
  // Its "back" closes the overlay, and leaves the list it goes back to as it was (not loaded
  // again); so do the close button and Escape.
  await frame.evaluate(() => ((window as any).__stayed = true));
  await detail.getByTestId('back-to-list').click();
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  await expect(page).toHaveTitle(hostTitle);
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => (window as any).__stayed)).toBe(true);
  await card.locator('a.card-link').click();
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toHaveCount(0);
  // And a click beside it, on the dimmed page, takes its entry back with it; one on its frame
  // does not.
  await card.locator('a.card-link').click();
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toBeVisible();
  await expect.poll(hostView).toBe(`/members/${id}`);
  const dialogBox = (await overlay.boundingBox())!;
  await page.mouse.click(dialogBox.x + dialogBox.width / 2, dialogBox.y + dialogBox.height - 8);
  await expect(overlay).toBeVisible();
  await page.mouse.click(Math.max(2, dialogBox.x / 2), dialogBox.y + dialogBox.height / 2);
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  await expect(page).toHaveTitle(hostTitle);
  expect(await violations(page)).toEqual([]);
});

/** Turns the wheel over the overlay: its member scrolls, the host page behind it does not. */
async function wheelScrollsOverlay(page: Page) {
  const dialog = page.locator('dialog[data-karmada-showcase-overlay]');
  const hostBefore = await page.evaluate(() => scrollY);
  const box = (await dialog.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => dialog.frameLocator('iframe').locator('html').evaluate(() => scrollY)).toBeGreaterThan(0);
  expect(await page.evaluate(() => scrollY)).toBe(hostBefore);
  // Past the member's end, the wheel does not go on to the host page.
  const member = dialog.frameLocator('iframe').locator('html');
  await member.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  const end = await member.evaluate(() => scrollY);
  for (let turn = 0; turn < 4; turn++) await page.mouse.wheel(0, 600);
  await page.waitForTimeout(500);
  expect(await member.evaluate(() => scrollY)).toBe(end);
  expect(await page.evaluate(() => scrollY)).toBe(hostBefore);
}

test("the overlay's member scrolls under the wheel, not the host page behind it", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  await frame.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link').click();
  await expect(page.locator('dialog[data-karmada-showcase-overlay]').frameLocator('iframe').getByTestId('member-detail')).toBeVisible();
  await wheelScrollsOverlay(page);
});

test("the overlay shows its member at once from the member's static page, before the app in it has started", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  // From now on the app's wasm waits: the overlay's app cannot start until it is released.
  const release = await holdRequests(page);
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  const id = (await card.getAttribute('data-member-id'))!;
  await card.locator('a.card-link').click();
  const detail = page.locator('dialog[data-karmada-showcase-overlay]').frameLocator('iframe');
  await expect(detail.locator('#prerendered [data-prerendered="member-detail"]')).toHaveAttribute('data-member-id', id);
  // This host lists only some kinds (all three, but the copy does not count them): its
  // neighbours and related members keep their place until the app draws them.
  await expect(detail.locator('#prerendered [data-prerendered="neighbours"]')).toBeHidden();
  // The modal overlay alone: the list's frame behind it, with the same landmarks, is inert.
  expect(await axeViolations(page, 'dialog[data-karmada-showcase-overlay]')).toEqual([]);
  // It scrolls before the app has started too.
  await wheelScrollsOverlay(page);
  // Escape closes the overlay before the app has started too: focus is still the host's.
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toHaveCount(0);
  // And once the visitor has moved into the copy, where the host's dialog hears no key.
  await card.locator('a.card-link').click();
  await expect(detail.locator('#prerendered [data-prerendered="member-detail"]')).toHaveAttribute('data-member-id', id);
  await detail.locator('#prerendered a[href^="http"]').first().focus();
  await expect(detail.locator('#prerendered :focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toHaveCount(0);
  await card.locator('a.card-link').click();
  await expect(detail.locator('#prerendered [data-prerendered="member-detail"]')).toHaveAttribute('data-member-id', id);
  release();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  await expect(detail.locator('#prerendered')).toHaveCount(0);
  await expect(detail.getByTestId('neighbours')).toBeVisible();
  // The app, once started, puts focus on the member's heading, as it does without a copy.
  await expect(detail.locator('h1')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toHaveCount(0);
});

test("the framed list links adoption at a glance and the logo wall: each opens in the frame, named in the host's address, and Back returns", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  for (const [testid, path, heading] of [['stats-link', '/stats', 'Adoption at a glance'], ['logos-link', '/logos', 'Logo wall']] as const) {
    const link = frame.getByTestId(testid);
    await expect(link, testid).toBeVisible();
    await link.click();
    const handle = await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle();
    const moved = (await handle!.contentFrame())!;
    await expect(moved.locator('h1'), testid).toHaveText(heading);
    await expect.poll(hostView, testid).toBe(path);
    await page.goBack();
    await expect.poll(hostView, testid).toBeNull();
    await showcaseFrame(page);
  }
});

test("on a phone, the frame's filter sheet closes onto its results: the host page shows them, not what lies past them", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(hostPage());
  // karmada.io's navbar stays at the top, 60 px tall.
  await page.addStyleTag({ content: '.navbar { position: sticky; top: 0; z-index: 10; height: 60px; box-sizing: border-box; background: Canvas; }' });
  const frame = await showcaseFrame(page);
  await steadyFrameHeight(page);
  // In the frame the sheet opens in the flow, above the results, as long as its facets.
  await frame.getByTestId('filters-toggle').click();
  await frame.getByTestId('kind-filter-vendor').check();
  const done = frame.getByTestId('filters-done');
  await done.scrollIntoViewIfNeeded();
  await done.click();
  const results = frame.locator('section.results');
  await expect(results).toBeFocused();
  const count = frame.locator('.result-count');
  await expect(count).toContainText(String(feed.members.filter((m) => m.kinds.includes('vendor')).length));
  // On the host's screen, clear of its navbar: the results' count, and the first card below it.
  const box = (await count.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(60);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  const first = (await frame.getByTestId('member-card').filter({ visible: true }).first().boundingBox())!;
  expect(first.y).toBeLessThan(844);
});

test("on a phone, the browser's Back closes the host's overlay, however far the visitor went in it; closed by its button it leaves no history behind", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Where the visitor came from: Back from the host page itself goes there.
  await page.goto(`${HOST}docs.html`);
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const hostTitle = await page.title();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const detail = overlay.frameLocator('iframe');
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  const id = await card.getAttribute('data-member-id');

  await card.locator('a.card-link').click();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  // Two moves inside the overlay: the host's address follows, history does not grow.
  await detail.getByTestId('next-member').click();
  await expect(detail.getByTestId('member-detail')).not.toHaveAttribute('data-member-id', id!);
  const second = await detail.getByTestId('member-detail').getAttribute('data-member-id');
  await detail.getByTestId('next-member').click();
  await expect(detail.getByTestId('member-detail')).not.toHaveAttribute('data-member-id', second!);
  // The host's address names the member last shown (not the one before, on a slow machine).
  const lastSeen = `/members/${await detail.getByTestId('member-detail').getAttribute('data-member-id')}`;
  await expect.poll(hostView).toBe(lastSeen);
  await page.goBack();
  await expect(overlay).toHaveCount(0);
  expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(HOST);
  await expect.poll(hostView).toBeNull();
  await expect(page).toHaveTitle(hostTitle);
  // Forward brings the member back, and Back closes it again.
  await page.goForward();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', lastSeen!.split('/members/')[1]);
  await page.goBack();
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  // Brought back by Forward and closed by its button, it still takes its entry back with it
  // (it stayed behind as a second entry of the list, which Back then seemed to ignore).
  await page.goForward();
  await expect(detail.getByTestId('member-detail')).toBeVisible();
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();

  // Closed by its button (or Escape), it takes its entry with it: Back leaves the host page.
  await card.locator('a.card-link').click();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  await card.locator('a.card-link').click();
  await expect(overlay).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  // Reloaded while it is open, it opens again on its entry, and closed it still takes that
  // entry with it (it stayed, the list's view twice, and Back seemed to do nothing).
  await card.locator('a.card-link').click();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  await page.reload();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBeNull();
  await expect.poll(() => page.evaluate(() => history.state?.karmadaShowcaseOverlay ?? null)).toBeNull();
  await page.goBack();
  await expect(page.getByTestId('host-docs')).toBeVisible();
});

test("the overlay's history entry keeps the host's state; Forward onto an entry the host made for a member opens it, and closing it takes no step back", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  const hostState = () => page.evaluate(() => history.state);
  // The host router's state on its list entry.
  await page.evaluate(() => history.replaceState({ key: 'list' }, ''));
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  const id = (await card.getAttribute('data-member-id'))!;
  await card.locator('a.card-link').click();
  await expect(overlay).toHaveCount(1);
  // The overlay's entry: the host's state, marked as the overlay's.
  expect(await hostState()).toEqual({ key: 'list', karmadaShowcaseOverlay: 1 });
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostState).toEqual({ key: 'list' });
  // The host's own link to the member (its router pushes an entry; nothing opens).
  await page.evaluate((member) => {
    const url = new URL(location.href);
    url.searchParams.set('showcase', `/members/${member}`);
    history.pushState({ key: 'host-link' }, '', url.href);
  }, id);
  const length = await page.evaluate(() => history.length);
  await page.goBack();
  await expect.poll(hostState).toEqual({ key: 'list' });
  await page.goForward();
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect(overlay).toHaveCount(0);
  // Still on the host's entry, which now names the list; Back goes to the entry before it.
  await expect.poll(hostView).toBeNull();
  expect(await hostState()).toEqual({ key: 'host-link' });
  expect(await page.evaluate(() => history.length)).toBe(length);
  await page.goBack();
  await expect.poll(hostState).toEqual({ key: 'list' });
});

test('a card reached by Tab in the frame comes wholly onto the host page\'s screen, not only its name', async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  await expect(frame.getByTestId('member-card').first()).toBeVisible();
  const seen: string[] = [];
  for (let press = 0; press < 80 && seen.length < 10; press++) {
    await page.keyboard.press('Tab');
    const card = frame.locator('[data-testid="member-card"]:focus-within');
    if ((await card.count()) === 0) continue;
    seen.push((await card.getAttribute('data-member-id'))!);
    const box = (await card.boundingBox())!;
    expect(box.y, seen.at(-1)).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, seen.at(-1)).toBeLessThanOrEqual(page.viewportSize()!.height);
  }
  expect(seen.length).toBe(10);
});

test('a keyboard visitor who closes the overlay goes on from the card that opened it', async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const card = frame.getByTestId('member-card').filter({ visible: true }).nth(2);
  const id = await card.getAttribute('data-member-id');
  await card.locator('a.card-link').focus();
  await page.keyboard.press('Enter');
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await expect
    .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-member-id]')?.getAttribute('data-member-id') ?? null))
    .toBe(id);
});

test('two quick opens (a double click) give one overlay and one history entry', async ({ page }) => {
  await page.goto(`${HOST}docs.html`);
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const [first, second] = feed.members.slice(0, 2).map((m) => m.id);
  await frame.evaluate(([a, b]) => {
    for (const id of [a, b]) parent.postMessage({ type: 'karmada-showcase:open', version: 1, id }, '*');
  }, [first, second]);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toHaveAttribute('data-member-id', second);
  await expect(overlay).toHaveCount(1);
  await page.goBack();
  await expect(overlay).toHaveCount(0);
  expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(HOST);
  await page.goBack();
  await expect(page.getByTestId('host-docs')).toBeVisible();
});

test('a member opened while the overlay is closing opens, on one entry of its own', async ({ page }) => {
  await page.goto(`${HOST}docs.html`);
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const [first, second] = feed.members.slice(0, 2).map((m) => m.id);
  const open = (id: string) => frame.evaluate((id) => parent.postMessage({ type: 'karmada-showcase:open', version: 1, id }, '*'), id);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const detail = overlay.frameLocator('iframe').getByTestId('member-detail');
  await open(first);
  await expect(detail).toHaveAttribute('data-member-id', first);
  // Closed, and another member asked for before the host's step back has landed (a slow
  // device's step, held here until the request has had time to arrive).
  await page.evaluate(() => {
    const back = history.back.bind(history);
    history.back = () => ((window as any).__releaseBack = back);
  });
  await overlay.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.evaluate(() => typeof (window as any).__releaseBack)).toBe('function');
  await open(second);
  await page.waitForTimeout(300);
  await page.evaluate(() => (window as any).__releaseBack());
  await expect(detail).toHaveAttribute('data-member-id', second);
  // Still open once that step has landed.
  await page.waitForTimeout(500);
  await expect(overlay).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${second}`);
  await page.goBack();
  await expect(overlay).toHaveCount(0);
  expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(HOST);
  await page.goBack();
  await expect(page.getByTestId('host-docs')).toBeVisible();
});

test("a link in the overlay's member to its industry's members closes the overlay and filters the list's frame", async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const member = feed.members.find((m) => m.industry && feed.members.filter((o) => o.industry === m.industry).length > 1)!;
  const inIndustry = feed.members.filter((m) => m.industry === member.industry).length;
  const card = frame.locator(`[data-testid="member-card"][data-member-id="${member.id}"]`);
  await card.locator('a.card-link').click();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const detail = overlay.frameLocator('iframe');
  // The visitor is far down the host page, as after opening a card low in the list.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await detail.getByTestId('industry-list').click();
  // Not a second list inside the overlay: the overlay is gone and the list behind it is the
  // industry's, its view in the host's address, and its top is on screen.
  await expect(overlay).toHaveCount(0);
  await expect
    .poll(() => page.locator('[data-testid="showcase-frame-host"] iframe').evaluate((f) => f.getBoundingClientRect().top))
    .toBeGreaterThanOrEqual(-1);
  await expect(frame.getByTestId('member-card').filter({ visible: true })).toHaveCount(inIndustry);
  await expect(frame.getByTestId(`industry-filter-${member.industry}`)).toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe(`/?industry=${member.industry}`);
  // The overlay's history entry went with it, so Back is the list's step back: every member.
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBeNull();
  await expect(frame.getByTestId(`industry-filter-${member.industry}`)).not.toBeChecked();
  expect(`${new URL(page.url()).origin}${new URL(page.url()).pathname}`).toBe(HOST);
  // A related member stays in the overlay, as a member does, and the list behind is untouched.
  await frame.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link').click();
  await expect(overlay).toBeVisible();
  const listAddress = frame.url();
  const related = detail.getByTestId('related-member').first();
  const relatedId = (await related.getAttribute('href'))!.split('/members/')[1].split('?')[0];
  await related.click();
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', relatedId);
  await expect(overlay).toBeVisible();
  expect(frame.url()).toBe(listAddress);
  // Its join button goes to the list's frame too.
  await detail.getByTestId('join-cta').click();
  await expect(overlay).toHaveCount(0);
  await expect(frame.getByTestId('join-page')).toBeVisible();
});

test("on a phone, the frame's filter sheet opens where the visitor is looking, not at the frame's bottom", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  // The host sizes the frame to its content, so the frame's own viewport is thousands of
  // pixels tall: a sheet fixed to its bottom would be far below the screen.
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(3000);
  const toggle = frame.getByTestId('filters-toggle');
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(frame.getByTestId('kind-filter-adopter')).toBeFocused();
  await expect(frame.locator('#facet-groups')).toBeInViewport();
  await expect(frame.getByTestId('kind-filter-adopter')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test("the frame's view lives in the host page's address: shared, reloaded, and never outside the app", async ({ page }) => {
  await watchCsp(page);
  await page.goto(hostPage());
  let frame = await showcaseFrame(page);
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  expect(hostView()).toBeNull();
  await frame.getByTestId('kind-filter-vendor').check();
  await expect.poll(hostView).toBe('/?kind=vendor');
  expect(new URL(page.url()).searchParams.get('app')).toBe(APP); // the host's own parameters stay
  const vendors = feed.members.filter((m) => m.kinds.includes('vendor')).length;
  // Reloading (or sharing) the host address brings the same view back.
  await page.reload();
  frame = await showcaseFrame(page);
  await expect(frame.getByTestId('kind-filter-vendor')).toBeChecked();
  await expect(frame.getByTestId('result-count')).toContainText(String(vendors));
  // Back to the unfiltered list: the parameter goes away.
  await frame.getByTestId('clear-all').click();
  await expect.poll(hostView).toBeNull();

  // A shared link to a member opens it as it was shared: this host shows members in its overlay,
  // so the member is there, over the list with the link's filters and language.
  const member = feed.members.find((m) => m.announcement && m.kinds.includes('vendor')) ?? feed.members[0];
  await page.goto(`${hostPage()}&showcase=${encodeURIComponent(`/members/${member.id}?lang=zh&kind=vendor`)}`);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await expect(overlay).toBeVisible();
  const detail = overlay.frameLocator('iframe');
  await expect(detail.getByTestId('member-detail')).toHaveAttribute('data-member-id', member.id);
  await expect(detail.locator('html')).toHaveAttribute('lang', 'zh-CN');
  frame = await showcaseFrame(page);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(frame.getByTestId('kind-filter-vendor')).toBeChecked();
  await expect.poll(hostView).toBe(`/members/${member.id}?lang=zh&kind=vendor`);
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await expect.poll(hostView).toBe('/?lang=zh&kind=vendor');
  // Opened by the address, it added no step to the host's history: Back leaves the host page
  // (for the list's view, the step before).
  await page.goBack();
  await expect.poll(hostView).toBeNull();
  await expect(overlay).toHaveCount(0);

  // A crafted view cannot leave the app, nor change the embedding the host chose.
  const frameSrc = () => page.locator('[data-testid="showcase-frame-host"] iframe').getAttribute('src');
  for (const view of ['//evil.example/x', 'https://evil.example/', '/../../outside', '/%2e%2e/%2e%2e/outside', '/\\evil.example']) {
    await page.goto(`${hostPage()}&showcase=${encodeURIComponent(view)}`);
    await showcaseFrame(page);
    const src = new URL((await frameSrc())!);
    expect(`${src.origin}${src.pathname}`, view).toBe(APP);
  }
  await page.goto(`${hostPage()}&showcase=${encodeURIComponent('/?kind=partner&host=https://evil.example&feed=/x.json&details=inline')}`);
  frame = await showcaseFrame(page);
  const src = new URL((await frameSrc())!);
  expect(src.searchParams.get('host')).toBe(new URL(HOST).origin);
  expect(src.searchParams.get('feed')).toBeNull();
  expect(src.searchParams.get('details')).toBe('overlay');
  expect(src.searchParams.get('kind')).toBe('partner');
  expect(await violations(page)).toEqual([]);
});

test('two frames on one page keep their views in two parameters', async ({ page }) => {
  // demo/host/two.html: two embeds, neither with a data-link of its own.
  await page.goto(hostPage('two.html'));
  const embedded = async (testid: string) => {
    const frame = await (await page.locator(`[data-testid="${testid}"] iframe`).elementHandle())!.contentFrame();
    await frame!.waitForSelector('[data-testid="member-card"]');
    return frame!;
  };
  const first = await embedded('first-embed');
  const second = await embedded('second-embed');
  const param = (name: string) => () => new URL(page.url()).searchParams.get(name);
  await first.getByTestId('search').fill('cloud');
  await expect.poll(param('showcase')).toBe('/?q=cloud');
  await second.getByTestId('kind-filter-partner').check();
  await expect.poll(param('showcase2')).toBe('/?kind=partner');
  expect(param('showcase')()).toBe('/?q=cloud');
  // The shared address brings both views back.
  await page.reload();
  await expect((await embedded('first-embed')).getByTestId('search')).toHaveValue('cloud');
  await expect((await embedded('second-embed')).getByTestId('kind-filter-partner')).toBeChecked();
});

test("an overlay that is closing cannot name its member in the list's history entry, which Back went to", async ({ page }) => {
  // The dialog's `close` event, which removes the overlay, held back: what its app says in
  // the meantime (as when it starts just as the visitor goes back) comes from a closed overlay.
  await page.addInitScript(() => {
    let held = false;
    addEventListener(
      'close',
      (event) => {
        const dialog = event.target as HTMLElement;
        if (held || !dialog.matches('dialog[data-karmada-showcase-overlay]')) return;
        held = true;
        event.stopImmediatePropagation();
        (window as any).__releaseClose = () => dialog.dispatchEvent(new Event('close'));
      },
      true,
    );
  });
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  const id = (await card.getAttribute('data-member-id'))!;
  await card.locator('a.card-link').click();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  const hostView = () => new URL(page.url()).searchParams.get('showcase');
  await page.goBack();
  await expect.poll(hostView).toBeNull();
  await expect(overlay).toBeHidden();
  const overlayFrame = page.frames().find((f) => f.url().includes('overlay='))!;
  await overlayFrame.evaluate((path) => parent.postMessage({ type: 'karmada-showcase:view', version: 1, path }, '*'), `/members/${id}`);
  await overlayFrame.evaluate((title) => parent.postMessage({ type: 'karmada-showcase:title', version: 1, title }, '*'), 'Forged');
  // A message the list's frame sends after them is handled: the two before it were too.
  await frame.locator('body').evaluate(() => parent.postMessage({ type: 'karmada-showcase:resize', version: 1, height: 777 }, '*'));
  await expect.poll(() => frameHeight(page)).toBe(777);
  expect(hostView()).toBeNull();
  expect(await page.title()).not.toBe('Forged');
  await page.evaluate(() => (window as any).__releaseClose());
  await expect(overlay).toHaveCount(0);
});

test('messages from a wrong origin, or of another version, are ignored on both sides', async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  // The list renders its cards in idle batches, and the frame grows with them: wait until its
  // height has held, or that growth would read as an obeyed message.
  const before = await steadyFrameHeight(page);
  // Host side: a forged resize from another origin, and one with no source frame.
  await page.evaluate(() => {
    for (const origin of ['https://evil.example', new URL(document.querySelector('iframe')!.src).origin]) {
      window.dispatchEvent(new MessageEvent('message', { origin, data: { type: 'karmada-showcase:resize', version: 1, height: 7 } }));
    }
  });
  await page.waitForTimeout(100);
  expect(await frameHeight(page)).toBe(before);
  // App side: a forged theme change from another origin, and a right-origin one of version 2.
  await frame.evaluate(() => {
    window.dispatchEvent(new MessageEvent('message', { origin: 'https://evil.example', data: { type: 'karmada-showcase:theme', version: 1, theme: 'dark' } }));
    window.dispatchEvent(new MessageEvent('message', { origin: new URL(document.referrer).origin, data: { type: 'karmada-showcase:theme', version: 2, theme: 'dark' } }));
  });
  await page.waitForTimeout(100);
  expect(await frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('light');
  // The right origin and version is obeyed (so the two above were refused for their origin and version).
  await frame.evaluate(() =>
    window.dispatchEvent(new MessageEvent('message', { origin: new URL(document.referrer).origin, data: { type: 'karmada-showcase:theme', version: 1, theme: 'dark' } })),
  );
  await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
});

test('resize messages the frame sends are numbers in a sane range, or ignored', async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  await expect(frame.getByTestId('member-card').first()).toBeVisible();
  // The app's own resizes stop once its cards are all built.
  await steadyFrameHeight(page);
  const send = (height: unknown) =>
    frame.evaluate((h) => parent.postMessage({ type: 'karmada-showcase:resize', version: 1, height: h }, '*'), height);
  await send(900);
  await expect.poll(() => frameHeight(page)).toBe(900);
  // Not numbers, not finite, not positive: ignored.
  for (const height of ['1e9', 'abc', null, -5, 0, Number.NaN, Number.POSITIVE_INFINITY]) await send(height);
  await page.waitForTimeout(200);
  expect(await frameHeight(page)).toBe(900);
  // Numbers beyond any page: held to the limit.
  for (const height of [1e9, 1e308]) {
    await send(height);
    await expect.poll(() => frameHeight(page)).toBe(100000);
  }
});

test('in-page mode: host CSS cannot break the cards and host links stay the host’s', async ({ page }) => {
  await watchCsp(page);
  await page.goto(hostPage('inline.html'));
  const cards = page.locator('[data-testid="showcase-inline-host"] [data-testid="member-card"]').filter({ visible: true });
  await expect(cards.first()).toBeVisible();
  await expect(cards).toHaveCount(Math.min(feed.members.length, 48));
  // hostile.css hides every <article> and <img> and paints links red: not inside the showcase.
  const link = cards.first().locator('a.card-link');
  expect(await link.evaluate((a) => getComputedStyle(a).color)).not.toBe('rgb(255, 0, 0)');
  // The text is in the host page's font (demo/host/host.css), not the showcase's own stack.
  expect(await link.evaluate((a) => getComputedStyle(a).fontFamily)).toBe(await page.evaluate(() => getComputedStyle(document.body).fontFamily));
  // Theme follows the host's <html data-theme>.
  await page.getByTestId('host-theme-toggle').click();
  await expect
    .poll(() => page.locator('[data-testid="showcase-inline-host"]').getAttribute('data-theme'))
    .toBe('dark');
  // Filtering inside works, and a link of the host page is a normal navigation.
  // Inside the shadow root "/" is typed, not taken as the jump-to-search key.
  const search = page.locator('[data-testid="showcase-inline-host"] [data-testid="search"]');
  await search.focus();
  await page.keyboard.type('x/y');
  await expect(search).toHaveValue('x/y');
  await search.fill(feed.members[0].name.en);
  await expect(cards.first()).toHaveAttribute('data-member-id', feed.members[0].id);
  // A host link under the page's own path (the app's base in this mode) is the host's too: a
  // real page load, not the app's router.
  await page.evaluate(() => ((window as any).__samePage = true));
  await page.getByTestId('host-same-path-link').click();
  await page.waitForURL(`${HOST}inline.html?page=2`);
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => (window as any).__samePage ?? false)).toBe(false);
  await page.goBack();
  await page.getByTestId('host-link').click();
  await expect(page.getByTestId('host-docs')).toBeVisible();
  expect(page.url()).toBe(`${HOST}docs.html`);
});

test("in-page mode keeps the host page's own parameters through the list's moves, and links the showcase when it cannot start", async ({ page }) => {
  await page.goto(`${hostPage('inline.html')}&tab=users`);
  const host = page.locator('[data-testid="showcase-inline-host"]');
  const cards = host.locator('[data-testid="member-card"]').filter({ visible: true });
  await expect(cards.first()).toBeVisible();
  const hostParams = () => new URL(page.url()).searchParams;
  await host.getByTestId('kind-filter-vendor').check();
  await expect.poll(() => hostParams().get('kind')).toBe('vendor');
  expect(hostParams().get('tab')).toBe('users');
  expect(hostParams().get('app')).toBe(APP);
  const id = await cards.first().getAttribute('data-member-id');
  const hostTitle = await page.title();
  await cards.first().locator('a.card-link').click();
  await expect(host.getByTestId('member-detail')).toHaveAttribute('data-member-id', id!);
  expect(hostParams().get('tab')).toBe('users');
  // While the member is shown, the host's title names it (the visitor's history says which).
  const member = feed.members.find((m) => m.id === id)!;
  await expect(page).toHaveTitle(`${member.name.en} · Karmada adopters`);
  await page.goBack();
  await expect(host.getByTestId('kind-filter-vendor')).toBeChecked();
  await expect(page).toHaveTitle(hostTitle);
  await page.goForward();
  await expect(page).toHaveTitle(`${member.name.en} · Karmada adopters`);
  await page.goBack();
  await expect(page).toHaveTitle(hostTitle);
  expect(hostParams().get('tab')).toBe('users');
  expect(hostParams().getAll('tab')).toEqual(['users']);

  // The app's module cannot load (a host's policy, a network): a link to the showcase instead.
  await page.route('**/karmada-showcase.js', (route) => route.abort());
  await page.goto(hostPage('inline.html'));
  const link = host.locator('a');
  await expect(link).toHaveAttribute('href', APP);
  await expect(link).toHaveCount(1);
});

test('in a frame, the join page (another binary) opens embedded: the options stay and the frame follows the form', async ({ page }) => {
  await page.goto(hostPage());
  const frame = await showcaseFrame(page);
  const before = new URL(frame.url()).searchParams;
  await frame.getByTestId('join-cta').click();
  await frame.waitForURL(/\/adopters\/join\?/);
  const after = new URL(frame.url()).searchParams;
  for (const name of ['embed', 'host', 'details', 'kinds']) expect(after.get(name), name).toBe(before.get(name));
  await frame.getByTestId('join-field-org-name').fill('Framed Corp');
  await expect(frame.getByTestId('join-preview')).toContainText('Framed Corp');
  // Embedded: no page chrome, and the host sizes the frame to the form, as it did the list.
  await expect(frame.locator('.showcase.embedded')).toHaveCount(1);
  await expect
    .poll(async () => Math.abs((await frameHeight(page)) - (await frame.evaluate(() => document.documentElement.scrollHeight))))
    .toBeLessThan(2);
});

test("in-page mode: the call to action opens the showcase's own join page (another binary)", async ({ page }) => {
  await page.goto(hostPage('inline.html'));
  const host = page.locator('[data-testid="showcase-inline-host"]');
  const cta = host.getByTestId('join-cta');
  await expect(cta).toHaveAttribute('href', `${APP}join?lang=en`);
  await cta.click();
  await page.waitForURL(`${APP}join?lang=en`);
  await page.getByTestId('join-field-org-name').fill('In-page Corp');
  await expect(page.getByTestId('join-preview')).toContainText('In-page Corp');
});

test('reload on a deep link under the sub-path works, under the CSP', async ({ page }) => {
  await watchCsp(page);
  const member = feed.members.find((m) => m.announcement) ?? feed.members[0];
  await page.goto(`members/${member.id}`);
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', member.id);
  await page.reload();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', member.id);
  expect(await violations(page)).toEqual([]);
});

test('the host page with the embed has no accessibility violations', async ({ page }) => {
  await page.goto(hostPage());
  await showcaseFrame(page);
  expect(await axeViolations(page)).toEqual([]);
});

test("a single-page host that renders its element anew: Forward onto an overlay's entry opens one overlay", async ({ page }) => {
  await page.goto(hostPage());
  let frame = await showcaseFrame(page);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  const card = frame.getByTestId('member-card').filter({ visible: true }).first();
  await card.locator('a.card-link').click();
  await expect(overlay).toHaveCount(1);
  // Its entry names the member at once, before the overlay's app has started.
  expect(new URL(page.url()).searchParams.get('showcase')).toMatch(/^\/members\//);
  await page.goBack();
  await expect(overlay).toHaveCount(0);
  // As React would after leaving the page and coming back: a new element, scanned again.
  await page.evaluate(() => {
    const old = document.querySelector('[data-testid="showcase-frame-host"]')!;
    const box = old.cloneNode(false) as HTMLElement;
    box.removeAttribute('data-karmada-showcase-ready');
    old.replaceWith(box);
    (window as any).karmadaShowcaseEmbed.scan();
  });
  frame = await showcaseFrame(page);
  await page.goForward();
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toBeVisible();
  await expect(overlay).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  // The new element keeps the page's parameter for its view.
  await frame.getByTestId('kind-filter-vendor').check();
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe('/?kind=vendor');
});

test('a single-page host that goes to another page while the overlay is open: the overlay goes too, and no step back follows', async ({ page }) => {
  // The host's router, listening before embed.js: leaving the list's page removes the
  // element before embed.js hears the popstate (React re-renders first).
  await page.addInitScript(() =>
    addEventListener('popstate', () => location.search.includes('route=list') || document.querySelector('[data-testid="showcase-frame-host"]')?.remove()),
  );
  await page.goto(hostPage());
  const elsewhere = page.url();
  // The list's page is an entry of its own.
  await page.evaluate(() => history.pushState(null, '', `${location.href}&route=list`));
  const frame = await showcaseFrame(page);
  const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
  await frame.getByTestId('member-card').filter({ visible: true }).first().locator('a.card-link').click();
  await expect(overlay.frameLocator('iframe').getByTestId('member-detail')).toBeVisible();
  // Two steps back at once (the history menu), to the host's other page.
  await page.evaluate(() => history.go(-2));
  await expect(overlay).toHaveCount(0);
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(elsewhere);
});

test('a single-page host adds the element later and calls scan(); the frame appears once', async ({ page }) => {
  await page.goto(hostPage('docs.html'));
  // docs.html has no showcase element; load embed.js as the Docusaurus component does.
  await page.evaluate((app) => {
    const script = document.createElement('script');
    script.src = new URL('embed.js', app).href;
    document.head.appendChild(script);
  }, APP);
  await page.waitForFunction(() => (window as any).karmadaShowcaseEmbed?.version === 1);
  await page.evaluate((app) => {
    const box = document.createElement('div');
    box.setAttribute('data-karmada-showcase', '');
    box.setAttribute('data-testid', 'late-host');
    box.setAttribute('data-src', app);
    document.querySelector('main')!.appendChild(box);
    (window as any).karmadaShowcaseEmbed.scan();
    (window as any).karmadaShowcaseEmbed.scan(); // idempotent: a re-render must not add a second frame
  }, APP);
  const frames = page.locator('[data-testid="late-host"] iframe');
  await expect(frames).toHaveCount(1);
  const frame = await (await frames.elementHandle())!.contentFrame();
  await frame!.waitForSelector('[data-testid="member-card"]');
});

test('embed.js loads an app only from its own origin, whatever data-src the page markup says', async ({ page }) => {
  const attacker: string[] = [];
  await page.route('https://attacker.example/**', (route) => {
    attacker.push(route.request().url());
    return route.fulfill({ contentType: 'text/javascript', body: 'window.__owned = true; export default () => {};' });
  });
  // Markup a sanitiser lets through (data attributes), beside the real embed.
  await page.route(`${HOST}sanitised.html*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Comments</title></head><body><main>
      <div data-karmada-showcase data-testid="hostile-inline" data-mode="inline" data-src="https://attacker.example/"></div>
      <div data-karmada-showcase data-testid="hostile-frame" data-src="https://attacker.example/app/"></div>
      <div data-karmada-showcase data-testid="hostile-feed" data-mode="inline" data-src="${APP}" data-feed="https://attacker.example/feed.json"></div>
      <div data-karmada-showcase data-testid="showcase-frame-host" data-src="${APP}" data-lang="en"></div>
      <script src="${APP}embed.js"></script></main></body></html>`,
    }),
  );
  await page.goto(`${HOST}sanitised.html`);
  await showcaseFrame(page);
  await expect(page.getByTestId('hostile-frame').locator('iframe')).toHaveCount(0);
  await expect(page.getByTestId('hostile-frame')).toHaveAttribute('data-karmada-showcase-ready', 'refused');
  // The in-page app from the allowed origin shows the real feed, not the markup's.
  await expect(page.getByTestId('hostile-feed').locator('[data-testid="member-card"]').first()).toBeVisible();
  await page.evaluate(() => (window as any).karmadaShowcaseEmbed.scan());
  await page.waitForTimeout(300);
  expect(attacker).toEqual([]);
  expect(await page.evaluate(() => (window as any).__owned ?? false)).toBe(false);
  expect(await page.evaluate(() => (window as any).__karmadaShowcase?.feed)).toBe(`${APP}members.json`);
});

test('another origin cannot frame the showcase under the headers it ships', async ({ page }) => {
  // localhost is another origin than the demo host's 127.0.0.1, which the tests allow.
  const other = `http://localhost:${HOST_PORT}/`;
  await page.route(`${other}framer.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>Framer</title><iframe id="f" src="${APP}join"></iframe>` }),
  );
  const refusals: string[] = [];
  page.on('console', (message) => message.text().includes('frame-ancestors') && refusals.push(message.text()));
  await page.goto(`${other}framer.html`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  await expect(page.frameLocator('#f').locator('.showcase')).toHaveCount(0);
});

test('a frame talks to the page that framed it, whatever host= its address names', async ({ page }) => {
  await page.route(`${HOST}crafted-host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><title>Host</title><script>window.__heard = []; addEventListener('message', (e) => __heard.push(e.origin + ' ' + (e.data && e.data.type)));</script>
      <iframe src="${APP}?embed=1&host=https%3A%2F%2Fevil.example" title="Showcase"></iframe>`,
    }),
  );
  await page.goto(`${HOST}crafted-host.html`);
  const app = new URL(APP).origin;
  await expect
    .poll(() => page.evaluate(() => (window as any).__heard as string[]))
    .toContain(`${app} karmada-showcase:ready`);
});

test('embed.js stays under 3 KB gzip with no dependency', async ({ request }) => {
  const response = await request.get(`${APP}embed.js`);
  expect(response.ok()).toBe(true);
  const body = await response.body();
  const { gzipSync } = await import('node:zlib');
  expect(gzipSync(body, { level: 9 }).length).toBeLessThan(3 * 1024);
  expect(body.toString()).not.toMatch(/\bimport\s|require\(/);
});

test.describe("a frame in the host page's HTML", () => {
  /// The host page as karmada.io's Docusaurus build serves it with the README's component: the
  /// frame is in the static HTML with a reserved height and a no-script link, and embed.js comes
  /// late, after the host's own scripts (`embedDelayMs`), as React's hydration would load it.
  function staticFramePage(embedDelayMs: number, theme = 'light', plain = false) {
    // `plain`: the README's component with no options but the language.
    const src = plain ? `${APP}?embed=1&lang=en` : `${APP}?embed=1&lang=en&kinds=adopter%2Cvendor%2Cpartner&details=overlay`;
    const options = plain ? '' : ' data-kinds="adopter,vendor,partner" data-details="overlay"';
    return `<!DOCTYPE html>
  <html lang="en" data-theme="${theme}">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Karmada | Adopters</title><link rel="stylesheet" href="host.css"></head>
  <body>
  <nav class="navbar" aria-label="Main"><a class="brand" href="./">Karmada</a></nav>
  <main>
  <h1>Karmada Adopters</h1>
  <p>The frame below is in this page's HTML.</p>
  <div data-karmada-showcase data-testid="showcase-frame-host" data-src="${APP}" data-lang="en"${options}>
  <iframe data-karmada-showcase-frame src="${src}" title="Karmada adopters, vendors and partners" scrolling="no" style="display:block;width:100%;border:0;height:1400px;color-scheme:normal"></iframe>
  <noscript><a data-testid="no-script-link" href="${APP}">Karmada adopters, vendors and partners</a></noscript>
  </div>
  <footer data-testid="host-footer"><a href="docs.html">A link of the host page</a></footer>
  </main>
  <script>setTimeout(function () { var s = document.createElement("script"); s.src = ${JSON.stringify(`${APP}embed.js`)}; document.head.appendChild(s); }, ${embedDelayMs});</script>
  </body></html>`;
  }

  async function openStaticFramePage(page: Page, embedDelayMs: number, theme = 'light', plain = false) {
    await page.route(`${HOST}static-frame.html*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: staticFramePage(embedDelayMs, theme, plain) }),
    );
    await page.addInitScript(() => {
      (window as any).__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${HOST}static-frame.html`);
  }

  test("a frame in the host's HTML is adopted, not reloaded: it sizes, themes and links, and the host does not jump", async ({ page }) => {
    await watchCsp(page);
    const loads: string[] = [];
    page.on('framenavigated', (f) => f !== page.mainFrame() && loads.push(f.url()));
    // embed.js arrives after the frame's app has started and said its first messages to nobody.
    await openStaticFramePage(page, 2500, 'dark');
    const frame = await showcaseFrame(page);
    // Same origin or not, the host's theme reaches the frame once embed.js is there.
    await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    // Sized to its content, from the reserved 1,400 px, without a scrollbar inside.
    await expect
      .poll(async () => Math.abs((await frameHeight(page)) - (await frame.evaluate(() => document.body.scrollHeight))))
      .toBeLessThanOrEqual(1);
    expect(await frameHeight(page)).not.toBe(1400);
    await expect(page.locator('[data-testid="showcase-frame-host"] iframe')).toHaveCount(1);
    expect(loads.filter((url) => url.startsWith(APP))).toHaveLength(1);
    // The views still reach the host's address, without what the element sets itself (its
    // data-lang): the plain list needs no parameter at all.
    expect(new URL(page.url()).searchParams.get('showcase')).toBeNull();
    await frame.getByTestId('kind-filter-vendor').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe('/?kind=vendor');
    // The frame's growth happened below the first screen: the host page did not jump.
    expect(await page.evaluate(() => (window as any).__layoutShift)).toBeLessThanOrEqual(0.05);
    expect(await violations(page)).toEqual([]);
  });

  test("embed.js's tag inside the element (the README's component) sets it up before the host's deferred scripts, and the effect's second load changes nothing", async ({ page }) => {
    // As a Docusaurus page: embed.js's tag is the element's last child in the page's HTML, the
    // rest of the page is still on its way (a script that holds the parser), the host's bundle
    // is a deferred script (slow to come, long to run), and after it the component's effect
    // loads embed.js again, as on a page React drew itself.
    const id = feed.members[2].id;
    const page_ = staticFramePage(0).replace(
      '</noscript>\n  </div>',
      `</noscript>\n  <script async src="${APP}embed.js"></script>\n  </div>\n  <script src="rest-of-page.js"></script>\n  <script defer src="host-bundle.js"></script>`,
    ).replace('setTimeout(function () {', 'addEventListener("load", function () { setTimeout(function () {').replace('}, 0);</script>', '}, 0); });</script>');
    expect(page_).toContain('host-bundle.js');
    await page.route(`${HOST}early-embed.html*`, (route) => route.fulfill({ contentType: 'text/html', body: page_ }));
    await page.route(`${HOST}rest-of-page.js`, async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.fulfill({
        contentType: 'text/javascript',
        body: `window.__whileParsing = document.querySelector('[data-karmada-showcase]').getAttribute('data-karmada-showcase-ready');`,
      });
    });
    await page.route(`${HOST}host-bundle.js`, async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.fulfill({
        contentType: 'text/javascript',
        body: `window.__beforeBundle = {
          ready: document.querySelector('[data-karmada-showcase]').getAttribute('data-karmada-showcase-ready'),
          overlay: !!document.querySelector('dialog[data-karmada-showcase-overlay]'),
          embed: 'karmadaShowcaseEmbed' in window,
        };
        for (const end = performance.now() + 800; performance.now() < end; );`,
      });
    });
    const embedLoads: string[] = [];
    page.on('request', (request) => request.url().endsWith('/embed.js') && embedLoads.push(request.url()));
    // A shared member of this overlay host: open over the list before the host's bundle has run.
    await page.goto(`${HOST}early-embed.html?showcase=${encodeURIComponent(`/members/${id}`)}`);
    await expect.poll(() => page.evaluate(() => (window as any).__beforeBundle ?? null)).toEqual({ ready: '1', overlay: true, embed: true });
    // Not only once the page was parsed: as embed.js came.
    expect(await page.evaluate(() => (window as any).__whileParsing)).toBe('1');
    const overlay = page.locator('dialog[data-karmada-showcase-overlay]');
    await expect(overlay.frameLocator('iframe').locator(`[data-member-id="${id}"]`).first()).toBeVisible();
    // The host's title names the member, even after the host has set its own as it started (as
    // a Docusaurus page's head does after its hydration), and the dialog does too.
    const name = feed.members[2].name.en;
    await expect(page).toHaveTitle(`${name} · Karmada adopters`);
    await page.evaluate(() => (document.title = 'Karmada | Adopters'));
    await expect(page).toHaveTitle(`${name} · Karmada adopters`);
    await expect(overlay).toHaveAccessibleName(`${name} · Karmada adopters`);
    // The effect's load came and went: one frame, one overlay, and they still answer.
    await expect.poll(() => embedLoads.length).toBe(2);
    await page.waitForTimeout(300);
    await expect(page.locator('[data-testid="showcase-frame-host"] iframe')).toHaveCount(1);
    await expect(overlay).toHaveCount(1);
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect(overlay).toHaveCount(0);
    await expect(page).toHaveTitle('Karmada | Adopters');
    expect(new URL(page.url()).searchParams.get('showcase')).toBeNull();
    const frame = await showcaseFrame(page);
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await frame.evaluate(() => document.body.scrollHeight)))).toBeLessThanOrEqual(1);
    await frame.getByTestId('member-card').first().locator('a.card-link').click();
    await expect(overlay).toHaveCount(1);
  });

  test("on the host's origin, a shared link's member is in the frame before embed.js comes, and embed.js keeps that load", async ({ page }) => {
    // karmada.io serves the showcase under its own /showcase/: the frame can read the host's
    // address before the host's scripts have loaded embed.js (after Docusaurus's hydration).
    const host = new URL('/shared-link-host.html', APP).href;
    await page.route(`${host}*`, (route) => route.fulfill({ contentType: 'text/html', body: staticFramePage(4000, 'light', true) }));
    const id = feed.members[3].id;
    await page.goto(`${host}?showcase=${encodeURIComponent(`/members/${id}`)}`);
    const handle = await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle();
    const frame = (await handle!.contentFrame())!;
    // The member's static copy or the app's page, long before embed.js (4 s).
    await frame.waitForSelector(`[data-member-id="${id}"]:is([data-testid="member-detail"], [data-prerendered="member-detail"])`, { timeout: 3000 });
    expect(await page.evaluate(() => 'karmadaShowcaseEmbed' in window)).toBe(false);
    await frame.evaluate(() => ((window as any).__loadBeforeEmbed = true));
    // embed.js finds the frame at the view the address names: it sizes it, and loads nothing.
    await expect.poll(() => page.evaluate(() => 'karmadaShowcaseEmbed' in window), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => frameHeight(page)).not.toBe(1400);
    await expect(page.locator('[data-testid="showcase-frame-host"] iframe')).toHaveCount(1);
    await page.waitForTimeout(500);
    expect(await frame.evaluate(() => (window as any).__loadBeforeEmbed === true)).toBe(true);
    expect(new URL(frame.url()).pathname).toBe(`${new URL(APP).pathname}members/${id}`);
    expect(new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${id}`);
    // What a shared view says of the embedding is not taken: that is the host page's.
    const forged = `/members/${id}?host=https://evil.example&overlay=/&theme=dark&kinds=vendor`;
    await page.goto(`${host}?showcase=${encodeURIComponent(forged)}`);
    const moved = (await (await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle())!.contentFrame())!;
    await moved.waitForSelector(`[data-member-id="${id}"]:is([data-testid="member-detail"], [data-prerendered="member-detail"])`, { timeout: 3000 });
    expect(new URL(moved.url()).search).toBe('?embed=1&lang=en');
    // A page that names no view keeps the list.
    await page.goto(host);
    const list = await showcaseFrame(page);
    expect(new URL(list.url()).pathname).toBe(new URL(APP).pathname);
    // A view that is the frame's own address again is no reason to load it, let alone for ever;
    // nor one a server sends back to it (a host that redirects `index.html` to its folder).
    await page.route(`${APP}index.html*`, (route) => {
      const url = new URL(route.request().url());
      return route.fulfill({ status: 301, headers: { Location: `${APP}${url.search}` } });
    });
    for (const view of ['/?embed=1&lang=en', '/?lang=en&embed=1', '/?utm_source=x', '/?', '/#top', '/index.html']) {
      const loads: string[] = [];
      const count = (moved: Frame) => moved.parentFrame() === page.mainFrame() && loads.push(moved.url());
      page.on('framenavigated', count);
      await page.goto(`${host}?showcase=${encodeURIComponent(view)}`);
      await showcaseFrame(page);
      await page.waitForTimeout(1000);
      page.off('framenavigated', count);
      expect(loads.length, `${view}: ${loads.join(' ')}`).toBeLessThanOrEqual(3);
    }
  });

  test("on the host's origin, a member a visitor opened in the frame before embed.js came stays open when it comes", async ({ page }) => {
    const host = new URL('/clicked-early-host.html', APP).href;
    await page.route(`${host}*`, (route) => route.fulfill({ contentType: 'text/html', body: staticFramePage(3000, 'light', true) }));
    await page.goto(host);
    const handle = await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle();
    const frame = (await handle!.contentFrame())!;
    const card = frame.locator('[data-testid="member-card"], #prerendered [data-prerendered="member-card"]').first();
    const id = (await card.getAttribute('data-member-id'))!;
    await card.locator('a.card-link').click();
    await frame.waitForSelector(`[data-member-id="${id}"]:is([data-testid="member-detail"], [data-prerendered="member-detail"])`);
    expect(await page.evaluate(() => 'karmadaShowcaseEmbed' in window)).toBe(false);
    // embed.js adopts the frame where the visitor took it: it does not load the list again.
    await expect.poll(() => page.evaluate(() => 'karmadaShowcaseEmbed' in window), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${id}`);
    expect(new URL(frame.url()).pathname).toBe(`${new URL(APP).pathname}members/${id}`);
    await expect(frame.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
  });

  test("back from a member read in the frame: the host page shows that member's card again, with keyboard focus on it", async ({ page }) => {
    await openStaticFramePage(page, 0, 'light', true);
    const frame = await showcaseFrame(page);
    await steadyFrameHeight(page);
    const focusedCard = () =>
      frame.evaluate(() => document.activeElement?.closest('[data-testid="member-card"]')?.getAttribute('data-member-id') ?? null);
    const onHostScreen = async (id: string) => {
      const box = (await frame.locator(`[data-testid="member-card"][data-member-id="${id}"]`).boundingBox())!;
      return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
    };
    for (const [nth, way] of [[20, 'back'], [30, 'link']] as const) {
      const card = frame.getByTestId('member-card').nth(nth);
      const id = (await card.getAttribute('data-member-id'))!;
      await card.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(800);
      await card.locator('a.card-link').click();
      await expect(frame.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
      // The browser's Back, or the page's own way back to the list.
      if (way === 'back') await page.goBack();
      else await frame.getByTestId('back-to-list').click();
      await expect.poll(focusedCard).toBe(id);
      await expect.poll(() => onHostScreen(id)).toBe(true);
    }
  });

  test("on a phone, back from a member read to its end: the card is on screen, not where the member page's shorter frame scrolled it", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openStaticFramePage(page, 0, 'light', true);
    const frame = await showcaseFrame(page);
    await steadyFrameHeight(page);
    // A card near the list's top: inside the member page's frame, which is shorter than the
    // list's, so the list is drawn into a frame its host has not sized yet.
    const card = frame.getByTestId('member-card').nth(1);
    const id = (await card.getAttribute('data-member-id'))!;
    await card.scrollIntoViewIfNeeded();
    await card.locator('a.card-link').click();
    await expect(frame.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
    await steadyFrameHeight(page);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.goBack();
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-testid="member-card"]')?.getAttribute('data-member-id') ?? null))
      .toBe(id);
    await steadyFrameHeight(page);
    const box = (await frame.locator(`[data-testid="member-card"][data-member-id="${id}"]`).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  });

  test('past the first page of cards, back from a member in the frame still brings its card back', async ({ page }) => {
    const members = Array.from({ length: 60 }, (_, i) => member(`org-${String(i).padStart(2, '0')}`));
    await page.route('**/members.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: feedOf(members) }),
    );
    await openStaticFramePage(page, 0, 'light', true);
    const frame = await showcaseFrame(page);
    // "Show more" is kept with the place: the way back needs the cards above this one.
    await frame.getByTestId('show-more').click();
    const card = frame.locator('[data-testid="member-card"][data-member-id="org-55"]');
    await card.scrollIntoViewIfNeeded();
    await card.locator('a.card-link').click();
    await expect(frame.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'org-55');
    await page.goBack();
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-testid="member-card"]')?.getAttribute('data-member-id') ?? null))
      .toBe('org-55');
    const box = (await card.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  });

  test("a shared view replaces the frame's static address: Back leaves the host page, not the view", async ({ page }) => {
    await page.goto(`${HOST}docs.html`);
    await page.route(`${HOST}static-frame.html*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: staticFramePage(1500) }),
    );
    // embed.js comes once the frame has loaded its static address, as after a host's hydration.
    await page.goto(`${HOST}static-frame.html?showcase=${encodeURIComponent('/?kind=vendor')}`);
    const frame = await showcaseFrame(page);
    await expect(frame.getByTestId('kind-filter-vendor')).toBeChecked();
    await page.goBack({ timeout: 5_000 });
    await expect(page.getByTestId('host-docs')).toBeVisible();
  });

  test("a frame in the host's HTML is sized and themed when embed.js comes before the app starts", async ({ page }) => {
    // The app's wasm waits until embed.js has adopted the frame and said its first hello.
    const release = await holdRequests(page);
    await openStaticFramePage(page, 0, 'dark');
    await expect.poll(() => page.evaluate(() => !!(window as any).karmadaShowcaseEmbed)).toBe(true);
    await page.waitForTimeout(600);
    release();
    const frame = await showcaseFrame(page);
    await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await expect
      .poll(async () => Math.abs((await frameHeight(page)) - (await frame.evaluate(() => document.body.scrollHeight))))
      .toBeLessThanOrEqual(1);
    await frame.getByTestId('kind-filter-partner').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe('/?kind=partner');
  });

  test("a click in the frame's static copy, before the app starts, keeps the frame talking to this host", async ({ page }) => {
    // The wasm waits until the visitor has clicked a card of the static copy.
    const release = await holdRequests(page);
    // The README's component with no options: the frame's address is one the copy is made for.
    await openStaticFramePage(page, 0, 'light', true);
    const frame = (await (await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle())!.contentFrame())!;
    const card = frame.locator('#prerendered [data-prerendered="member-card"]').first();
    await expect(card).toBeVisible();
    const id = (await card.getAttribute('data-member-id'))!;
    await card.locator('a.card-link').click();
    // The frame loaded that member's page, with its own query and no other host's origin,
    // and shows the page's copy of the member in the frame.
    await expect.poll(() => new URL(frame.url()).pathname).toContain(`/members/${id}`);
    expect(new URL(frame.url()).searchParams.get('host')).toBeNull();
    await expect(frame.locator('#prerendered .showcase.embedded [data-prerendered="member-detail"]')).toHaveAttribute('data-member-id', id);
    release();
    await expect(frame.getByTestId('member-detail')).toHaveAttribute('data-member-id', id);
    // Its messages reach this page: the view is in the host's address and the frame is sized.
    await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${id}`);
    await expect
      .poll(async () => Math.abs((await frameHeight(page)) - (await frame.evaluate(() => document.body.scrollHeight))))
      .toBeLessThanOrEqual(1);
  });

  test("a frame in the host's HTML shows the static first screen in the host's language", async ({ page }) => {
    // No embed.js at all within the test: the frame's own static copy paints by itself.
    await openStaticFramePage(page, 60_000);
    const handle = await page.locator('[data-testid="showcase-frame-host"] iframe').elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.waitForSelector('#prerendered, [data-testid="member-card"]');
    const links = await frame.locator('a.card-link').evaluateAll((as) => as.slice(0, 3).map((a) => (a as HTMLAnchorElement).href));
    // Card links carry the frame's own query (its language and embedding), whichever copy is shown.
    for (const href of links) expect(new URL(href).searchParams.get('lang'), href).toBe('en');
  });

  test('a visitor without JavaScript on the host sees a link to the showcase', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route(`${HOST}static-frame.html*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: staticFramePage(0) }),
    );
    await page.goto(`${HOST}static-frame.html`);
    const link = page.getByTestId('no-script-link');
    await expect(link).toBeVisible();
    expect(await link.getAttribute('href')).toBe(APP);
    await context.close();
  });
});

test("in a frame the list lines up with the host's content edge: no second gutter", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${APP}?embed=1&lang=en`);
  const card = page.getByTestId('member-card').filter({ visible: true }).first();
  await expect(card).toBeVisible();
  const left = (await card.boundingBox())!.x;
  expect(left).toBeLessThanOrEqual(6);
});
