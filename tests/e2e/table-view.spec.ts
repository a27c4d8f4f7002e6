// Issue #25, density: a compact table view for people who scan, part of the address like every
// other choice of the list.
import { test, expect } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const vendors = feed.members.filter((member) => member.kinds.includes('vendor'));

test('the table view round-trips through the address, with the filters, and back to cards', async ({ page }) => {
  await page.goto('./?kind=vendor');
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(vendors.length);
  await page.getByTestId('layout').selectOption('table');
  await expect(page).toHaveURL(/[?&]view=table/);
  await expect(page).toHaveURL(/[?&]kind=vendor/);
  const rows = page.getByTestId('member-row');
  await expect(rows).toHaveCount(vendors.length);
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(0);

  // The address alone brings it back, and a row opens its member, whose way back is the table.
  await page.reload();
  await expect(rows).toHaveCount(vendors.length);
  await expect(page.getByTestId('layout')).toHaveValue('table');
  const first = vendors.slice().sort((a, b) => a.name.en.localeCompare(b.name.en))[0];
  await expect(rows.first()).toHaveAttribute('data-member-id', first.id);
  await rows.first().locator('th > a').click();
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', first.id);
  await page.getByTestId('back-to-list').click();
  await expect(rows).toHaveCount(vendors.length);
  await page.goBack();
  await page.goBack();
  await expect(rows).toHaveCount(vendors.length);

  // Cards again: the parameter leaves the address.
  await page.getByTestId('layout').selectOption('cards');
  await expect(page.getByTestId('member-card').filter({ visible: true })).toHaveCount(vendors.length);
  await expect(page).not.toHaveURL(/view=/);
  await expect(page.locator('#app-stopped')).toHaveCount(0);
});

test('the table follows a search and names each column', async ({ page }) => {
  await page.goto('./?view=table&lang=zh');
  await expect(page.getByTestId('member-row')).toHaveCount(Math.min(feed.members.length, 48));
  await expect(page.getByTestId('member-table').locator('thead th')).toHaveText(['名称', '类型', '行业', '国家/地区', '加入时间', '使用场景']);
  await page.getByTestId('search').fill(feed.members[0].name.en);
  await expect(page.getByTestId('member-row').first()).toHaveAttribute('data-member-id', feed.members[0].id);
  // What it does with Karmada, in Chinese where the feed has it, else in English, said so.
  const usage = page.getByTestId('member-row').first().locator('td.usage-cell');
  const first = feed.members[0];
  await expect(usage).toContainText((first.usage.zh ?? first.usage.en).slice(0, 40));
  await expect(usage).toHaveAttribute('lang', first.usage.zh ? 'zh-CN' : 'en');
  // Its website under its name, as karmada.io's table shows it: named by its host, in a new tab.
  const website = page.getByTestId('member-row').first().locator('th .row-website a');
  await expect(website).toHaveAttribute('href', first.website);
  await expect(website).toContainText(new URL(first.website).hostname.replace(/^www\./, ''));
  await expect(website).toHaveAttribute('target', '_blank');
});

for (const [lang, scheme] of [['en', 'light'], ['zh', 'dark']] as const) {
  test(`the table view has no accessibility violations (${lang}, ${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`./?view=table&lang=${lang}`);
    await expect(page.getByTestId('member-row').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('on a phone the table scrolls in its frame, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?view=table');
  await expect(page.getByTestId('member-row').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The table is wider than the phone: its frame scrolls.
  const frame = await page.locator('.member-table-frame').evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(frame).toBeGreaterThan(0);
});
