// Issue #22: the host page's own copy of the list's first screen (`showcase-site fill-host`), as
// karmada.io's Docusaurus build would serve it with the README's component: same origin as the
// showcase, the copy in the page's HTML as a declarative shadow root over the frame.
import { test, expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { axeViolations } from './axe';
import { holdRequests } from './takeover';

const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const APP = `${ORIGIN}/adopters/`;
const DIST = resolve(process.env.E2E_DIST ?? 'dist');

/// The page as React renders the README's component (no option but the language), filled by
/// `showcase-site fill-host` from the bundle under test, served at `/adopters/` as in a host build.
function filledHostPage(theme: string, lang: 'en' | 'zh', embedTag = false): string {
  const host = mkdtempSync(join(tmpdir(), 'showcase-host-'));
  try {
    symlinkSync(DIST, join(host, 'adopters'));
    const style = 'position:absolute;top:0;left:0;right:0;height:1400px;overflow:hidden';
    const page = `<!DOCTYPE html>
<html lang="${lang}" data-theme="${theme}" style="color-scheme:${theme}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Karmada | Adopters</title>
<style>body{margin:0 auto;max-width:1140px;padding:0 16px;font-family:Georgia,serif;background:${theme === 'dark' ? '#1b1b1d' : '#fff'};color:${theme === 'dark' ? '#e3e3e3' : '#1c1e21'}}</style></head>
<body><main><h1>Karmada Adopters</h1>
<div data-karmada-showcase="true" data-src="/adopters/" data-title="Karmada adopters and partners" data-lang="${lang}" style="position:relative" data-testid="showcase-frame-host"><iframe data-karmada-showcase-frame="true" src="/adopters/?embed=1&amp;lang=${lang}" title="Karmada adopters and partners" scrolling="no" style="display:block;width:100%;border:0;height:1400px;color-scheme:normal;visibility:hidden"></iframe><div data-karmada-showcase-copy="/adopters/" data-lang="${lang}" style="${style}"></div><noscript><a href="/adopters/">Karmada adopters and partners</a></noscript>${embedTag ? '<script async src="/adopters/embed.js"></script>' : ''}</div>
<footer>Footer</footer></main>
<script>window.loadEmbed = function () { var s = document.createElement("script"); s.src = "/adopters/embed.js"; s.onload = function () { window.karmadaShowcaseEmbed.scan(); }; document.head.appendChild(s); };</script>
</body></html>`;
    const file = join(host, 'index.html');
    writeFileSync(file, page);
    execFileSync('cargo', ['run', '--quiet', '-p', 'showcase-site', '--', 'fill-host', '--host', host], { stdio: 'pipe' });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
}

async function openHostPage(page: Page, theme = 'light', lang: 'en' | 'zh' = 'en') {
  const html = filledHostPage(theme, lang);
  await page.route(`${ORIGIN}/host-page.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.addInitScript(() => {
    (window as any).__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${ORIGIN}/host-page.html`);
}

/// How many members the bundle under test lists.
const copyTotal = () => JSON.parse(readFileSync(join(DIST, 'members.json'), 'utf8')).members.length;

const copyCards = (page: Page) => page.locator('[data-karmada-showcase-copy] [data-prerendered="member-card"]');

test("the host's copy paints with the host page, in its theme, and gives way to the same cards in the frame", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openHostPage(page, 'dark');
  // Before any script of the host has run: the cards are in the page's HTML (and the link
  // for a page without scripts is not).
  await expect(copyCards(page).first()).toBeVisible();
  await expect(page.locator('[data-karmada-showcase-copy] [data-prerendered="copy-all-members"]')).toBeHidden();
  const count = await copyCards(page).count();
  expect(count).toBeGreaterThan(4);
  // The host's colour scheme and its font (issue 25: embedded, the showcase follows the host's font).
  const look = await page.locator('[data-karmada-showcase-copy]').evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, font: style.fontFamily };
  });
  expect(look.background).toBe('rgb(27, 27, 29)');
  expect(look.font).toContain('Georgia');
  // Its links are the static pages, on this site.
  const href = await copyCards(page).first().locator('a').first().getAttribute('href');
  expect(href).toMatch(/^\/adopters\/members\/[a-z0-9-]+$/);
  // The host's script leaves the element's light DOM empty, as React rendered it.
  expect(await page.locator('[data-karmada-showcase-copy]').evaluate((el) => el.innerHTML)).toBe('');
  expect(await axeViolations(page)).toEqual([]);

  // Keys meet the cards once: the frame beneath is hidden until it answers.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-karmada-showcase-copy'))).toBe('/adopters/');
  // The copy stays until embed.js hears from the frame, then goes, and the frame's first card
  // stands where the copy's stood, with the same name.
  const frame = page.frameLocator('[data-testid="showcase-frame-host"] iframe');
  await expect(frame.getByTestId('member-card').first()).toBeAttached();
  await page.waitForTimeout(300);
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeVisible();
  const inCopy = await copyCards(page).first().boundingBox();
  const copyName = await copyCards(page).first().locator('.card-title').innerText();
  await page.evaluate(() => (window as any).loadEmbed());
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeHidden();
  await expect(page.locator('[data-testid="showcase-frame-host"] iframe')).toBeVisible();
  // Focus was in the copy: it is in the frame now, not lost.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  const inFrame = await frame.getByTestId('member-card').first().boundingBox();
  expect(Math.abs(inCopy!.x - inFrame!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(inCopy!.y - inFrame!.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(inCopy!.width - inFrame!.width)).toBeLessThanOrEqual(1);
  expect(await frame.getByTestId('member-card').first().locator('.card-title').innerText()).toBe(copyName);
  // The frame (same origin) writes in the host's font too, as the copy did.
  expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toBe('Georgia, serif');
  await expect.poll(() => page.locator('[data-testid="showcase-frame-host"] iframe').evaluate((f: HTMLIFrameElement) => f.style.height)).not.toBe('1400px');
  expect(await page.evaluate(() => (window as any).__layoutShift)).toBeLessThanOrEqual(0.05);
});

test("the host's copy in Chinese links into the Chinese tree; without scripts it stays, with a link", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openHostPage(page, 'light', 'zh');
  await expect(copyCards(page).first()).toBeVisible();
  expect(await page.locator('[data-karmada-showcase-copy]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  // No app will come to make the search and filters work: the cards take their place.
  const copy = page.locator('[data-karmada-showcase-copy]');
  await expect(copy.locator('input[type="search"]')).toHaveCount(1);
  await expect(copy.locator('input[type="search"]')).toBeHidden();
  for (const hidden of ['.filters', '.results-bar', '.list-tools']) {
    await expect(copy.locator(hidden), hidden).toHaveCount(1);
    await expect(copy.locator(hidden), hidden).toBeHidden();
  }
  const [copyBox, cardBox] = [await copy.boundingBox(), await copyCards(page).first().boundingBox()];
  expect(cardBox!.x - copyBox!.x).toBeLessThan(20);
  // The copy is the first screen only: a link leads to every member.
  const all = copy.locator('[data-prerendered="copy-all-members"] a');
  await expect(all).toBeVisible();
  await expect(all).toHaveAttribute('href', '/adopters/zh/');
  await expect(all).toContainText(String(copyTotal()));
  const href = await copyCards(page).first().locator('a').first().getAttribute('href');
  expect(href).toMatch(/^\/adopters\/zh\/members\/[a-z0-9-]+$/);
  await copyCards(page).first().locator('a').first().click();
  await expect(page).toHaveURL(`${ORIGIN}${href}`);
  await expect(page.locator('h1')).toBeVisible();
  await context.close();
});

test("at a tablet's width the copy lays out as the frame does (its width, not the window's, decides)", async ({ page }) => {
  // 768 px: the window is wider than the phone layout's 760 px, the frame (the host's column) is not.
  await page.setViewportSize({ width: 768, height: 1000 });
  await openHostPage(page);
  await expect(copyCards(page).first()).toBeVisible();
  const inCopy = await copyCards(page).first().boundingBox();
  await page.evaluate(() => (window as any).loadEmbed());
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeHidden();
  const frame = page.frameLocator('[data-testid="showcase-frame-host"] iframe');
  const inFrame = await frame.getByTestId('member-card').first().boundingBox();
  expect(Math.abs(inCopy!.x - inFrame!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(inCopy!.width - inFrame!.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(inCopy!.y - inFrame!.y)).toBeLessThanOrEqual(1);
});

test("a frame on the host's origin writes in the font where it stands: its static first screen before the app, the app alone where there is no static screen; a stack that names more than fonts is not followed", async ({ page }) => {
  const host = (font: string, query: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>body{font-family:Verdana,sans-serif}.column{font-family:${font}}</style></head><body><h1>Adopters</h1>
<div class="column"><iframe data-testid="frame" src="/adopters/?embed=1&amp;lang=en${query}" title="Karmada adopters and partners" style="width:100%;height:900px;border:0"></iframe></div></body></html>`;
  const open = async (html: string) => {
    await page.route(`${ORIGIN}/font-host.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${ORIGIN}/font-host.html`);
    await page.unroute(`${ORIGIN}/font-host.html`);
    return page.frameLocator('[data-testid="frame"]');
  };
  const fontIn = (frame: ReturnType<typeof page.frameLocator>) => frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);

  // The app's code never comes: what the frame shows is its static first screen.
  await page.route('**/karmada-showcase_bg.wasm', (route) => route.abort());
  let frame = await open(host('"Host Sans", Georgia, serif', ''));
  await expect(frame.locator('#prerendered [data-prerendered="member-card"]').first()).toBeVisible();
  expect(await fontIn(frame)).toBe('"Host Sans", Georgia, serif');
  frame = await open(host('"Evil;Font", serif', ''));
  await expect(frame.locator('#prerendered [data-prerendered="member-card"]').first()).toBeVisible();
  expect(await fontIn(frame)).not.toContain('Evil');
  expect(await fontIn(frame)).not.toContain('Verdana');
  await page.unroute('**/karmada-showcase_bg.wasm');

  // An embed option: no static first screen, so the font is the app's own reading.
  frame = await open(host('"Host Sans", Georgia, serif', '&amp;kinds=adopter'));
  await expect(frame.getByTestId('member-card').first()).toBeVisible();
  expect(await frame.locator('#prerendered').count()).toBe(0);
  expect(await fontIn(frame)).toBe('"Host Sans", Georgia, serif');
});

test("a shared link to a member: the frame goes there itself and takes the copy's place before embed.js comes, which keeps it", async ({ page }) => {
  const html = filledHostPage('light', 'en');
  await page.route(`${ORIGIN}/host-page.html*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const id = JSON.parse(readFileSync(join(DIST, 'members.json'), 'utf8')).members[5].id;
  await page.goto(`${ORIGIN}/host-page.html?showcase=${encodeURIComponent(`/members/${id}`)}`);
  const frameElement = page.locator('[data-testid="showcase-frame-host"] iframe');
  // This page loads embed.js only when told (`loadEmbed`): not yet.
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeHidden();
  await expect(frameElement).toHaveCSS('visibility', 'visible');
  const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
  await frame.waitForSelector(`[data-member-id="${id}"]:is([data-testid="member-detail"], [data-prerendered="member-detail"])`);
  expect(await page.evaluate(() => 'karmadaShowcaseEmbed' in window)).toBe(false);
  await frame.evaluate(() => ((window as any).__loadBeforeEmbed = true));
  await page.evaluate(() => (window as any).loadEmbed());
  await expect.poll(() => frameElement.evaluate((f) => f.getBoundingClientRect().height)).not.toBe(1400);
  expect(await frame.evaluate(() => (window as any).__loadBeforeEmbed === true)).toBe(true);
  expect(new URL(page.url()).searchParams.get('showcase')).toBe(`/members/${id}`);
});

test("a shared link to another view of the list: the plain list's copy never shows, and the frame takes its place with that view", async ({ page }) => {
  const html = filledHostPage('light', 'en');
  await page.route(`${ORIGIN}/host-page.html*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  // The frame's document waits until the host page, parsed, has been looked at.
  const release = await holdRequests(page, (url) => url.pathname === '/adopters/' && url.searchParams.get('embed') === '1');
  await page.goto(`${ORIGIN}/host-page.html?showcase=${encodeURIComponent('/?kind=vendor')}`, { waitUntil: 'domcontentloaded' });
  const copy = page.locator('[data-karmada-showcase-copy]');
  const frameElement = page.locator('[data-testid="showcase-frame-host"] iframe');
  // Hidden as it was parsed, before the host's first paint and long before embed.js (which
  // this page loads only when told); the space stays reserved, and the host's hydration still
  // finds the element empty.
  expect(await copy.evaluate((el) => getComputedStyle(el).display)).toBe('none');
  await expect(frameElement).toHaveCSS('visibility', 'hidden');
  expect(await frameElement.evaluate((f) => f.getBoundingClientRect().height)).toBe(1400);
  expect(await copy.evaluate((el) => el.innerHTML)).toBe('');
  release();
  // The frame goes to the view itself (it has no static copy of a filtered list), and is
  // shown when embed.js comes.
  const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
  await expect(frame.getByTestId('kind-filter-vendor')).toBeChecked();
  await expect(copy).toBeHidden();
  await page.evaluate(() => (window as any).loadEmbed());
  await expect(frameElement).toHaveCSS('visibility', 'visible');
  await expect(copy).toBeHidden();
  await expect.poll(() => frameElement.evaluate((f) => f.getBoundingClientRect().height)).not.toBe(1400);
  expect(new URL(page.url()).searchParams.get('showcase')).toBe('/?kind=vendor');
});

test("the plain list's own address, or one that names it, keeps the copy", async ({ page }) => {
  const html = filledHostPage('light', 'en');
  await page.route(`${ORIGIN}/host-page.html*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  for (const query of ['?showcase=%2F', '?other=%2F%3Fkind%3Dvendor', '?showcase=%2F%2Fevil.example%2F']) {
    await page.goto(`${ORIGIN}/host-page.html${query}`, { waitUntil: 'domcontentloaded' });
    await expect(copyCards(page).first()).toBeVisible();
  }
});

test("where the host's embed.js fails to load, the frame takes the copy's place: the copy's controls work only there", async ({ page }) => {
  const html = filledHostPage('light', 'en', true);
  await page.route(`${ORIGIN}/host-page.html*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.route('**/adopters/embed.js', (route) => route.abort('blockedbyclient'));
  await page.goto(`${ORIGIN}/host-page.html`);
  const frameElement = page.locator('[data-testid="showcase-frame-host"] iframe');
  await expect(frameElement).toHaveCSS('visibility', 'visible');
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeHidden();
  const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
  const total = copyTotal();
  await expect(frame.getByTestId('member-card').filter({ visible: true }).first()).toBeVisible();
  await frame.getByTestId('search').fill('zzzz-no-such-member');
  await expect(frame.getByTestId('member-card').filter({ visible: true })).toHaveCount(0);
  await frame.getByTestId('search').fill('');
  await expect.poll(() => frame.getByTestId('member-card').filter({ visible: true }).count()).toBeGreaterThan(Math.min(total, 4) - 1);
});

test("where the host's embed.js loads, its copy stays until the frame answers", async ({ page }) => {
  const html = filledHostPage('light', 'en', true);
  await page.route(`${ORIGIN}/host-page.html*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  // The frame's app does not start: it never answers, and the copy stays.
  await page.route('**/karmada-showcase_bg.wasm', (route) => route.abort());
  await page.goto(`${ORIGIN}/host-page.html`);
  await expect.poll(() => page.evaluate(() => 'karmadaShowcaseEmbed' in window)).toBe(true);
  await expect(copyCards(page).first()).toBeVisible();
  await expect(page.locator('[data-testid="showcase-frame-host"] iframe')).toHaveCSS('visibility', 'hidden');
  // An error of the host's own scripts is the host's alone: the copy's script, which hears
  // errors to learn of embed.js's, adds none of its own.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.evaluate(() => setTimeout(() => {
    throw new Error('a bug of the host');
  }));
  await expect.poll(() => errors.length).toBeGreaterThan(0);
  await page.waitForTimeout(200);
  expect(errors).toEqual(['a bug of the host']);
  await expect(copyCards(page).first()).toBeVisible();
});

test("a keyboard visitor on a card of the host's copy is on the same card in the frame that takes its place", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openHostPage(page);
  const frameElement = page.locator('[data-testid="showcase-frame-host"] iframe');
  const frame = page.frameLocator('[data-testid="showcase-frame-host"] iframe');
  await expect(frame.getByTestId('member-card').first()).toBeAttached();
  const second = copyCards(page).nth(1);
  const id = await second.getAttribute('data-member-id');
  await second.locator('a').first().focus();
  // Not its first card, nor the frame's first link: where the visitor was.
  await page.evaluate(() => (window as any).loadEmbed());
  await expect(page.locator('[data-karmada-showcase-copy]')).toBeHidden();
  await expect(frameElement).toBeVisible();
  const focused = frame.locator('[data-testid="member-card"] a:focus');
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((link) => link.closest('[data-member-id]')!.getAttribute('data-member-id'))).toBe(id);
  // The mark is gone with it: a later visit of the frame by keys starts where keys bring it.
  expect(await page.locator('[data-karmada-showcase-copy]').getAttribute('data-karmada-showcase-focused')).toBeNull();
});
