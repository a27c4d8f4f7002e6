// Saves a static copy of the member list's first screen into a built dist/index.html, in
// English and in Chinese, on its own page and in the embedding iframe, so that a visitor sees
// the cards as soon as the HTML and CSS arrive instead of after the wasm has downloaded,
// compiled and fetched the feed (as karmada.io's Docusaurus page does with its table).
// `public/prerender.js` shows the right copy, and only for the plain list URL; the app removes
// it once it has its feed.
//
// The copy is what the real release build renders in Chromium, so it cannot drift from the
// app's markup. It is made inert where it could mislead: form controls cannot be used before
// the app is there, ids are prefixed so they never collide with the app's, and `data-testid`
// becomes `data-prerendered` so tests and tools only ever drive the live app.
//
// Run by `cargo xtask dist`/`serve`/`bench`/`test` after trunk:
//   node xtask/prerender.mjs --dist dist [--base /adopters/]

import { chromium } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/chromium.mjs';

const { values: args } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' } },
});

/// Cards in the copy: more than a screenful at common sizes (four columns of six rows, or three
/// of eight). Measured: the other 22 of the bundled feed's 46 cut the first paint by only a few
/// per cent at CPU ×4, so the copy need not be tight, only bounded.
const FIRST_SCREEN_CARDS = 24;
const START = '<!-- prerendered: start -->';
const END = '<!-- prerendered: end -->';
/// The views that get a copy: the list on its own page and in karmada.io's iframe (embed.js
/// adds `embed=1`, the host's origin, which changes no markup, and its theme, which
/// prerender.js applies), each in both languages.
/// In the order they are written into index.html: English first on its own page and in the
/// iframe, as most visitors read it.
const VARIANTS = [
  { key: 'en', locale: 'en-US', query: '' },
  { key: 'embed-en', locale: 'en-US', query: '?embed=1&host=https%3A%2F%2Fkarmada.io' },
  { key: 'zh', locale: 'zh-CN', query: '' },
  { key: 'embed-zh', locale: 'zh-CN', query: '?embed=1&host=https%3A%2F%2Fkarmada.io' },
];

/// Runs in the page once the list is rendered: the list's markup, ready to be a static copy.
function staticCopy(cardLimit) {
  const live = document.querySelector('body > .showcase');
  if (!live) throw new Error('no .showcase element: did the app render?');
  // State the app holds in properties, not attributes, must survive serialisation.
  for (const input of live.querySelectorAll('input')) {
    if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
    else input.setAttribute('value', input.value);
  }
  for (const option of live.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);

  // With its controls inert, a scrolling box (a long facet) must itself take focus for
  // keyboard users to scroll it.
  for (const element of live.querySelectorAll('*')) {
    const { overflowY } = getComputedStyle(element);
    if ((overflowY === 'auto' || overflowY === 'scroll') && element.scrollHeight > element.clientHeight) {
      element.setAttribute('tabindex', '0');
    }
  }
  const copy = live.cloneNode(true);
  // The renderer's placeholder comments mean nothing to a static page.
  const comments = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const markers = [];
  while (comments.nextNode()) markers.push(comments.currentNode);
  for (const marker of markers) marker.remove();
  // Slots the grid keeps for longer lists are not part of the view.
  for (const hidden of copy.querySelectorAll('.hidden')) hidden.remove();
  // A first screen is enough: further cards cost parsing before the first paint and are out
  // of sight until the app has replaced the copy.
  for (const extra of [...copy.querySelectorAll('.card-grid > li')].slice(cardLimit)) extra.remove();
  const prefixed = (value) => value.split(/\s+/).filter(Boolean).map((id) => `prerendered-${id}`).join(' ');
  for (const element of copy.querySelectorAll('*')) {
    if (element.id) element.id = prefixed(element.id);
    for (const name of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'list']) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, prefixed(value));
    }
    const href = element.getAttribute('href');
    if (href && href.startsWith('#') && href.length > 1) element.setAttribute('href', `#${prefixed(href.slice(1))}`);
    const testid = element.getAttribute('data-testid');
    if (testid !== null) {
      element.removeAttribute('data-testid');
      element.setAttribute('data-prerendered', testid);
    }
    if (element.matches('input, select, textarea, button')) element.setAttribute('inert', '');
  }
  const cards = copy.querySelectorAll('[data-prerendered="member-card"]').length;
  return {
    html: copy.outerHTML,
    cards,
    title: document.title,
    lang: document.documentElement.getAttribute('lang') ?? '',
    // What the app set on <html> for this view (`embedded-frame` in the iframe).
    rootClass: document.documentElement.className,
  };
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const indexPath = join(args.dist, 'index.html');
let index = await readFile(indexPath, 'utf8');
const EARLIER = new RegExp(`\n?${START}[\\s\\S]*?${END}`);
if (EARLIER.test(index)) {
  // A copy from an earlier run must not be what this run's page shows first.
  index = index.replace(EARLIER, '');
  await writeFile(indexPath, index);
}

const server = await startServer({ dir: args.dist, port: 0, base: args.base });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const templates = [];
try {
  for (const { key, locale, query } of VARIANTS) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // Logos live on karmada.io. Held unanswered, they stay <img> in the copy; failing, the
    // app would have drawn monograms in their place.
    await page.route((url) => url.origin !== new URL(server.url).origin, () => {});
    await page.goto(server.url + query);
    await page.locator('[data-testid="member-card"]').first().waitFor({ timeout: 60_000 });
    // Whatever the page defers to idle time is part of what a visitor sees settle.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
    const copy = await page.evaluate(staticCopy, FIRST_SCREEN_CARDS);
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    if (copy.cards === 0) throw new Error(`no cards in the ${key} copy`);
    templates.push(
      `<template id="prerendered-${key}" data-lang="${escapeAttribute(copy.lang)}" data-title="${escapeAttribute(copy.title)}" data-root-class="${escapeAttribute(copy.rootClass)}">${copy.html}</template>`,
    );
    console.log(`prerender: ${key}: ${copy.cards} cards, ${copy.html.length} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// The script after every template, not once after all four: the visitor's copy is then shown
// as soon as its own template is parsed, while the parser goes on with the others (about 12 %
// sooner on screen at CPU ×4 for the first variant; DEVELOPERS.md). Each run after the one that
// showed a copy does nothing.
const script = `<script src="${escapeAttribute(args.base.replace(/\/?$/, '/'))}prerender.js"></script>`;
const block = `${START}\n${templates.map((template) => `${template}\n${script}`).join('\n')}\n${END}`;
if (!/<body>/.test(index)) throw new Error(`${indexPath} has no <body>`);
index = index.replace('<body>', `<body>\n${block}`);
await writeFile(indexPath, index);
console.log(`prerender: wrote ${indexPath}`);
