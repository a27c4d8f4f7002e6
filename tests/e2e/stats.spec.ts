// Issue #27: adoption at a glance (`/stats`), from the bundled feed: the counts are the list's,
// each row opens the list filtered to it, in both languages and themes, with and without
// JavaScript.
import { test, expect } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed, feedOf, member } from './feed';

const feed = bundledFeed();

test('the figures are the feed’s, and a row opens the list filtered to it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('stats-link').click();
  await expect(page).toHaveURL(/\/adopters\/stats$/);
  await expect(page.locator('h1')).toHaveText('Adoption at a glance');
  await expect(page).toHaveTitle(/Adoption at a glance/);
  // Every industry row counts the members of its industry, the largest first.
  const rows = page.getByTestId('stats-industries').locator('tbody tr');
  const industries = new Set(feed.members.map((m) => m.industry).filter(Boolean));
  await expect(rows).toHaveCount(industries.size);
  const counts: number[] = [];
  for (const row of await rows.all()) {
    const slug = new URL((await row.locator('a').getAttribute('href'))!, page.url()).searchParams.get('industry');
    const count = Number(await row.locator('.stat-count').innerText());
    expect(count, slug!).toBe(feed.members.filter((m) => m.industry === slug).length);
    counts.push(count);
  }
  expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  // Adopters, vendors, partners.
  const kinds = page.getByTestId('stats-kinds').locator('tbody tr');
  await expect(kinds).toHaveCount(3);
  await expect(kinds.first().locator('.stat-count')).toHaveText(String(feed.members.filter((m) => m.kinds.includes('adopter')).length));
  // The countries' rows and the note under them account for every member.
  const withoutCountry = feed.members.filter((m) => !m.country).length;
  if (withoutCountry > 0) await expect(page.getByTestId('stats-no-country')).toContainText(`${withoutCountry} member`);
  else await expect(page.getByTestId('stats-no-country')).toHaveCount(0);
  await expect(page.getByTestId('stats-announcements').locator('thead')).toContainText('Announcements');
  // The members over time are charted only when most members have a date; else it is said why
  // not (two dated members drawn as a series read as a list of two).
  const dated = feed.members.filter((m) => m.joined || m.announcement?.date).length;
  if (dated * 2 >= feed.members.length) {
    await expect(page.getByTestId('stats-joined')).toBeVisible();
  } else {
    await expect(page.getByTestId('stats-joined')).toHaveCount(0);
    await expect(page.getByTestId('stats-undated')).toContainText(`only ${dated} of the ${feed.members.length} members have a date`);
  }
  // The first industry's row opens the list with that filter and that many members.
  const first = rows.first();
  const slug = new URL((await first.locator('a').getAttribute('href'))!, page.url()).searchParams.get('industry');
  await first.locator('a').click();
  await expect(page).toHaveURL(new RegExp(`[?&]industry=${slug}`));
  await expect(page.getByTestId('result-count')).toContainText(String(counts[0]));
  // Back to the figures; no page on the way trapped the app.
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Adoption at a glance');
  await expect(page.locator('#app-stopped')).toHaveCount(0);
  // And back to the whole list from the figures.
  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('result-count')).toContainText(String(feed.members.length));
});

test('the members over time are charted when most members have a date', async ({ page }) => {
  const members = [member('a', { joined: '2024-02-10' }), member('b', { joined: '2025-05-01' }), member('c')];
  await page.route('**/members.json', (route) => route.fulfill({ contentType: 'application/json', body: feedOf(members) }));
  await page.goto('stats');
  const rows = page.getByTestId('stats-joined').locator('tbody tr');
  // Cumulative, from the first dated quarter to the last.
  await expect(rows.first().locator('.stat-count')).toHaveText('1');
  await expect(rows.last().locator('.stat-count')).toHaveText('2');
  await expect(page.getByTestId('stats-undated')).toContainText('1 member has no date');
});

test('from the list in Chinese the figures stay in Chinese, and their rows lead back into it', async ({ page }) => {
  await page.goto('./?lang=zh');
  await page.getByTestId('stats-link').click();
  await expect(page).toHaveURL(/\/adopters\/stats\?lang=zh$/);
  await expect(page.locator('h1')).toHaveText('采用概览');
  await page.getByTestId('stats-countries').locator('tbody a').first().click();
  await expect(page).toHaveURL(/[?&]country=[A-Z]{2}&lang=zh|[?&]lang=zh&country=/);
  await expect(page.locator('#app-stopped')).toHaveCount(0);
});

for (const [lang, scheme, heading] of [
  ['en', 'light', 'Adoption at a glance'],
  ['en', 'dark', 'Adoption at a glance'],
  ['zh', 'light', '采用概览'],
  ['zh', 'dark', '采用概览'],
] as const) {
  test(`the figures in ${lang}, ${scheme}: no accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`stats?lang=${lang}`);
    await expect(page.locator('h1')).toHaveText(heading);
    await expect(page.getByTestId('stats-countries').locator('tbody tr').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the figures’ static page reads without JavaScript, in Chinese at its own address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('zh/stats/');
  await expect(page.locator('h1')).toHaveText('采用概览');
  const row = page.locator('[data-prerendered="stats-industries"] tbody tr').first();
  await expect(row).toBeVisible();
  // Its rows link into the Chinese tree's list.
  expect(await row.locator('a').getAttribute('href')).toMatch(/^\/adopters\/zh\/?\?industry=/);
  await context.close();
});

test('the statistics and the logo wall switch language to their twin, as every page does, focus staying on the switch', async ({ page }) => {
  for (const [path, english, chinese] of [
    ['stats', 'Adoption at a glance', '采用概览'],
    ['logos', 'Logo wall', 'Logo 墙'],
  ]) {
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(english);
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await page.getByTestId('language-switch').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(chinese);
    await expect(page).toHaveURL(new RegExp(`/adopters/zh/${path}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('language-switch')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(english);
    await expect(page).toHaveURL(new RegExp(`/adopters/${path}$`));
    await expect(page.getByTestId('language-switch')).toBeFocused();
  }
});
