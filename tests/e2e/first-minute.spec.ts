// Issue #25, a visitor's first minute: what a browser audit found still unfinished.
import { test, expect } from '@playwright/test';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const withAnnouncement = feed.members.find((m) => m.announcement && (m as any).logo)!;

test('a card followed before a slow feed arrives leaves the list: the member page shows its own shape, then the member', async ({ page }) => {
  const body = JSON.stringify(feed);
  await page.route('**/members.json', async (route) => {
    await new Promise((r) => setTimeout(r, 5_000));
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.goto('./');
  const first = page.locator('#prerendered [data-prerendered="member-card"] a').first();
  await expect(first).toBeVisible();
  // The app is running (its router takes the click) and waiting for the feed.
  await expect(page.getByTestId('loading')).toBeAttached();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  // Not the list's copy under the member's address: the shape of a member's page.
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('.skeleton-member')).toBeVisible();
  await expect(page.locator('.skeleton-card')).toHaveCount(0);
  const id = href!.split('/').pop()!.split('?')[0];
  const name = feed.members.find((m) => m.id === id)!.name.en;
  await expect(page.locator('h1')).toHaveText(name, { timeout: 15_000 });
});

test("the statistics wait in rows, a member's page in its own shape", async ({ page }) => {
  await page.route('**/members.json', async (route) => {
    await new Promise((r) => setTimeout(r, 4_000));
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) });
  });
  // `lang` asks for another view than the static page's: the app draws it, from nothing.
  await page.goto(`./members/${withAnnouncement.id}?lang=zh&kind=adopter`);
  await expect(page.locator('.skeleton-member')).toBeVisible();
  await expect(page.getByTestId('announcement')).toBeVisible({ timeout: 15_000 });
  await page.goto('./stats?lang=zh&kind=adopter');
  await expect(page.locator('.skeleton-rows')).toBeVisible();
  await expect(page.locator('.skeleton-rows')).toHaveCount(0, { timeout: 15_000 });
});

test("a member's announcement does not open with the logo its page shows already, and its English is marked on a Chinese page", async ({ page }) => {
  await page.goto(`./members/${withAnnouncement.id}?lang=zh`);
  const announcement = page.getByTestId('announcement');
  await expect(announcement).toBeVisible();
  // The feed's document opens with the logo; the page's starts with the text. Read from the
  // static page (in the browser a feed image that fails to load is removed anyway).
  const content = withAnnouncement.announcement!.content as any;
  const logo = (withAnnouncement as any).logo.url as string;
  expect(content.en[0]).toMatchObject({ type: 'image', url: logo });
  expect(content.zh).toBeUndefined();
  const html = await (await page.request.get(`./members/${withAnnouncement.id}`)).text();
  const start = html.indexOf('="announcement"');
  expect(start).toBeGreaterThan(0);
  const section = html.slice(start, html.indexOf('</section>', start));
  expect(section).toContain(content.en[1].content[0].text.slice(0, 40));
  expect(section).not.toContain(logo);
  const document = announcement.locator('.document');
  // No Chinese text: the English is marked so.
  expect(await document.evaluate((el) => el.closest('[lang]')!.getAttribute('lang'))).toBe('en');
  // A case study's link names its title's language, and its hidden "new tab" note is the page's.
  const study = page.getByTestId('case-study').first();
  await expect(study).toBeVisible();
  const hidden = study.locator('.visually-hidden');
  expect(await hidden.evaluate((el) => el.closest('[lang]')!.getAttribute('lang'))).toBe('zh-CN');
});

test('a member nobody is gets a title that says so', async ({ page }) => {
  await page.goto('./members/nobody-at-all');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/not found/i);
  await page.goto('./members/nobody-at-all?lang=zh');
  await expect(page).toHaveTitle(/未找到/);
});

test("the list's address keeps the bundle's folder: a choice writes /adopters/?…, not /adopters?…", async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('member-card').first().waitFor();
  await page.getByTestId('layout').selectOption('table');
  await expect.poll(() => new URL(page.url()).search).toContain('view=table');
  expect(new URL(page.url()).pathname.endsWith('/')).toBe(true);
});

test('the join form: four buttons on one row beside the preview on a desktop; on a phone the preview comes before them', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./join');
  const buttons = page.locator('.join-actions button');
  await expect(buttons.first()).toBeVisible();
  const tops = await buttons.evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await page.setViewportSize({ width: 390, height: 844 });
  const preview = await page.getByTestId('join-preview').boundingBox();
  const submit = await page.getByTestId('join-submit').boundingBox();
  expect(preview!.y).toBeLessThan(submit!.y);
  // The form still sends: its button is inside it.
  expect(await page.getByTestId('join-submit').evaluate((b) => (b as HTMLButtonElement).form !== null)).toBe(true);
});
