// Issue #5: "How to join". Each program's form is filled as a visitor would, errors are seen and
// fixed, the preview follows, and Submit opens a prefilled GitHub issue whose URL is decoded and
// checked. GitHub is never reached: its pages are answered locally.
import { test, expect, Page, BrowserContext } from '@playwright/test';
import { axeViolations } from './axe';
import { bundledFeed } from './feed';

const feed = bundledFeed();
const NEW_ISSUE = 'https://github.com/karmada-io/community/issues/new';

const field = (page: Page, id: string) => page.getByTestId(`join-field-${id}`);

async function offlineGitHub(context: BrowserContext) {
  await context.route('https://github.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>GitHub</title>' }),
  );
}

/// Presses Submit and returns the URL of the tab it opened.
async function submitAndCatchTab(page: Page): Promise<URL> {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('join-submit').click()]);
  await tab.waitForLoadState('domcontentloaded');
  const url = new URL(tab.url());
  await tab.close();
  return url;
}

async function expectFieldError(page: Page, id: string) {
  const input = field(page, id);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAttribute('aria-describedby', new RegExp(`\\b${id}-error\\b`));
  await expect(page.locator(`[id="${id}-error"]`)).not.toBeEmpty();
}

async function expectFieldFine(page: Page, id: string) {
  await expect(field(page, id)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${id}-error"]`)).toBeEmpty();
}

test.beforeEach(async ({ context }) => {
  await offlineGitHub(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('the join call to action is on the list and on every detail view', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('join-cta').click();
  await expect(page.getByTestId('join-form')).toBeVisible();
  await expect(page).toHaveURL(/\/adopters\/join\?/);
  // The list, taken down as its address gains `lang=`, did not trap the app on its way out.
  await page.waitForTimeout(500);
  await expect(page.locator('#app-stopped')).toHaveCount(0);

  const partner = feed.members.find((m) => m.kinds.includes('partner'));
  const adopter = feed.members.find((m) => !m.kinds.includes('partner'))!;
  await page.goto(`members/${adopter.id}`);
  await page.getByTestId('join-cta').click();
  await expect(page.getByTestId('join-program-adopter')).toBeChecked();
  if (partner) {
    await page.goto(`members/${partner.id}`);
    await page.getByTestId('join-cta').click();
    await expect(page.getByTestId('join-program-partner')).toBeChecked();
  }
});

test('organisation: errors, fixes, preview, prefilled issue, draft kept over a reload', async ({ page }) => {
  await page.goto('join?program=adopter');
  await expect(page.getByTestId('join-privacy-note')).toBeVisible();

  // Submitting the empty form lists every problem at the top and marks each field.
  await page.getByTestId('join-submit').click();
  const summary = page.getByTestId('join-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  for (const id of ['org-name', 'website', 'country', 'usage', 'github-id', 'email']) {
    await expectFieldError(page, id);
  }
  // A summary link takes the visitor to its field.
  await page.getByTestId('join-summary-website').click();
  await expect(field(page, 'website')).toBeFocused();

  // Wrong values, then right ones.
  await field(page, 'website').fill('javascript:alert(1)');
  await field(page, 'github-id').fill('-bad--id-');
  await field(page, 'logo').fill('https://robotics.example.com/logo.jpg');
  await field(page, 'email').fill('not-an-email');
  await field(page, 'email').blur();
  for (const id of ['website', 'github-id', 'logo', 'email']) await expectFieldError(page, id);

  await field(page, 'org-name').fill('Example Robotics');
  await field(page, 'website').fill('https://robotics.example.com/');
  await field(page, 'country').fill('Singapore');
  await field(page, 'org-type').selectOption('end-user');
  await field(page, 'usage').fill('We run GPU training across three regions with Karmada.');
  await field(page, 'production-stage').selectOption('production-gt-1y');
  await field(page, 'github-id').fill('example-bot');
  await field(page, 'email').fill('ops@robotics.example.com');
  await field(page, 'logo').fill('https://robotics.example.com/logo.svg');
  await field(page, 'ack-public').check();
  for (const id of ['org-name', 'website', 'github-id', 'logo', 'email', 'usage']) await expectFieldFine(page, id);
  await expect(summary).toBeHidden();

  // The preview is the showcase's own card and header.
  const preview = page.getByTestId('join-preview');
  await expect(preview.getByTestId('member-card')).toContainText('Example Robotics');
  await expect(preview.getByTestId('member-card')).toContainText('We run GPU training');
  // The card is a picture: its link takes no focus (it was a Tab stop leading back here).
  await preview.locator('.preview-card a').first().focus();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.preview-card')))).toBe(false);
  await expect(preview.getByTestId('member-name')).toHaveText('Example Robotics');
  await expect(preview.getByTestId('website')).toHaveAttribute('href', 'https://robotics.example.com/');

  const url = await submitAndCatchTab(page);
  expect(`${url.origin}${url.pathname}`).toBe(NEW_ISSUE);
  expect(url.searchParams.get('title')).toContain('Example Robotics');
  const body = url.searchParams.get('body')!;
  expect(body).toContain('Example Robotics');
  expect(body).toContain('https://robotics.example.com/');
  expect(body).toContain('We run GPU training across three regions with Karmada.');
  expect(body).toContain('example-bot');
  expect(body).not.toContain('ops@robotics.example.com'); // public issue: the address is written as name[at]host
  await expect(page.getByTestId('join-opened')).toBeVisible();
  // Its link says where it goes, and goes where the opened tab went.
  await expect(page.getByTestId('join-issue-link')).toHaveText('open the prefilled issue on GitHub');
  const linked = new URL((await page.getByTestId('join-issue-link').getAttribute('href'))!);
  expect(linked.searchParams.get('title')).toBe(url.searchParams.get('title'));
  expect(linked.searchParams.get('body')).toBe(body);

  // The draft survives a reload; "Clear draft" empties the form and forgets it.
  await page.reload();
  await expect(field(page, 'org-name')).toHaveValue('Example Robotics');
  await expect(field(page, 'production-stage')).toHaveValue('production-gt-1y');
  await expect(field(page, 'ack-public')).toBeChecked();
  await page.getByTestId('join-clear-draft').click();
  await expect(field(page, 'org-name')).toHaveValue('');
  // It says so where screen readers hear it, and can be undone: the draft comes back whole.
  await expect(page.getByTestId('join-copy-status')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('join-cleared')).toBeVisible();
  // And no line still says a draft is kept.
  await expect(page.getByTestId('join-draft-status')).toHaveText('');
  await page.getByTestId('join-undo-clear').click();
  await expect(field(page, 'org-name')).toHaveValue('Example Robotics');
  await expect(field(page, 'production-stage')).toHaveValue('production-gt-1y');
  await expect(field(page, 'ack-public')).toBeChecked();
  await expect(page.getByTestId('join-cleared')).toHaveCount(0);
  // Keyboard focus stays in the form's actions (the undo button went away).
  await expect(page.getByTestId('join-clear-draft')).toBeFocused();
  await page.reload();
  await expect(field(page, 'org-name')).toHaveValue('Example Robotics');
  // What is typed after clearing is a new draft: the undo that would replace it goes.
  await page.getByTestId('join-clear-draft').click();
  await expect(page.getByTestId('join-undo-clear')).toBeVisible();
  await field(page, 'org-name').fill('Another Org');
  await expect(page.getByTestId('join-undo-clear')).toHaveCount(0);
  await page.getByTestId('join-clear-draft').click();
  await expect(field(page, 'org-name')).toHaveValue('');
  await page.reload();
  await expect(field(page, 'org-name')).toHaveValue('');
  await expect(page.getByTestId('join-cleared')).toHaveCount(0);
});

test('organisation: copy as Markdown and copy the feed entry', async ({ page }) => {
  await page.goto('join?program=adopter');
  await field(page, 'org-name').fill('Copy Corp');
  await field(page, 'website').fill('https://copy.example.com/');
  await field(page, 'country').fill('DE');
  await field(page, 'org-type').selectOption('vendor');
  await field(page, 'usage').fill('Multi-cluster failover for our customers.');
  await field(page, 'production-stage').selectOption('production-6-12m');
  await field(page, 'github-id').fill('copy-corp');
  await field(page, 'email').fill('team@copy.example.com');
  await field(page, 'ack-public').check();

  await page.getByTestId('join-copy-markdown').click();
  await expect(page.getByTestId('join-copy-status')).not.toBeEmpty();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('Copy Corp');
  expect(markdown).toContain('Multi-cluster failover for our customers.');

  await page.getByTestId('join-copy-feed').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(markdown);
  const entry = await page.evaluate(() => navigator.clipboard.readText());
  const json = JSON.parse(entry.slice(0, entry.lastIndexOf('}') + 1));
  expect(json.name.en).toBe('Copy Corp');
  expect(json.website).toBe('https://copy.example.com/');
  expect(json.kinds).toContain('vendor');
  expect(entry).toMatch(/^\|.*Copy Corp.*\|$/m); // the adopters-table row
});

test('individual membership: acknowledgements, GitHub ID rules, the issue form template', async ({ page }) => {
  await page.goto('join?program=individual');
  await expect(page.getByTestId('join-program-individual')).toBeChecked();
  await page.getByTestId('join-submit').click();
  for (const id of ['developer-name', 'company-name', 'email', 'github-id', 'karmada-version', 'ack-guidelines', 'ack-2fa']) {
    await expectFieldError(page, id);
  }
  await field(page, 'developer-name').fill('Mei Chen');
  await field(page, 'company-name').fill('示例科技');
  await field(page, 'email').fill('mei@example.cn');
  await field(page, 'github-id').fill('a'.repeat(40));
  await field(page, 'github-id').blur();
  await expectFieldError(page, 'github-id');
  await field(page, 'github-id').fill('mei-chen');
  await field(page, 'karmada-version').fill('v1.12.0');
  for (const id of ['ack-guidelines', 'ack-2fa', 'ack-mailing-list', 'ack-gitdm', 'ack-openprofile']) {
    await field(page, id).check();
  }
  await expect(page.getByTestId('join-error-summary')).toBeHidden();
  await expect(page.getByTestId('join-preview')).not.toContainText('undefined');

  const url = await submitAndCatchTab(page);
  expect(`${url.origin}${url.pathname}`).toBe(NEW_ISSUE);
  expect(url.searchParams.get('template')).toBe('adopter-group-application.yaml');
  expect(url.searchParams.get('labels')).toContain('adopter-group-membership');
  expect(url.searchParams.get('title')).toContain('Mei Chen');
  expect(url.searchParams.get('body')).toContain('示例科技');
  expect(url.searchParams.get('body')).toContain('v1.12.0');
});

test('partner: review principles, hostile input stays text, a long application falls back to pasting', async ({ page }) => {
  await page.goto('join?program=partner');
  await expect(page.getByTestId('join-form')).toContainText(/real|authentic/i);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await field(page, 'org-name').fill('<img src=x onerror=alert(1)>Evil');
  await field(page, 'description').fill('多集群'.repeat(333)); // ~1,000 CJK characters: ~9,000 once URL-encoded
  await field(page, 'website').fill('https://support.example.com/karmada');
  await field(page, 'logo').fill('https://support.example.com/logo.png');
  await field(page, 'github-id').fill('support-team');
  for (const id of ['ack-authentic', 'ack-url-relevant', 'ack-karmada-support']) await field(page, id).check();

  const preview = page.getByTestId('join-preview');
  await expect(preview.getByTestId('member-card')).toContainText('<img src=x onerror=alert(1)>Evil');
  expect(await preview.locator('img[src="x"]').count()).toBe(0);

  const url = await submitAndCatchTab(page);
  expect(`${url.origin}${url.pathname}`).toBe(NEW_ISSUE);
  expect(url.searchParams.get('template')).toBe('community-partner.yml');
  expect(url.searchParams.get('body') ?? '').not.toContain('多集群多集群');
  await expect(page.getByTestId('join-fallback-notice')).toBeVisible();
  const pasted = await page.evaluate(() => navigator.clipboard.readText());
  expect(pasted).toContain('多集群'.repeat(333));
  expect(dialogs).toEqual([]);
});

test('Chinese: labels, the language switch keeps the program', async ({ page }) => {
  await page.goto('join?program=partner&lang=zh');
  await expect(page.locator('h1')).toHaveText('如何加入');
  await expect(page.getByTestId('join-program-partner')).toBeChecked();
  await page.getByTestId('language-switch').click();
  await expect(page.locator('h1')).toHaveText('How to join');
  await expect(page.getByTestId('join-program-partner')).toBeChecked();
});

test('Chinese: the examples inside empty fields are Chinese too, and follow the language switch', async ({ page }) => {
  await page.goto('join?program=adopter&lang=zh');
  await expect(page.getByTestId('join-field-country')).toHaveAttribute('placeholder', '中国');
  // Sentences and names in Chinese; addresses and handles stay as they are.
  await expect(page.getByTestId('join-field-usage')).toHaveAttribute('placeholder', /^[\u4e00-\u9fff]/);
  await expect(page.getByTestId('join-field-website')).toHaveAttribute('placeholder', 'https://www.example.com/');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('join-field-country')).toHaveAttribute('placeholder', 'China');
});

test('one language switch on every page: the same element, language tag and name', async ({ page }) => {
  const markup = async () => {
    const toggle = page.getByTestId('language-switch');
    await expect(toggle).toBeVisible();
    return toggle.evaluate((element) => ({
      tag: element.tagName,
      lang: element.getAttribute('lang'),
      className: element.className,
      name: element.getAttribute('aria-label'),
      text: element.textContent,
    }));
  };
  for (const lang of ['en', 'zh']) {
    await page.goto(`join?lang=${lang}`);
    const onJoin = await markup();
    await page.goto(`./?lang=${lang}`);
    expect(await markup(), lang).toEqual(onJoin);
    // A member's page has it too, and it keeps the member.
    await page.goto(`members/bloomberg?lang=${lang}`);
    expect(await markup(), lang).toEqual(onJoin);
    expect(onJoin.lang).toBe(lang === 'en' ? 'zh-CN' : 'en');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('member-detail')).toHaveAttribute('data-member-id', 'bloomberg');
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
  }
});

for (const lang of ['en', 'zh']) {
  test(`the form with errors shown has no accessibility violations (${lang})`, async ({ page }) => {
    await page.goto(`join?program=adopter&lang=${lang}`);
    await page.getByTestId('join-submit').click();
    await expect(page.getByTestId('join-error-summary')).toBeVisible();
    await field(page, 'help-wanted').check(); // shows the conditional field too
    expect(await axeViolations(page)).toEqual([]);
  });
}

test("on a dark host the form's error text keeps AA contrast", async ({ page }) => {
  // The host's forced theme (Docusaurus' data-theme), not the system's preference.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('join?program=adopter&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('join-submit').click();
  const error = page.locator('[id="org-name-error"]');
  await expect(error).not.toBeEmpty();
  const ratio = await error.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let background = 'rgba(0, 0, 0, 0)';
    for (let at: Element | null = element; at && /rgba\(0, 0, 0, 0\)|transparent/.test(background); at = at.parentElement) {
      background = getComputedStyle(at).backgroundColor;
    }
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(background))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  expect(ratio).toBeGreaterThanOrEqual(4.5);
});

test('with storage full, the list still loads and the join form says its draft is not kept, and still works', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  // Fill the origin's storage to its quota with someone else's data.
  const filled = await page.evaluate(() => {
    localStorage.clear();
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
      } catch {
        // Full at this size: try smaller pieces.
      }
    }
    return localStorage.length;
  });
  expect(filled).toBeGreaterThan(1);
  // The feed cannot be kept: the list loads all the same, and the other data is untouched.
  await page.reload();
  await expect(page.getByTestId('member-card').first()).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('filler-')).length)).toBe(filled);

  await page.goto('join?program=adopter');
  const status = page.getByTestId('join-draft-status');
  await field(page, 'org-name').fill('Example Corp');
  await expect(status).toHaveText(/cannot be kept in this browser/);
  await expect(page.getByTestId('join-preview')).toContainText('Example Corp');
  // Room again: the next change is kept, and the form says so.
  await page.evaluate(() => localStorage.clear());
  await field(page, 'org-name').fill('Example Corp 2');
  await expect(status).toHaveText('Your draft is kept in this browser.');
});

test("each program's form speaks of its own ways in: the adopters thread and table only for adopters", async ({ page }) => {
  await page.goto('join?program=adopter');
  await expect(page.getByRole('link', { name: 'karmada-io/karmada#4540' })).toBeVisible();
  await expect(page.getByText('adopters-table row')).toBeVisible();
  await page.goto('join?program=partner');
  await expect(page.getByTestId('join-copy-feed')).toBeVisible();
  await expect(page.getByRole('link', { name: 'karmada-io/karmada#4540' })).toHaveCount(0);
  await expect(page.getByText('adopters-table row')).toHaveCount(0);
  await expect(page.getByText('the partner as feed JSON')).toBeVisible();
  // The invitation says what it takes.
  await page.goto('./');
  await expect(page.locator('.join-cta p')).not.toContainText('in a minute');
});

test('each program says what joining brings, in the page language', async ({ page }) => {
  await page.goto('join?program=adopter');
  const benefits = page.getByTestId('program-benefits');
  await expect(benefits.getByRole('heading')).toHaveText('What joining brings');
  await expect(benefits.locator('li')).toHaveCount(4);
  await expect(benefits).toContainText('Adopter Group');
  await page.getByTestId('join-program-partner').check();
  await expect(benefits.locator('li')).toHaveCount(2);
  await expect(benefits).toContainText('commercial-support partner');
  await page.goto('join?program=individual&lang=zh');
  await expect(benefits.getByRole('heading')).toHaveText('加入后的收获');
  await expect(benefits.locator('li')).toHaveCount(3);
});

/// Presses the mouse in the middle of `target` and releases it there, as a hand does: the
/// press takes focus off the field first.
async function pressAndRelease(page: Page, target: ReturnType<Page['getByTestId']>) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();
}

test('a field left by pressing a button or a checkbox shows its error only once the click is in', async ({ page }) => {
  await page.goto('join');
  await field(page, 'case-studies').fill('my talk');
  await pressAndRelease(page, page.getByTestId('join-submit'));
  // The click reached Submit: the form was checked, and says what is missing.
  await expect(page.getByTestId('join-error-summary')).toBeVisible();
  await expectFieldError(page, 'case-studies');

  await page.goto('join?program=individual');
  await field(page, 'karmada-version').fill('latest');
  const box = field(page, 'ack-guidelines');
  await pressAndRelease(page, box);
  await expect(box).toBeChecked();
  await expectFieldError(page, 'karmada-version');
});
