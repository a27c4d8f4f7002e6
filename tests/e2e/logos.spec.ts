// Issue #27: the logo wall, a page of its own (`/logos`, its own binary) and an embed mode
// (`data-view="logos"`) for karmada.io's home page.
import { test, expect, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const adopters = feed.members.filter((member) => member.kinds.includes('adopter'));
const withLogo = adopters.filter((member) => (member as any).logo);
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? APP_PORT + 1);
const HOST = `http://127.0.0.1:${HOST_PORT}/`;
const APP = `http://127.0.0.1:${APP_PORT}/adopters/`;

/// Every logo loads (a pixel), but `broken`'s, which fails; what it returns counts the
/// requests for the broken one.
async function logos(page: Page, broken?: string) {
  const brokenUrl = broken && (withLogo.find((member) => member.id === broken) as any).logo.url;
  const asked = { broken: 0 };
  await page.context().route(/^https:\/\/[^/]+\/.*\.(png|svg|jpe?g|webp)$/, (route) => {
    if (route.request().url() !== brokenUrl) return route.fulfill({ contentType: 'image/png', body: PIXEL });
    asked.broken += 1;
    return route.abort();
  });
  return asked;
}

const tiles = (page: Page) => page.getByTestId('logo-tile');
const appStopped = (page: Page) => expect(page.locator('#app-stopped')).toHaveCount(0);

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${lang}, ${theme}: every adopter's logo links to its page, no accessibility violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await logos(page);
      await page.goto(`logos?lang=${lang}`);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Logo wall' : 'Logo 墙');
      await expect(tiles(page)).toHaveCount(adopters.length);
      const ids = await tiles(page).evaluateAll((links) => links.map((link) => link.getAttribute('data-member-id')));
      expect(new Set(ids)).toEqual(new Set(adopters.map((member) => member.id)));
      for (const member of adopters.slice(0, 3)) {
        const tile = page.locator(`[data-testid="logo-tile"][data-member-id="${member.id}"]`);
        await expect(tile).toHaveAttribute('href', `/adopters/members/${member.id}?lang=${lang}`);
        await expect(tile).toHaveAccessibleName(lang === 'zh' && member.name.zh ? member.name.zh : member.name.en);
      }
      expect(await axeViolations(page)).toEqual([]);
      await appStopped(page);
    });
  }
}

test('a logo that does not load gives way to the monogram, and nothing moves', async ({ page }) => {
  const broken = withLogo[0];
  await logos(page, broken.id);
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('logos');
  const tile = page.locator(`[data-testid="logo-tile"][data-member-id="${broken.id}"]`);
  await expect(tile.getByTestId('monogram')).toBeVisible();
  await expect(page.locator(`[data-testid="logo-tile"][data-member-id="${withLogo[1].id}"] img`)).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
  // A logo opens the member's page, the list's document.
  await page.locator(`[data-testid="logo-tile"][data-member-id="${withLogo[1].id}"]`).click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', withLogo[1].id);
  await appStopped(page);
});

test('a logo that does not load is asked for once: not again by the app after the static page, nor by its logo drawn again', async ({ page }) => {
  const broken = withLogo[0];
  const asked = await logos(page, broken.id);
  // The app starts once the static page's logo has failed (else it may come while the copy's
  // request is still out, and ask again: the race this does not cover): the request refused,
  // and time for its error event.
  await page.route('**/*.wasm', async (route) => {
    await expect.poll(() => asked.broken).toBeGreaterThan(0);
    await new Promise((done) => setTimeout(done, 500));
    await route.continue();
  });
  await page.goto('logos');
  const tile = page.locator(`[data-testid="logo-tile"][data-member-id="${broken.id}"]`);
  await expect(tile.getByTestId('monogram')).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(asked.broken).toBe(1);

  // The list with the app alone (a query has no static copy): its card asks once; the
  // member's page, its logo drawn anew, and the list again do not ask.
  await page.goto(`./?q=${encodeURIComponent(broken.name.en)}`);
  const card = page.locator(`[data-testid="member-card"][data-member-id="${broken.id}"]`);
  await expect(card.getByTestId('monogram')).toBeVisible();
  await page.waitForTimeout(300);
  expect(asked.broken).toBe(2);
  await card.locator('a.card-link').click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', broken.id);
  await expect(page.getByTestId('member-detail').getByTestId('monogram').first()).toBeVisible();
  await page.goBack();
  await expect(card.getByTestId('monogram')).toBeVisible();
  await page.waitForTimeout(300);
  expect(asked.broken).toBe(2);
  await appStopped(page);
});

test('without JavaScript the static page is the wall', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // The static copy's hooks are `data-prerendered`, apart from the running app's.
  const copies = page.locator('[data-prerendered="logo-tile"]');
  await page.goto('logos');
  await expect(copies).toHaveCount(adopters.length);
  await page.goto('zh/logos');
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect(copies).toHaveCount(adopters.length);
  expect(await copies.first().getAttribute('href')).toMatch(/^\/adopters\/zh\/members\//);
  await context.close();
});

test('the list links to the wall, which loads its own binary and not the list\'s', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.getByTestId('logos-link').click();
  await expect(tiles(page)).toHaveCount(adopters.length);
  expect(requested.filter((path) => path.endsWith('karmada-showcase-logos_bg.wasm'))).toHaveLength(1);
  expect(requested.filter((path) => path.endsWith('karmada-showcase_bg.wasm'))).toEqual([]);
});

test('embedded with data-view="logos": the frame shows the wall, sizes itself, and a logo opens over the host', async ({ page }) => {
  await logos(page);
  await page.route(`${HOST}home.html*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Karmada</title></head><body><main>
      <h2>Who runs Karmada</h2>
      <div data-karmada-showcase data-testid="wall" data-src="${APP}" data-view="logos" data-details="overlay" data-title="Who runs Karmada"></div>
      <p data-testid="after">After the wall</p>
      <script src="${APP}embed.js"></script></main></body></html>`,
    }),
  );
  await page.goto(`${HOST}home.html`);
  const frameElement = page.getByTestId('wall').locator('iframe');
  await expect(frameElement).toHaveAttribute('src', /\/adopters\/logos\?/);
  const frame = (await frameElement.elementHandle())!.contentFrame();
  const wall = (await frame)!;
  await wall.waitForSelector('[data-testid="logo-tile"]');
  expect(await wall.locator('[data-testid="logo-tile"]').count()).toBe(adopters.length);
  // Sized to the wall: no scrollbar inside, nothing cut off, no blank below.
  await expect
    .poll(async () => {
      const outer = (await frameElement.boundingBox())!.height;
      const inner = await wall.evaluate(() => document.documentElement.scrollHeight);
      return Math.abs(outer - inner);
    })
    .toBeLessThan(2);
  // The host's address does not name the wall, the frame's first view.
  expect(new URL(page.url()).searchParams.get('showcase')).toBeNull();
  // A logo opens its member over the host page.
  await wall.locator(`[data-testid="logo-tile"][data-member-id="${adopters[0].id}"]`).click();
  const overlay = page.locator('dialog[data-karmada-showcase-overlay] iframe');
  await expect(overlay).toHaveAttribute('src', new RegExp(`/adopters/members/${adopters[0].id}\\?`));
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${adopters[0].id}`);
  // Closed, the host's address names nothing again: the wall is the frame's first view.
  await page.locator('dialog[data-karmada-showcase-overlay] button').click();
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('showcase')).toBeNull();
  // A shared link to the member opens it over the wall, not over the list.
  await page.goto(`${HOST}home.html?showcase=${encodeURIComponent(`/members/${adopters[0].id}`)}`);
  await expect(overlay).toHaveAttribute('src', new RegExp(`/adopters/members/${adopters[0].id}\\?`));
  await expect(frameElement).toHaveAttribute('src', /\/adopters\/logos\?/);
  // Over a logo wall a link to its industry's members stays in the overlay: the wall stays a wall.
  const detail = page.frameLocator('dialog[data-karmada-showcase-overlay] iframe');
  const industryList = detail.getByTestId('industry-list');
  await industryList.click();
  await expect(detail.getByTestId('member-card').first()).toBeVisible();
  await expect(page.locator('dialog[data-karmada-showcase-overlay]')).toBeVisible();
  await expect(frameElement).toHaveAttribute('src', /\/adopters\/logos\?/);
  await expect(page.frameLocator('[data-testid="wall"] iframe').locator('[data-testid="logo-tile"]').first()).toBeVisible();
});
