// The static pages (src/static_pages/, written into the bundle by crates/site): what a visitor
// without JavaScript, a crawler or a link preview gets, and how the app takes a page over.
import { test, expect, Browser, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { boxesAcrossTakeover, holdRequests } from './takeover';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const byName = [...feed.members].sort((a, b) => a.name.en.localeCompare(b.name.en, 'en', { sensitivity: 'base' }));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list shows every member, and every card opens its static page', async ({ page }) => {
    await page.goto('./');
    const cards = page.locator('[data-prerendered="static-member-list"] [data-prerendered="member-card"]');
    await expect(cards).toHaveCount(feed.members.length);
    const links = await cards.locator('a.card-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(new Set(links).size).toBe(feed.members.length);
    for (const href of links) {
      const id = new URL(href).pathname.split('/').pop()!;
      const member = feed.members.find((m) => m.id === id)!;
      expect(member, href).toBeTruthy();
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.locator('h1')).toHaveText(member.name.en);
      await expect(page).toHaveTitle(`${member.name.en} · Karmada adopters`);
      if (member.announcement) {
        await expect(page.locator('[data-prerendered="announcement"]')).toContainText(member.announcement.title.en);
      }
    }
  });

  test('Chinese twins are linked with hreflang and read in Chinese', async ({ page }) => {
    const member = feed.members.find((m) => m.name.zh && m.announcement) ?? feed.members[0];
    await page.goto(`members/${member.id}`);
    // The language switch is a link to the twin the head names.
    const twin = await page.locator('link[rel="alternate"][hreflang="zh-CN"]').getAttribute('href');
    const switchLink = page.locator('[data-prerendered="language-switch"]');
    await expect(switchLink).toHaveAttribute('href', new URL(twin!).pathname);
    await switchLink.click();
    await expect(page).toHaveURL(new URL(twin!).pathname);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveText(member.name.zh ?? member.name.en);
    await expect(page.locator('[data-prerendered="back-to-list"]')).toHaveAttribute('href', '/adopters/zh/');
    await page.goto('zh/');
    await expect(page.locator('[data-prerendered="member-card"]')).toHaveCount(feed.members.length);
  });

  test("a shared link's search and filters cannot apply: the list says it shows every member", async ({ page }) => {
    for (const [address, note] of [
      ['./?kind=vendor&q=gpu', `All ${feed.members.length} members, by name. Search and filters need JavaScript.`],
      ['zh/?industry=finance', `全部 ${feed.members.length} 个成员，按名称排列。搜索和筛选需要启用 JavaScript。`],
    ]) {
      await page.goto(address);
      await expect(page.locator('[data-prerendered="static-list-note"]'), address).toHaveText(note);
      await expect(page.locator('[data-prerendered="static-member-list"] [data-prerendered="member-card"]')).toHaveCount(feed.members.length);
    }
  });

  test('every page links its twin in the other language, and the list links the other pages', async ({ page }) => {
    await page.goto('./');
    for (const [testid, path] of [['stats-link', '/adopters/stats'], ['logos-link', '/adopters/logos'], ['join-cta', '/adopters/join?lang=en']]) {
      await expect(page.locator(`[data-prerendered="${testid}"]`), testid).toHaveAttribute('href', path);
    }
    await page.locator('[data-prerendered="logos-link"]').click();
    await expect(page.locator('[data-prerendered="logo-wall"]')).toBeVisible();
    await page.goBack();
    for (const [from, to, lang] of [
      ['./', '/adopters/zh/', 'zh-CN'],
      ['zh/', '/adopters/', 'en'],
      ['join', '/adopters/zh/join', 'zh-CN'],
      ['zh/stats', '/adopters/stats', 'en'],
      ['logos', '/adopters/zh/logos', 'zh-CN'],
    ]) {
      await page.goto(from);
      const switchLink = page.locator('[data-prerendered="language-switch"]');
      await expect(switchLink, from).toHaveCount(1);
      await expect(switchLink, from).toBeVisible();
      await switchLink.click();
      await expect(page, from).toHaveURL(to);
      await expect(page.locator('html'), from).toHaveAttribute('lang', lang);
      await expect(page.locator('h1'), from).not.toBeEmpty();
    }
  });

  test('the join page explains each program and links to its GitHub issue form', async ({ page }) => {
    await page.goto(`members/${byName[0].id}`);
    const join = page.locator('[data-prerendered="join-cta"]');
    await expect(join).toHaveAttribute('href', /\/adopters\/join\?program=(adopter|partner)/);
    await join.click();
    await expect(page.locator('h1')).toHaveText('How to join');
    for (const program of ['adopter', 'individual', 'partner']) {
      const section = page.locator(`[data-prerendered="join-program-${program}"]`);
      await expect(section.locator('h2')).not.toBeEmpty();
      await expect(section.locator('p').first()).not.toBeEmpty();
      // What joining brings, as the app's form says it.
      await expect(section.locator('[data-prerendered="program-benefits"] li').first()).not.toBeEmpty();
      const issue = new URL((await section.locator('[data-prerendered="join-issue-link"]').getAttribute('href'))!);
      expect(`${issue.origin}${issue.pathname}`).toBe('https://github.com/karmada-io/community/issues/new');
      // The upstream template as its maintainers wrote it, nothing answered in advance.
      expect(issue.searchParams.get('template')).toMatch(/^[\w-]+\.(md|ya?ml)$/);
      expect(issue.searchParams.has('body')).toBe(false);
    }
    await page.goto('zh/join');
    await expect(page.locator('h1')).toHaveText('如何加入');
    await expect(page.locator('[data-prerendered="join-issue-link"]')).toHaveCount(3);
  });

  test("an address with no page says so, in its tree's language, with the status 404", async ({ page }) => {
    for (const [address, heading, back] of [
      ['members/no-such-member', 'Page not found', '/adopters/'],
      ['no/such/page', 'Page not found', '/adopters/'],
      ['zh/members/no-such-member', '页面不存在', '/adopters/zh/'],
    ]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.locator('h1'), address).toHaveText([heading]);
      await expect(page.locator('[data-prerendered="back-to-list"]'), address).toHaveAttribute('href', back);
    }
  });

  test("a member's other address (its blog post's slug) moves to its page", async ({ page }) => {
    const member = feed.members.find((m) => m.id.includes('-'))!;
    const compact = member.id.replaceAll('-', '');
    for (const [from, to] of [
      [`members/${compact}`, `/adopters/members/${member.id}`],
      [`zh/members/${compact}/`, `/adopters/zh/members/${member.id}`],
    ]) {
      const response = await page.goto(from);
      expect(response?.status(), from).toBe(200);
      expect(response?.request().redirectedFrom(), from).not.toBeNull();
      expect(new URL(page.url()).pathname, from).toBe(to);
      await expect(page.locator('[data-prerendered="member-name"]'), from).not.toBeEmpty();
    }
  });

  test("a logo that does not load shows the member's monogram, not a broken image", async ({ page, browser }) => {
    const withLogo = byName.filter((member) => (member as any).logo);
    const [broken, loaded] = withLogo;
    await page.context().route(/^https:\/\/[^/]+\/.*\.(png|svg|jpe?g|webp)$/, (route) =>
      route.request().url() === (broken as any).logo.url ? route.abort() : route.fulfill({ contentType: 'image/png', body: PIXEL }),
    );
    for (const path of ['./', `members/${broken.id}`]) {
      await page.goto(path);
      const box = (id: string) => page.locator(`[data-member-id="${id}"] [data-prerendered="member-logo"]`).first();
      const brokenBox = path === './' ? box(broken.id) : page.locator('[data-prerendered="member-logo"]').first();
      await expect(brokenBox.locator('img')).toHaveAttribute('data-letters', /^\S{1,2}$/);
      const accent = await brokenBox.evaluate((el) => getComputedStyle(el).getPropertyValue('--monogram-accent').trim());
      expect(await hasColour(browser, await brokenBox.screenshot(), accent), path).toBe(true);
      if (path === './') expect(await hasColour(browser, await box(loaded.id).screenshot(), accent), 'a loaded logo').toBe(false);
    }
  });

  test('nothing is blank', async ({ page }) => {
    for (const path of ['./', 'zh/', 'join', `members/${byName[0].id}`, `zh/members/${byName[0].id}`]) {
      await page.goto(path);
      expect((await page.locator('body').innerText()).trim().length, path).toBeGreaterThan(100);
    }
  });
});

test('static pages have no accessibility violations', async ({ page }) => {
  // JavaScript on for axe itself; the static copy is what is checked, before the feed comes.
  await page.route('**/members.json', () => {});
  for (const path of [`members/${byName[0].id}`, `zh/members/${byName[1].id}`]) {
    await page.goto(path);
    await expect(page.locator('#prerendered h1')).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
  }
});

/// Whether the PNG `shot` has a pixel of the colour `hex` (`#rrggbb`), give or take a little:
/// read in a page of its own, since the test's page may run no script.
async function hasColour(browser: Browser, shot: Buffer, hex: string) {
  const context = await browser.newContext();
  const reader = await context.newPage();
  const found = await reader.evaluate(
    async ({ data, hex }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context2d = canvas.getContext('2d')!;
      context2d.drawImage(image, 0, 0);
      const pixels = context2d.getImageData(0, 0, image.width, image.height).data;
      const want = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
      for (let at = 0; at < pixels.length; at += 4) {
        if (want.every((value, channel) => Math.abs(pixels[at + channel] - value) <= 8)) return true;
      }
      return false;
    },
    { data: shot.toString('base64'), hex },
  );
  await context.close();
  return found;
}

/// The sum of the page's layout shifts so far (none from input).
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    (window as any).__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/// A 1×1 PNG for every logo and image on karmada.io (this machine has no network): each loads,
/// as it does for a visitor, into the box its width and height reserve.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('a member of a feed newer than the build is shown at its address, never "Page not found"', async ({ page }) => {
  const newer = { ...byName[0], id: 'newer-than-the-build', name: { en: 'Newer Than The Build' }, aliases: [] };
  await page.route('**/members.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...feed, members: [...feed.members, newer] }) }),
  );
  // Before the app: the not-found page the host answered with is not shown at a member's
  // address; elsewhere it is.
  await page.route('**/*.wasm', (route) => route.abort());
  const response = await page.goto(`members/${newer.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.goto('no/such/page');
  await expect(page.locator('#prerendered h1')).toHaveText('Page not found');
  // With the app: the member.
  await page.unroute('**/*.wasm');
  await page.goto(`members/${newer.id}`);
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', newer.id);
  await expect(page.locator('h1')).toHaveText([newer.name.en]);
  await expect(page).toHaveTitle(`${newer.name.en} · Karmada adopters`);
});

test('a parameter the app does not read keeps the static copy; one it reads drops it', async ({ page }) => {
  // The app never starts here: what shows is the static copy alone.
  await page.route('**/*.wasm', (route) => route.abort());
  const member = byName[0];
  await page.goto(`members/${member.id}?utm_source=newsletter&fbclid=x`);
  await expect(page.locator('#prerendered [data-prerendered="member-name"]')).toHaveText(member.name.en);
  await page.goto(`members/${member.id}?lang=en`);
  await expect(page.locator('#prerendered [data-prerendered="member-name"]')).toHaveText(member.name.en);
  await page.goto('?utm_campaign=launch');
  await expect(page.locator('#prerendered [data-prerendered="member-card"]').first()).toBeVisible();
  for (const address of [`members/${member.id}?q=gpu`, `members/${member.id}?lang=zh`, '?kind=vendor&utm_source=x']) {
    await page.goto(address);
    await expect(page.locator('#prerendered'), address).toHaveCount(0);
  }
});

test('the app takes a static member page over without a shift, and keeps the title right', async ({ page }) => {
  await page.route('https://**/*.{png,jpg,jpeg,svg,webp,gif}', (route) => route.fulfill({ contentType: 'image/png', body: PIXEL }));
  await watchLayoutShift(page);
  const member = feed.members.find((m) => m.announcement && m.usage.en.length < 160) ?? byName[0];
  // The same boxes in the same places (the score below cannot see a replaced element move).
  const { copy, app } = await boxesAcrossTakeover(page, `members/${member.id}`, ['h1', '.member-detail', '.neighbours a:last-child', '.join-cta']);
  expect(app).toEqual(copy);
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', member.id);
  await expect(page).toHaveTitle(`${member.name.en} · Karmada adopters`);
  // Taking over is not a navigation: focus stays where the visitor left it (here, nowhere).
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await page.evaluate(() => (window as any).__layoutShift)).toBe(0);
  const description = () => page.locator('meta[name="description"]').getAttribute('content');
  expect(await description()).toBe(member.usage.en.split(/\s+/).join(' ').trim());

  // In-app navigation and history keep the document's title in step.
  await page.getByTestId('back-to-list').click();
  await expect(page).toHaveTitle('Who runs Karmada');
  // Screen readers hear the new page (the first page of a load is announced by the browser).
  await expect(page.locator('#route-announcer')).toHaveText('Who runs Karmada');
  expect(await description()).toBe(
    'Organisations running Karmada in production, products built on it, and partners offering commercial support.',
  );
  const other = page.getByTestId('member-card').filter({ visible: true }).nth(1);
  const otherId = (await other.getAttribute('data-member-id'))!;
  const otherName = feed.members.find((m) => m.id === otherId)!.name.en;
  await other.locator('a.card-link').click();
  await expect(page).toHaveTitle(`${otherName} · Karmada adopters`);
  await page.goBack();
  await expect(page).toHaveTitle('Who runs Karmada');
  await page.goForward();
  await expect(page).toHaveTitle(`${otherName} · Karmada adopters`);
  await page.getByTestId('join-cta').click();
  await expect(page).toHaveTitle('How to join · Karmada adopters');
});

test('a static page the server gives for an odd address is the view the app keeps: one heading, one title', async ({ page }) => {
  const member = byName[0];
  // The server joins repeated slashes into the member's own file; the app reads the address alike.
  await page.goto(`members//${member.id}`);
  await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', member.id);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText([member.name.en]);
  await expect(page).toHaveTitle(`${member.name.en} · Karmada adopters`);
  // A host that answers unknown paths with 404.html: its static copy is the app's not-found view.
  await page.goto('404.html');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText(['Page not found']);
});

test('the join page shows its form before the app starts, and the app takes it over without a shift', async ({ page }) => {
  // Without the wasm: the form is there at once, inert, with the first program chosen.
  await page.route('**/*.wasm', (route) => route.abort());
  for (const [address, title] of [['join', 'How to join'], ['zh/join', '如何加入']]) {
    await page.goto(address);
    await expect(page.locator('#prerendered h1'), address).toHaveText(title);
    await expect(page.locator('#prerendered [data-prerendered="join-field-org-name"]'), address).toBeVisible();
    await expect(page.locator('#prerendered [data-prerendered="join-program-adopter"]'), address).toBeChecked();
    expect(await page.locator('#prerendered input:not([inert])').count(), address).toBe(0);
  }
  // Another program's form, or another language, is the app's to draw; the page's own
  // language and first program are what the copy shows.
  for (const address of ['join?program=partner', 'join?lang=zh']) {
    await page.goto(address);
    await expect(page.locator('#prerendered'), address).toHaveCount(0);
  }
  for (const address of ['join?program=adopter&lang=en', 'zh/join?lang=zh']) {
    await page.goto(address);
    await expect(page.locator('#prerendered [data-prerendered="join-field-org-name"]'), address).toBeVisible();
  }
  await page.unroute('**/*.wasm');

  await watchLayoutShift(page);
  const { copy, app } = await boxesAcrossTakeover(page, 'join', ['h1', '.program-choice', '.join-form', '.join-preview'], '**/karmada-showcase-join_bg.wasm');
  expect(app).toEqual(copy);
  await expect(page.getByTestId('join-field-org-name')).toBeVisible();
  await expect(page.getByTestId('join-program-adopter')).toBeChecked();
  await expect(page).toHaveTitle('How to join · Karmada adopters');
  expect(await page.evaluate(() => (window as any).__layoutShift)).toBe(0);
  await page.getByTestId('join-field-org-name').fill('Example Corp');
  await expect(page.getByTestId('join-preview')).toContainText('Example Corp');
});

test('the app takes a static page over keeping the scroll position and the focused link', async ({ page }) => {
  await page.route('https://**/*.{png,jpg,jpeg,svg,webp,gif}', (route) => route.fulfill({ contentType: 'image/png', body: PIXEL }));
  // The app waits until the visitor has scrolled and tabbed on the static page.
  const release = await holdRequests(page);
  await page.setViewportSize({ width: 1280, height: 500 });
  const member = feed.members.find((m) => m.announcement && m.caseStudies?.length) ?? byName[0];
  await page.goto(`members/${member.id}`);
  const staticLink = page.locator('#prerendered [data-prerendered="join-cta"]');
  await staticLink.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByTestId('join-cta')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test("in a frame that lists some kinds, focus on a member's static page goes to the same link in the app, which draws fewer neighbours", async ({ page }) => {
  await page.route('https://**/*.{png,jpg,jpeg,svg,webp,gif}', (route) => route.fulfill({ contentType: 'image/png', body: PIXEL }));
  const release = await holdRequests(page);
  const vendor = byName.find((m) => m.kinds.includes('vendor'))!;
  await page.goto(`members/${vendor.id}?embed=1&kinds=vendor`);
  const focusable = 'a[href], button, input, select, textarea, [tabindex]';
  const inCopy = await page.locator(`#prerendered :is(${focusable})`).count();
  await page.locator('#prerendered [data-prerendered="suggest-edit"]').focus();
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByTestId('suggest-edit')).toBeFocused();
  // The copy's neighbours, hidden in it, are more links than the app draws: a place counted
  // in the copy is another link in the app.
  expect(await page.locator(`.showcase :is(${focusable})`).count()).toBeLessThan(inCopy);
});

test('both languages read one feed, from one address, kept once', async ({ page }) => {
  const feedRequests: string[] = [];
  page.on('request', (request) => request.url().includes('members.json') && feedRequests.push(new URL(request.url()).pathname));
  for (const path of ['./', 'zh/', `zh/members/${byName[0].id}`, 'join']) {
    await page.goto(path);
    await expect(page.locator('.showcase main h1').first()).toBeVisible();
    await page.waitForFunction(() => document.getElementById('prerendered') === null);
  }
  expect(new Set(feedRequests)).toEqual(new Set(['/adopters/members.json']));
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('karmada-showcase:feed:')));
  expect(kept).toHaveLength(1);
});

test('atom.xml in each language is Atom 1.0 that a real XML parser reads: one entry per member who joined, newest first', async ({ page, request }) => {
  const feed = bundledFeed();
  const joined = feed.members.filter((m: any) => m.joined);
  expect(joined.length).toBeGreaterThan(0);
  // A page without the app's Trusted Types policy, where DOMParser may be called.
  await page.goto('about:blank');
  for (const [tree, lang] of [['', 'en'], ['zh/', 'zh']]) {
    const response = await request.get(`${tree}atom.xml`);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain('xml');
    const checked = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return { error: doc.getElementsByTagName('parsererror')[0].textContent };
      const NS = 'http://www.w3.org/2005/Atom';
      const own = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === NS && c.localName === name);
      const one = (el: Element, name: string) => (own(el, name).length === 1 ? own(el, name)[0].textContent : null);
      const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
      const absolute = (iri: string | null) => !!iri && /^https?:\/\//.test(iri) && !!new URL(iri);
      const feedEl = doc.documentElement;
      const problems: string[] = [];
      if (feedEl.namespaceURI !== NS || feedEl.localName !== 'feed') problems.push('root is not atom:feed');
      // RFC 4287 4.1.1: exactly one id, title and updated; an author (here on the feed).
      for (const name of ['id', 'title', 'updated']) if (one(feedEl, name) === null) problems.push(`feed ${name}`);
      if (!absolute(one(feedEl, 'id'))) problems.push('feed id is not an absolute IRI');
      if (!rfc3339.test(one(feedEl, 'updated') ?? '')) problems.push('feed updated');
      if (own(feedEl, 'author').length < 1 || own(own(feedEl, 'author')[0], 'name').length !== 1) problems.push('feed author');
      const self = own(feedEl, 'link').find((l) => l.getAttribute('rel') === 'self');
      // 4.1.2: each entry's id, title, updated; a link to its page (content is HTML, so no summary is required).
      const entries = own(feedEl, 'entry').map((entry) => {
        for (const name of ['id', 'title', 'updated']) if (one(entry, name) === null) problems.push(`entry ${name}`);
        if (!rfc3339.test(one(entry, 'updated') ?? '')) problems.push('entry updated');
        const alternate = own(entry, 'link').find((l) => l.getAttribute('rel') === 'alternate');
        if (!alternate || !absolute(alternate.getAttribute('href'))) problems.push('entry link');
        const content = own(entry, 'content')[0];
        if (content && content.getAttribute('type') === 'html') {
          const html = new DOMParser().parseFromString(content.textContent ?? '', 'text/html');
          if (html.querySelector('script, iframe, [onerror], [onclick]')) problems.push('active content');
        }
        return { id: one(entry, 'id'), updated: one(entry, 'updated'), title: one(entry, 'title'), hasContent: !!content };
      });
      return { problems, lang: feedEl.getAttribute('xml:lang'), self: self?.getAttribute('href'), entries };
    }, await response.text());
    expect(checked.error).toBeUndefined();
    expect(checked.problems).toEqual([]);
    expect(checked.lang?.split('-')[0]).toBe(lang);
    expect(checked.self).toMatch(new RegExp(`/adopters/${tree}atom\\.xml$`));
    const entries = checked.entries!;
    expect(entries).toHaveLength(joined.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const days = entries.map((e) => e.updated!);
    expect([...days].sort().reverse()).toEqual(days);
    for (const member of joined) {
      const entry = entries.find((e) => e.id!.endsWith(`/adopters/${tree}members/${member.id}`));
      expect(entry, member.id).toBeTruthy();
      expect(entry!.hasContent).toBe(!!member.announcement);
    }
  }
  // Readers find it from the pages.
  await page.goto('./');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/adopters\/atom\.xml$/);
});
