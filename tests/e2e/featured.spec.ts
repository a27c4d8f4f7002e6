// Issue #27: featured stories over the list, each a sentence of the member's own story.
import { test, expect, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed, member } from './feed';

const feed = bundledFeed();
const featured = feed.members.filter((m) => m.featured);
const stories = (page: Page) => page.getByTestId('featured-story');

test('the feed features members; the build quoted them', () => {
  // The facts feature Bloomberg and Scatter Lab (content/facts.toml).
  expect(featured.map((m) => m.id)).toEqual(['bloomberg', 'scatter-lab']);
});

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${lang}, ${theme}: each story quotes its member and opens its page; no accessibility violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`?lang=${lang}`);
      await expect(page.getByTestId('featured-stories').locator('h2')).toHaveText(lang === 'en' ? 'Featured stories' : '精选故事');
      await expect(stories(page)).toHaveCount(featured.length);
      for (const [at, m] of featured.entries()) {
        const story = stories(page).nth(at);
        await expect(story).toHaveAttribute('data-member-id', m.id);
        const quote = story.locator('blockquote');
        // The bundled feed has no Chinese announcements: the English quote, marked English.
        const inChinese = lang === 'zh' && m.featured!.quote.zh;
        await expect(quote).toHaveText(inChinese ? m.featured!.quote.zh! : m.featured!.quote.en);
        await expect(quote).toHaveAttribute('lang', inChinese ? 'zh-CN' : 'en');
        await expect(quote).toHaveAttribute('cite', m.featured!.source);
        // Over the quote, what the member does with Karmada, in the page's language.
        const usage = story.locator('.featured-usage');
        const usageInChinese = lang === 'zh' && m.usage.zh;
        await expect(usage).toHaveText(usageInChinese ? m.usage.zh! : m.usage.en);
        await expect(usage).toHaveAttribute('lang', usageInChinese ? 'zh-CN' : 'en');
        await expect(story.getByRole('link')).toHaveAttribute('href', `/adopters/members/${m.id}?lang=${lang}`);
      }
      expect(await axeViolations(page)).toEqual([]);
      await stories(page).first().getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`/members/${featured[0].id}`));
      await expect(page.locator('h1')).toContainText(lang === 'zh' && featured[0].name.zh ? featured[0].name.zh : featured[0].name.en);
    });
  }
}

test('a Chinese quote reads in Chinese, marked so, and every quote shows whole', async ({ page }) => {
  const long = 'We moved every one of our clusters, across three regions and two clouds, onto a single control plane, and our teams stopped writing failover runbooks by hand.';
  const chinese = '我们把所有集群都迁到了同一个控制平面上。';
  const told = member('told', {
    announcement: {
      date: '2025-01-02',
      title: { en: 'Welcome' },
      url: { en: 'https://karmada.io/blog/told' },
      content: {
        en: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }],
        zh: [{ type: 'paragraph', content: [{ type: 'text', text: chinese }] }],
      },
    } as any,
    featured: { quote: { en: long, zh: chinese }, source: 'https://karmada.io/blog/told' },
  });
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...feed, members: [told] }) }));
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ['en', 'zh']) {
      await page.goto(`?lang=${lang}`);
      const quote = stories(page).locator('blockquote');
      await expect(quote).toHaveText(lang === 'zh' ? chinese : long);
      await expect(quote).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      // Nothing of it is cut off: its box holds all of its text.
      const clipped = await quote.locator('p').evaluate((p) => p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1);
      expect(clipped).toBe(false);
    }
  }
});

test('a search or a filter puts the stories away; clearing brings them back', async ({ page }) => {
  await page.goto('');
  await expect(stories(page)).toHaveCount(featured.length);
  await page.getByTestId('search').fill('bloomberg');
  await expect(page.getByTestId('featured-stories')).toHaveCount(0);
  await page.getByTestId('search').fill('');
  await expect(stories(page)).toHaveCount(featured.length);
  await page.getByTestId('kind-filter-vendor').check();
  await expect(page.getByTestId('featured-stories')).toHaveCount(0);
  await page.goBack();
  await expect(stories(page)).toHaveCount(featured.length);
});

test('on a phone the stories scroll sideways and the list still starts on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('');
  await expect(stories(page)).toHaveCount(featured.length);
  const list = page.locator('.featured-list');
  const { scrolls, pageWidth } = await list.evaluate((el) => ({
    scrolls: el.scrollWidth > el.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
  }));
  expect(scrolls).toBe(true);
  expect(pageWidth).toBeLessThanOrEqual(390);
  const firstCard = await page.getByTestId('member-card').first().boundingBox();
  expect(firstCard!.y).toBeLessThan(844);
});

test('keyboard: a story is one tab stop, and Enter opens its page', async ({ page }) => {
  await page.goto('');
  const link = stories(page).first().getByRole('link');
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(stories(page).nth(1).getByRole('link')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/members/${featured[0].id}`));
});

test('a quote is text, never markup, and a quote the member never said is not shown', async ({ page }) => {
  const said = '<img src=x onerror="window.__owned=1"> We run <b>Karmada</b>.';
  const announced = (id: string, sentence: string) => ({
    date: '2025-01-02',
    title: { en: 'Welcome' },
    url: { en: `https://karmada.io/blog/${id}` },
    content: { en: [{ type: 'paragraph', content: [{ type: 'text', text: sentence }] }] },
  });
  const hostile = {
    ...feed,
    members: [
      member('told', { announcement: announced('told', said), featured: { quote: { en: said }, source: 'https://karmada.io/blog/told' } } as any),
      member('invented', { announcement: announced('invented', 'Plain.'), featured: { quote: { en: 'Invented praise.' }, source: 'https://karmada.io/blog/invented' } } as any),
      member('scripted', { featured: { quote: { en: 'x' }, source: 'javascript:alert(1)' } } as any),
    ],
  };
  await page.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  await page.goto('');
  await expect(stories(page)).toHaveCount(1);
  await expect(stories(page).locator('blockquote')).toHaveText(said);
  await expect(stories(page).locator('blockquote img, blockquote b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__owned)).toBeUndefined();
  await expect(page.locator('#app-stopped')).toHaveCount(0);
});
