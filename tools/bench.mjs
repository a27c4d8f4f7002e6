// The benchmark: drives the release build in headless Chromium and prints figures as JSON.
// Not a test: nothing here passes or fails on time (shared 2-core machines make timings noisy;
// compare ratios from one run). Run through `cargo xtask bench`, which builds dist/ first.
//
//   node tools/bench.mjs --dist dist [--runs 5] [--keystrokes 60]
//                              [--reference DIR [--reference-path /adopters/] [--reference-runs 10]
//                               [--reference-embed-path /showcase-embed/]
//                               [--reference-frame-path /showcase-embed-frame/]]
//
// --reference names a built static site (a local build of karmada.io's website, made by hand
// and kept outside this repository) whose page at --reference-path shows the adopters table.
// The bench then loads that page and ours alternately, cold, at CPU ×4, and compares our first
// card on screen with the moment the reference page's first table row is painted.

import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from './chromium.mjs';
import { parseArgs } from 'node:util';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '5' },
    keystrokes: { type: 'string', default: '60' },
    sizes: { type: 'string' },
    native: { type: 'string' },
    site: { type: 'string' },
    reference: { type: 'string' },
    'reference-path': { type: 'string', default: '/adopters/' },
    'reference-runs': { type: 'string', default: '10' },
    'reference-embed-path': { type: 'string' },
    'reference-frame-path': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
// The reference page's first paint is bimodal on this machine kind (at CPU ×4 about 1 s when it
// paints before its deferred scripts run, about 2 s when they run first), so its median needs
// more loads than ours.
const REFERENCE_RUNS = Number(args['reference-runs']);
const KEYSTROKES = Number(args.keystrokes);
// About seven keys a second, a quick typist.
const TYPING_PAUSE_MS = 150;
// What the keystroke figures type, a character at a time, clearing the box after each phrase:
// prefixes that match many members, then few, then none, and Chinese.
const PHRASES = ['gpu training', 'cloud platform', 'failover region', 'mesh edge', '组织'];

// Memory figures need precise (not bucketed) heap sizes.
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, '--enable-precise-memory-info'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const round = (x) => (x == null ? null : Math.round(x * 100) / 100);

/// A synthetic feed of `count` members with realistic field sizes and a spread of kinds,
/// industries and countries, so facets and search do real work.
function syntheticFeed(count, usageBytes = 0) {
  const industries = ['finance', 'cloud', 'internet', 'ai', 'telecom', 'manufacturing', 'education', 'travel', 'logistics', 'retail'];
  const countries = ['CN', 'US', 'KR', 'IT', 'BR', 'DE', 'JP', 'SG', 'GB', 'FR'];
  const words = ['multi', 'cluster', 'platform', 'gpu', 'training', 'inference', 'hybrid', 'cloud', 'failover', 'edge', 'batch', 'mesh', 'database', 'region'];
  const members = [];
  for (let i = 0; i < count; i++) {
    const w = (k) => words[(i * 7 + k * 13) % words.length];
    const usage = `Uses Karmada for ${w(0)} ${w(1)} ${w(2)} workloads across ${2 + (i % 9)} clusters.` + (usageBytes ? ' ' + 'x'.repeat(usageBytes) : '');
    members.push({
      id: `org-${i}`,
      name: { en: `${w(3)[0].toUpperCase()}${w(3).slice(1)} ${w(4)} ${i}`, ...(i % 3 === 0 ? { zh: `组织${i}号` } : {}) },
      aliases: i % 5 === 0 ? [`alias-${i}`] : [],
      kinds: i % 11 === 0 ? ['adopter', 'partner'] : i % 4 === 0 ? ['vendor'] : ['adopter'],
      website: `https://org-${i}.example.com/`,
      industry: industries[i % industries.length],
      country: countries[(i * 3) % countries.length],
      usage: { en: usage },
      ...(i % 6 === 0 ? { joined: `20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}` } : {}),
      ...(i % 13 === 0 ? { caseStudies: [{ title: { en: 'Talk' }, url: { en: 'https://www.youtube.com/watch?v=x' }, kind: 'video' }] } : {}),
    });
  }
  return JSON.stringify({ schemaVersion: 1, generatedAt: '2026-01-01T00:00:00Z', members });
}

/// Installed before every probe: `__paintedAt(element, record)` calls `record` with the time (ms,
/// this document's clock) when `element`, which the page holds now, is on screen.
///
/// In the document's own tree that is the element's paint as Chromium presents it (Element Timing's
/// `renderTime`: the probe marks the element and what it holds before their first paint, since a
/// mutation observer runs before the next rendering).
///
/// Element Timing does not see into shadow trees (the host's copy of our first screen is one):
/// there it is the paint of a speck of text the probe adds to the document's own tree in the task
/// the element came in, so in the frame that first paints the element.
///
/// For a load where no such entry came (an element removed or hidden before it was painted), it
/// is the end of the next animation frame: a task posted from that frame, or the document's first
/// contentful paint if that is later (while a page loads, Chromium runs frames it does not
/// present). That is later than the paint whenever a task was already queued (a host's deferred
/// scripts): probes saw it 150–450 ms after the element's `renderTime`, which is why it is only
/// the fallback. `window.__paintTimings` counts which way each figure was taken.
const PAINTED_AT = () => {
  window.__paintTimings = { elementTiming: 0, elementTimingBeside: 0, nextFrame: 0 };
  const afterNextFrame = (record) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const framed = performance.now();
        const settle = (entry) => record(Math.max(framed, entry.startTime));
        const first = performance.getEntriesByName('first-contentful-paint')[0];
        if (first) return settle(first);
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) observer.disconnect(), settle(entry);
        });
        observer.observe({ type: 'paint' });
      };
      channel.port2.postMessage(0);
    });
  let marks = 0;
  window.__paintedAt = (element, record) => {
    const nextFrame = (at) => (window.__paintTimings.nextFrame++, record(at));
    const mark = element.getAttribute('elementtiming')?.startsWith('bench-') ? element.getAttribute('elementtiming') : `bench-${marks++}`;
    // Element Timing does not see into shadow trees: there, a speck of text in the document's
    // own tree, added in the same task as the element came, is painted in the same frame.
    let speck = null;
    if (element.getRootNode() !== document) {
      speck = document.createElement('span');
      speck.textContent = '.';
      speck.setAttribute('elementtiming', mark);
      speck.style.cssText = 'position:fixed;top:0;left:0;font-size:1px;color:rgba(0,0,0,.02);pointer-events:none';
      document.body.append(speck);
    } else {
      for (const node of [element, ...element.querySelectorAll('*')]) if (!node.hasAttribute('elementtiming')) node.setAttribute('elementtiming', mark);
    }
    let done = false;
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find((entry) => entry.identifier === mark && entry.renderTime > 0);
      if (!entry || done) return;
      done = true;
      observer.disconnect();
      speck?.remove();
      window.__paintTimings[speck ? 'elementTimingBeside' : 'elementTiming']++;
      record(entry.renderTime);
    });
    observer.observe({ type: 'element', buffered: true });
    // An element removed or hidden before it was ever painted: the frame after it came.
    afterNextFrame((at) =>
      setTimeout(() => {
        if (done) return;
        done = true;
        observer.disconnect();
        speck?.remove();
        nextFrame(at);
      }, 5_000),
    );
  };
};

/// Records, inside the page, when the first card is painted (`__paintedAt`): any card, which is
/// the build's static copy of the first screen when the page gets one
/// (src/static_pages/first_screen.rs), and the first card of the running app, which a visitor can use.
const FIRST_CARD_PROBE = () => {
  window.__firstCardPaint = null;
  window.__firstAppCardPaint = null;
  const paintedAt = (element, key) => window.__paintedAt(element, (at) => (window[key] = at));
  let sawCard = false;
  const observer = new MutationObserver(() => {
    const card = !sawCard && document.querySelector('[data-testid="member-card"], #prerendered [data-prerendered="member-card"]');
    if (card) {
      sawCard = true;
      paintedAt(card, '__firstCardPaint');
    }
    const appCard = document.querySelector('[data-testid="member-card"]');
    if (appCard) {
      observer.disconnect();
      paintedAt(appCard, '__firstAppCardPaint');
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

/// How the pages' paints were timed over the whole run (`__paintedAt`), top documents only.
const PAINT_TIMINGS = { elementTiming: 0, elementTimingBeside: 0, nextFrame: 0 };

/// One cold load (no HTTP cache, no compiled wasm cache) with `probe` installed before the page
/// starts; resolves with what `read` returns once `ready` holds in the page.
async function coldLoad(browser, url, cpuRate, { probe, probeArg, ready, read, onResponse, network }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (onResponse) page.on('response', onResponse);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    await page.addInitScript(PAINTED_AT);
    await page.addInitScript(probe, probeArg);
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 60_000 });
    const result = await page.evaluate(read);
    const timings = await page.evaluate(() => window.__paintTimings);
    for (const way of Object.keys(PAINT_TIMINGS)) PAINT_TIMINGS[way] += timings?.[way] ?? 0;
    // Whoever tallies responses reads their bodies, which needs the context open until they came.
    if (onResponse) await page.waitForLoadState('load');
    return result;
  } finally {
    await context.close();
  }
}

/// Our page: [the first card on screen, the running app's first card], in ms from navigation.
const ourFirstCards = (browser, url, cpuRate) =>
  coldLoad(browser, url, cpuRate, {
    probe: FIRST_CARD_PROBE,
    ready: () => window.__firstCardPaint != null && window.__firstAppCardPaint != null,
    read: () => [window.__firstCardPaint, window.__firstAppCardPaint],
  });

async function firstCardTimes(browser, baseUrl, cpuRate) {
  const anyCard = [];
  const appCard = [];
  for (let run = 0; run < RUNS; run++) {
    const [any, app] = await ourFirstCards(browser, baseUrl, cpuRate);
    anyCard.push(any);
    appCard.push(app);
  }
  return {
    medianMs: round(median(anyCard)),
    runsMs: anyCard.map(round),
    appCardMedianMs: round(median(appCard)),
    appCardRunsMs: appCard.map(round),
  };
}

/// Records when the first element matching `selector` is painted, the same way as
/// FIRST_CARD_PROBE.
const FIRST_MATCH_PROBE = ({ selector, scriptGlobal }) => {
  window.__firstMatchPaint = null;
  // When the page's main script ran: it assigns `scriptGlobal`.
  let definedAt = null;
  let value;
  Object.defineProperty(window, scriptGlobal, {
    configurable: true,
    get: () => value,
    set: (next) => {
      definedAt ??= performance.now();
      value = next;
    },
  });
  const observer = new MutationObserver(() => {
    const match = document.querySelector(selector);
    if (!match) return;
    observer.disconnect();
    window.__paintedAt(match, (at) => {
      window.__firstMatchPaint = at;
      window.__firstMatchAfterScripts = definedAt != null && definedAt <= at;
    });
  });
  observer.observe(document, { childList: true, subtree: true });
};

/// The reference page's first table row: a Docusaurus page renders its Markdown table into the
/// static HTML, so this is what a visitor sees before any of its JavaScript has run.
const REFERENCE_ROW = 'main table tbody tr';
/// What Docusaurus's main bundle defines when it runs (`window.docusaurus`, its prefetch API).
const REFERENCE_SCRIPT_GLOBAL = 'docusaurus';

/// Our first card on screen against the reference page's first table row, loads alternating
/// (ours, reference, ours, …) so that the machine's drift hits both alike.
async function againstReference(browser, baseUrl, referenceUrl, cpuRate) {
  const ours = [];
  const reference = [];
  const referenceModes = { beforeItsScripts: [], afterItsScripts: [] };
  let referenceAfterItsScripts = 0;
  // What the reference page fetched on its first load, by type, raw and gzip -9: to check the
  // local build against the description of karmada.io (static HTML + 319 KiB gzip of JS).
  const fetched = new Map();
  const reading = [];
  const tally = (response) => {
    const type = response.request().resourceType();
    if (!['document', 'script', 'stylesheet'].includes(type) || fetched.has(response.url())) return;
    fetched.set(response.url(), null);
    reading.push(
      response.body().then(
        (body) =>
          fetched.set(response.url(), {
            type,
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
          }),
        () => fetched.delete(response.url()), // not answered (the offline analytics script)
      ),
    );
  };
  for (let run = 0; run < REFERENCE_RUNS; run++) {
    ours.push((await ourFirstCards(browser, baseUrl, cpuRate))[0]);
    const [painted, afterScripts] = await coldLoad(browser, referenceUrl, cpuRate, {
      probe: FIRST_MATCH_PROBE,
      probeArg: { selector: REFERENCE_ROW, scriptGlobal: REFERENCE_SCRIPT_GLOBAL },
      ready: () => window.__firstMatchPaint != null,
      read: () => [window.__firstMatchPaint, window.__firstMatchAfterScripts],
      onResponse: run === 0 ? tally : undefined,
    });
    reference.push(painted);
    referenceModes[afterScripts ? 'afterItsScripts' : 'beforeItsScripts'].push(painted);
    if (afterScripts) referenceAfterItsScripts++;
  }
  await Promise.all(reading);
  const bytes = {};
  for (const entry of fetched.values()) {
    if (!entry) continue;
    bytes[entry.type] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 };
    bytes[entry.type].files++;
    bytes[entry.type].raw += entry.raw;
    bytes[entry.type].gzip += entry.gzip;
    bytes[entry.type].brotli += entry.brotli;
  }
  const oursMedian = median(ours);
  const referenceMedian = median(reference);
  return {
    cpuRate,
    oursMedianMs: round(oursMedian),
    oursRunsMs: ours.map(round),
    referenceMedianMs: round(referenceMedian),
    referenceRunsMs: reference.map(round),
    // Loads where the reference's main script ran before its table was painted (its slow
    // mode); ours has no such mode, so the ratio depends on this count.
    referenceAfterItsScripts,
    // The two modes apart: against the fast one (painted before its scripts ran) the ratio does not
    // depend on how many loads fell in each.
    referenceMedianByModeMs: Object.fromEntries(Object.entries(referenceModes).map(([mode, times]) => [mode, times.length ? round(median(times)) : null])),
    oursOverReferenceBeforeItsScripts: referenceModes.beforeItsScripts.length ? round(oursMedian / median(referenceModes.beforeItsScripts)) : null,
    oursOverReference: round(oursMedian / referenceMedian),
    referenceBytes: bytes,
  };
}

/// What a route's first load downloads before the app works, from the bundle on disk: its page
/// and what the page names (stylesheet, start-up and app scripts, the wasm; not the feed, which
/// is data), raw, gzip and Brotli as `cargo xtask dist` compressed them. `assets` leaves the
/// page out, to hold against another site's JavaScript + CSS.
async function firstLoadBytes(dist, route) {
  const page = join(route, 'index.html');
  const html = await readFile(join(dist, page), 'utf8');
  const named = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/\sdata-(?:js|wasm)="([^"]+)"/g),
    ...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g),
  ].map((match) => new URL(match[1], 'http://bench/').pathname.slice(1));
  const sizes = async (file) => {
    const [raw, gzip, brotli] = await Promise.all(['', '.gz', '.br'].map((extension) => readFile(join(dist, file + extension)).then((body) => body.length)));
    return { raw, gzip, brotli };
  };
  const add = (total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli });
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  const files = [...new Set(named)].sort();
  const assets = (await Promise.all(files.map(sizes))).reduce(add, zero);
  return { files, assets, withPage: add(assets, await sizes(page)) };
}

/// From navigation until a search typed as soon as the box can take it is applied (the list
/// shows its result), cold, in ms: what a visitor who comes to search waits for.
async function searchAppliedTimes(browser, url, cpuRate) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      await page.goto(url);
      // The app's own box (the static copy's is inert).
      const box = page.locator('[data-testid="search"]');
      await box.waitFor({ timeout: 60_000 });
      await box.fill('bloomberg');
      await page.waitForFunction(() => {
        const cards = [...document.querySelectorAll('[data-testid="member-card"]')].filter((card) => card.offsetParent !== null);
        return cards.length > 0 && cards.every((card) => card.getAttribute('data-member-id') === 'bloomberg');
      }, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => performance.now()));
    } finally {
      await context.close();
    }
  }
  return { medianMs: round(median(times)), runsMs: times.map(round) };
}

/// First contentful paint of a static page (a member's, the join page's), cold, in ms.
async function staticPageTimes(browser, url, cpuRate) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(
      await coldLoad(browser, url, cpuRate, {
        probe: () => {},
        ready: () => performance.getEntriesByName('first-contentful-paint').length > 0,
        read: () => performance.getEntriesByName('first-contentful-paint')[0].startTime,
      }),
    );
  }
  return { medianMs: round(median(times)), runsMs: times.map(round) };
}

/// A host page as the README's Docusaurus component renders it: the frame in the static HTML
/// with a reserved height, embed.js loaded after the page (here `defer`; the component's own tag
/// is `async`, in the element).
const embeddingHost = (app) => `<!DOCTYPE html>
<html lang="en" data-theme="light"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Karmada | Adopters</title><script src="${app}embed.js" defer></script>
<style>body{font-family:system-ui;margin:0 auto;max-width:1140px;padding:0 16px}nav{height:60px}footer{height:300px}</style></head>
<body><nav>Karmada</nav><main><h1>Karmada Adopters</h1><p>Organisations running Karmada.</p>
<div data-karmada-showcase data-src="${app}" data-lang="en">
<iframe data-karmada-showcase-frame src="${app}?embed=1&amp;lang=en" title="Karmada adopters and partners" scrolling="no" style="display:block;width:100%;border:0;height:1400px;color-scheme:normal"></iframe>
<noscript><a href="${app}">Karmada adopters and partners</a></noscript></div>
<footer>Footer</footer></main></body></html>`;

/// The embedded showcase: its first card on screen, in ms from the host page's navigation:
/// the host's own copy of the first screen (`showcase-site fill-host`, a declarative shadow
/// root in the host's HTML) when the page has one, else the frame's; the first card painted
/// inside the frame; and the host page's layout shift once the frame is sized.
async function embeddedTimes(browser, hostUrl, cpuRate, network) {
  const onScreen = [];
  const inFrame = [];
  const shifts = [];
  let copies = 0;
  for (let run = 0; run < RUNS; run++) {
    const [copy, frame, shift] = await embeddedLoad(browser, hostUrl, cpuRate, network);
    if (copy != null) copies++;
    onScreen.push(copy != null ? Math.min(copy, frame) : frame);
    inFrame.push(frame);
    shifts.push(shift);
  }
  return {
    firstCardOnScreenMedianMs: round(median(onScreen)),
    firstCardOnScreenRunsMs: onScreen.map(round),
    loadsWithHostCopy: copies,
    firstCardInFrameMedianMs: round(median(inFrame)),
    firstCardInFrameRunsMs: inFrame.map(round),
    hostLayoutShiftMax: Math.round(Math.max(...shifts) * 1000) / 1000,
  };
}

/// One cold load of a host page: [the host copy's first card painted or null, the frame's
/// first card painted, the host's layout shift], in ms from the host's navigation.
/// Loads of a host page taken again because the probe never ran in the frame's document (a
/// few in a hundred: Chromium kept the frame's initial window for the showcase's page, where
/// Playwright's per-document script then does not run; the frame itself had loaded and sized).
let embeddedLoadsRetried = 0;

async function embeddedLoad(browser, hostUrl, cpuRate, network) {
  try {
    return await embeddedLoadOnce(browser, hostUrl, cpuRate, network);
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error;
    embeddedLoadsRetried++;
    return embeddedLoadOnce(browser, hostUrl, cpuRate, network);
  }
}

const embeddedLoadOnce = (browser, hostUrl, cpuRate, network) =>
  coldLoad(browser, hostUrl, cpuRate, {
    network,
    probe: () => {
      // On the wall clock the host and the frame share.
      const paintedAt = (element, record) => window.__paintedAt(element, (at) => record(performance.timeOrigin + at));
      if (window.top === window) {
        window.__layoutShift = 0;
        window.__copyCardPaint = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // The host's copy: its cards are in a shadow root, parsed before what follows it.
        const observer = new MutationObserver(() => {
          const copy = document.querySelector('[data-karmada-showcase-copy]');
          const card = copy?.shadowRoot?.querySelector('[data-prerendered="member-card"]');
          if (!card) return;
          observer.disconnect();
          paintedAt(card, (at) => (window.__copyCardPaint = at - performance.timeOrigin));
        });
        observer.observe(document, { childList: true, subtree: true });
        // The frame may be on another origin: it says when its first card was painted.
        window.addEventListener('message', (event) => {
          if (event.data && typeof event.data.benchFrameCardAt === 'number' && window.__frameCardPaint == null) {
            window.__frameCardPaint = event.data.benchFrameCardAt - performance.timeOrigin;
          }
        });
        return;
      }
      // In the frame: the first card's paint, on the shared wall clock.
      const observer = new MutationObserver(() => {
        const card = document.querySelector('[data-testid="member-card"], #prerendered [data-prerendered="member-card"]');
        if (!card) return;
        observer.disconnect();
        paintedAt(card, (at) => window.top.postMessage({ benchFrameCardAt: at }, '*'));
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    // Sized: embed.js has set the frame's height from the app's report.
    ready: () => window.__frameCardPaint != null && document.querySelector('iframe').style.height !== '1400px',
    read: async () => {
      await new Promise((done) => setTimeout(done, 500));
      return [window.__copyCardPaint, window.__frameCardPaint, window.__layoutShift];
    },
  });

/// A visitor's network rather than this machine's loopback: 150 ms round trips, 400 KB/s down.
/// On loopback the host's deferred scripts are there before its HTML is parsed, so whatever the
/// parser reaches in its last chunk (the reference's table in most loads at CPU ×4, and the
/// host's copy of our first screen) is painted after them; on a network they come later.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 400_000, uploadThroughput: 200_000 };

/// The embed in the reference page against the reference's table on SLOW_NETWORK, loads
/// alternating.
async function embeddedAgainstTableOnNetwork(browser, hostUrl, referenceUrl, cpuRate) {
  const table = [];
  const onScreen = [];
  const inFrame = [];
  for (let run = 0; run < RUNS; run++) {
    table.push(
      await coldLoad(browser, referenceUrl, cpuRate, {
        network: SLOW_NETWORK,
        probe: FIRST_MATCH_PROBE,
        probeArg: { selector: REFERENCE_ROW, scriptGlobal: REFERENCE_SCRIPT_GLOBAL },
        ready: () => window.__firstMatchPaint != null,
        read: () => window.__firstMatchPaint,
      }),
    );
    const [copy, frame] = await embeddedLoad(browser, hostUrl, cpuRate, SLOW_NETWORK);
    onScreen.push(copy != null ? Math.min(copy, frame) : frame);
    inFrame.push(frame);
  }
  return {
    referenceTableMedianMs: round(median(table)),
    referenceTableRunsMs: table.map(round),
    firstCardOnScreenMedianMs: round(median(onScreen)),
    firstCardOnScreenRunsMs: onScreen.map(round),
    firstCardInFrameMedianMs: round(median(inFrame)),
    overReferenceTable: round(median(onScreen) / median(table)),
    frameOverReferenceTable: round(median(inFrame) / median(table)),
  };
}

/// Each figure's ratio to the reference table's paint in this run: the first card on screen
/// (the target, ≤ 1.0) and the first card inside the frame.
function againstTable(figures, tableMs) {
  figures.overReferenceTable = round(figures.firstCardOnScreenMedianMs / tableMs);
  figures.frameOverReferenceTable = round(figures.firstCardInFrameMedianMs / tableMs);
}

/// Time from an input event in the search box to the next painted frame, measured in the page
/// so that no DevTools round trip is counted. Back to back by default (each keystroke right
/// after the previous one's frame); with `pauseMs`, at a typist's pace, so that whatever the
/// page defers to idle time runs between keystrokes and any delay it causes is measured too.
async function keystrokeTimes(page, count, pauseMs = 0) {
  return page.evaluate(async ([count, pauseMs, phrases]) => {
    const input = document.querySelector('[data-testid="search"]');
    const nextPaint = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      );
    const times = [];
    // Script work alone: from the keystroke to the first task after it (the handler and every
    // microtask it queued, which is where the list re-renders), before style, layout and paint.
    const work = [];
    const nextTask = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      });
    // Keystrokes whose result was not yet in the page at the measured paint (the results
    // section carries the query the list was filtered by; the address bar follows later): a
    // non-zero count would mean the figure measures too little.
    let notYetApplied = 0;
    let phrase = 0;
    while (times.length < count) {
      const text = phrases[phrase++ % phrases.length];
      for (let i = 1; i <= text.length && times.length < count; i++) {
        const start = performance.now();
        input.value = text.slice(0, i);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text[i - 1], inputType: 'insertText' }));
        const painted = nextPaint(); // asked for first, so the frame is the same as without this probe
        work.push((await nextTask()) - start);
        times.push((await painted) - start);
        if (document.getElementById('results')?.dataset.query !== text.slice(0, i)) notYetApplied++;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
      await nextPaint();
    }
    return { times, work, notYetApplied };
  }, [count, pauseMs, PHRASES]);
}

/// The work one keystroke adds to a frame: the keystroke is dispatched at the start of a frame
/// (in a requestAnimationFrame callback, where Chromium also delivers rAF-aligned input), and
/// the time runs to just after that frame is painted: handler, re-render, style, layout and
/// paint. At most 16.7 ms means the keystroke is shown in the frame it arrived in, with no frame
/// dropped; the figures above add the wait for a frame to start, which no page can shorten.
async function keystrokeFrameWork(page, count) {
  return page.evaluate(async ([count, phrases]) => {
    const input = document.querySelector('[data-testid="search"]');
    const afterThisFrame = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      });
    const typeInNextFrame = (value, data) =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data, inputType: data ? 'insertText' : 'deleteContentBackward' }));
          afterThisFrame().then((end) => resolve(end - start));
        }),
      );
    const times = [];
    let notYetApplied = 0;
    let phrase = 0;
    while (times.length < count) {
      const text = phrases[phrase++ % phrases.length];
      for (let i = 1; i <= text.length && times.length < count; i++) {
        times.push(await typeInNextFrame(text.slice(0, i), text[i - 1]));
        if (document.getElementById('results')?.dataset.query !== text.slice(0, i)) notYetApplied++;
      }
      await typeInNextFrame('', null);
    }
    return { times, notYetApplied };
  }, [count, PHRASES]);
}

async function facetTimes(page) {
  return page.evaluate(async () => {
    const nextPaint = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      );
    const times = [];
    for (const id of ['kind-filter-vendor', 'kind-filter-vendor', 'kind-filter-partner', 'kind-filter-partner', 'has-case-study-filter', 'has-case-study-filter']) {
      const box = document.querySelector(`[data-testid="${id}"]`);
      if (!box) continue;
      const start = performance.now();
      box.click();
      await nextPaint();
      // The list re-renders after the URL update; wait until the count text settles.
      await nextPaint();
      times.push(performance.now() - start);
    }
    return times;
  });
}

async function loadedMemory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const wasm = await page.evaluate(() => window.karmadaShowcase?.wasmMemoryBytes?.() ?? null);
  return { jsHeapUsedBytes: jsHeap, wasmMemoryBytes: wasm };
}

/// Median, p95 and how many samples.
const spread = (times) => ({ median: round(median(times)), p95: round(percentile(times, 95)), samples: times.length });

async function largeFeedFigures(browser, baseUrl, count, { usageBytes = 0, keystrokes = KEYSTROKES } = {}) {
  const body = syntheticFeed(count, usageBytes);
  const context = await browser.newContext();
  const page = await context.newPage();
  await context.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = Date.now();
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="member-card"]', { timeout: 120_000 });
  const loadMs = Date.now() - started;
  const { times: keys, work, notYetApplied } = await keystrokeTimes(page, keystrokes);
  const paced = await keystrokeTimes(page, keystrokes, TYPING_PAUSE_MS);
  const inFrame = await keystrokeFrameWork(page, keystrokes);
  const facets = await facetTimes(page);
  const memory = await loadedMemory(page, cdp);
  await context.close();
  return {
    members: count,
    feedBytes: body.length,
    loadToFirstCardMs: loadMs,
    // Includes waiting for the next frame (up to 16.7 ms at 60 Hz), so about one frame is the floor.
    keystrokeToPaintMs: { ...spread(keys), notYetApplied },
    keystrokeScriptMs: spread(work),
    keystrokeFrameWorkMs: { ...spread(inFrame.times), notYetApplied: inFrame.notYetApplied },
    keystrokeToPaintAtTypingPaceMs: { pauseMs: TYPING_PAUSE_MS, ...spread(paced.times), notYetApplied: paced.notYetApplied },
    facetToPaintMs: spread(facets),
    memory,
  };
}

/// Hostile inputs (the hardening issues): for each, the time until the page shows what it
/// should and the longest main-thread task on the way (target: every task ≤ 200 ms), unthrottled.
async function hostileInputFigures(browser, baseUrl) {
  const cases = [
    {
      name: 'link20000UnknownFilters',
      path: '',
      // Too long for a request line: read from history, as after a same-page link.
      push: `${Array.from({ length: 20_000 }, (_, i) => `industry=x${i}`).join('&')}&debug=feed`,
      ready: '[data-testid="feed-debug-ignored"]',
    },
    { name: 'linkMegabyteQuery', path: '', push: `q=${'a'.repeat(500_000)}&industry=${'b,'.repeat(250_000)}`, ready: '[data-testid="empty-state"]' },
    {
      name: 'website100000Chars',
      path: 'members/org-1',
      feed: syntheticFeed(20).replace('https://org-1.example.com/', `https://org-1.example.com/${'a'.repeat(100_000)}`),
      ready: '.showcase main h1',
    },
    {
      // Just under the 16 MB cap (MAX_FEED_BYTES), all of it one usage string, which the reader
      // cuts to 4,000 characters: the largest read the app accepts.
      name: 'usage15MB',
      path: 'members/org-1',
      feed: syntheticFeed(2).replace('Uses Karmada for', `${'x'.repeat(15 * 1024 * 1024)} Uses Karmada for`),
      ready: '.showcase main h1',
    },
    {
      name: 'industries50000ShowAll',
      path: '',
      feed: JSON.stringify({
        schemaVersion: 1,
        generatedAt: '2026-01-01T00:00:00Z',
        members: Array.from({ length: 50_000 }, (_, i) => ({ id: `org-${i}`, name: { en: `Org ${i}` }, kinds: ['adopter'], website: `https://org-${i}.example.com/`, industry: `sector-${i}`, usage: { en: 'Uses Karmada.' } })),
      }),
      click: '[data-testid="facet-industry-toggle"]',
      ready: '[data-testid="facet-industry-unlisted"]',
    },
  ];
  const figures = {};
  for (const hostile of cases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (hostile.feed) await context.route('**/members.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: hostile.feed }));
    await page.addInitScript(() => {
      window.__longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const started = Date.now();
    await page.goto(baseUrl + hostile.path);
    await page.waitForSelector('.showcase main h1', { timeout: 120_000 });
    if (hostile.push) {
      await page.waitForSelector('[data-testid="member-card"]', { timeout: 120_000 });
      // Chromium's own work on a long address (about 100 ms for a megabyte) is its task, not
      // the app's: the app hears of it in the next one.
      await page.evaluate((query) => history.pushState(null, '', `${location.pathname}?${query}`), hostile.push);
      await page.evaluate(() => {
        window.__longestTask = 0;
        window.__pushedAt = performance.now();
        setTimeout(() => dispatchEvent(new PopStateEvent('popstate')));
      });
    }
    if (hostile.click) {
      await page.waitForSelector(hostile.click, { timeout: 120_000 });
      await page.evaluate(() => {
        window.__longestTask = 0;
        window.__pushedAt = performance.now();
      });
      await page.click(hostile.click);
    }
    await page.waitForSelector(hostile.ready, { timeout: 120_000 });
    const shownMs = hostile.push || hostile.click ? await page.evaluate(() => performance.now() - window.__pushedAt) : Date.now() - started;
    // Tasks still running after the view appeared count too.
    await page.waitForTimeout(500);
    figures[hostile.name] = { shownMs: round(shownMs), longestTaskMs: round(await page.evaluate(() => window.__longestTask)) };
    await context.close();
  }
  figures.note =
    'shownMs: from the navigation (or the link pushed, or the click) until the page shows its answer; longestTaskMs: the longest main-thread task from then on (0: none over 50 ms). Target: ≤ 200 ms each';
  return figures;
}

const readJson = async (path) => (path ? JSON.parse(await readFile(path, 'utf8')) : null);
const bundle = await readJson(args.sizes);
const browseNative = await readJson(args.native);
// `showcase-site build`, timed by xtask on one core (xtask/src/bench.rs).
const siteBuild = await readJson(args.site);

// The list's first load: the bytes-issue's targets (KB = 1,024 bytes).
const TARGETS = { keystrokeP95Ms: 16, listFirstLoadGzipBytes: 240 * 1024, listFirstLoadBrotliBytes: 205 * 1024, firstCardCpu4xMs: 600 };

const server = await startServer({ dir: args.dist, port: 0 });
const baseUrl = `http://127.0.0.1:${server.port}/`;
// Open until the end: with --reference-embed-path the reference also hosts the embed.
const referenceServer = args.reference ? await startServer({ dir: args.reference, port: 0 }) : null;
const referenceOrigin = referenceServer && `http://127.0.0.1:${referenceServer.port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const firstCardPaint = {
    unthrottled: await firstCardTimes(browser, baseUrl, 1),
    cpuThrottled4x: await firstCardTimes(browser, baseUrl, 4),
    note: "medianMs: the first card on screen, from the static copy of the first screen in index.html; appCardMedianMs: the first card of the running app (search and filters work from then on). Target: no later than karmada.io's Docusaurus /adopters page shows its table (≈600 ms on this machine kind, CPU ×4; a figure from the issue; with --reference, againstReference measures a local build of that page in this run)",
  };
  if (referenceServer) {
    const referenceUrl = new URL(args['reference-path'], referenceOrigin).href;
    firstCardPaint.againstReference = {
      referencePage: args['reference-path'],
      referenceRow: REFERENCE_ROW,
      cpuThrottled4x: await againstReference(browser, baseUrl, referenceUrl, 4),
      unthrottled: await againstReference(browser, baseUrl, referenceUrl, 1),
      note: 'medians of alternating cold loads: our first card on screen against the reference page (a local build of karmada.io) painting its first table row; oursOverReference ≤ 1 meets the target',
    };
  }
  // Every route is a static page now: beside the list (firstCardPaint), a member's page, the
  // join page, the statistics and the logo wall, first content.
  const feedMembers = JSON.parse(await readFile(join(args.dist, 'members.json'), 'utf8')).members;
  const member = feedMembers.find((m) => m.announcement) ?? feedMembers[0];
  const staticPages = {};
  for (const [name, path] of [['member', `members/${member.id}`], ['join', 'join'], ['stats', 'stats'], ['logos', 'logos']]) {
    staticPages[name] = {
      path,
      unthrottled: await staticPageTimes(browser, baseUrl + path, 1),
      cpuThrottled4x: await staticPageTimes(browser, baseUrl + path, 4),
    };
  }
  const reference4x = firstCardPaint.againstReference?.cpuThrottled4x.referenceMedianMs;
  if (reference4x) {
    for (const page of Object.values(staticPages)) page.cpu4xOverReferenceTable = round(page.cpuThrottled4x.medianMs / reference4x);
  }
  // A visitor who comes to search: navigation to a typed search applied.
  const searchApplied = {
    unthrottled: await searchAppliedTimes(browser, baseUrl, 1),
    cpuThrottled4x: await searchAppliedTimes(browser, baseUrl, 4),
    note: 'cold load, then "bloomberg" typed into the app\'s search box as soon as it is there; ms from navigation until the list shows only that member',
  };
  // What each route downloads before it works, against karmada.io's page (same compression).
  const firstLoad = {};
  for (const [name, route] of [['list', ''], ['member', `members/${member.id}`], ['join', 'join'], ['stats', 'stats'], ['logos', 'logos']]) firstLoad[name] = await firstLoadBytes(args.dist, route);
  const referenceBytes = firstCardPaint.againstReference?.cpuThrottled4x.referenceBytes;
  if (referenceBytes) {
    const theirs = (kind) => (referenceBytes.script?.[kind] ?? 0) + (referenceBytes.stylesheet?.[kind] ?? 0);
    firstLoad.listAssetsOverReference = { gzip: round(firstLoad.list.assets.gzip / theirs('gzip')), brotli: round(firstLoad.list.assets.brotli / theirs('brotli')) };
  }
  firstLoad.note =
    "bytes a route downloads before it works (its page; its stylesheet, scripts and wasm: `assets`); the feed is data and not counted. With --reference, listAssetsOverReference: the list's assets over the reference page's JavaScript + CSS, same compression (target ≤ 0.6)";
  staticPages.note =
    "first contentful paint of the static page, cold; with --reference, cpu4xOverReferenceTable is its ratio to the reference /adopters table's paint at CPU ×4 in this run (target ≤ 0.5)";

  // Embedded as the README's component renders it, in a host page on another origin.
  const hostDir = await mkdtemp(join(tmpdir(), 'showcase-bench-host-'));
  await writeFile(join(hostDir, 'index.html'), embeddingHost(baseUrl));
  const hostServer = await startServer({ dir: hostDir, port: 0 });
  let embedded;
  try {
    const hostUrl = `http://127.0.0.1:${hostServer.port}/`;
    embedded = { unthrottled: await embeddedTimes(browser, hostUrl, 1), cpuThrottled4x: await embeddedTimes(browser, hostUrl, 4) };
  } finally {
    await hostServer.close();
    await rm(hostDir, { recursive: true, force: true });
  }
  if (firstCardPaint.againstReference) {
    againstTable(embedded.unthrottled, firstCardPaint.againstReference.unthrottled.referenceMedianMs);
    againstTable(embedded.cpuThrottled4x, reference4x);
  }
  embedded.note =
    "a host page on another origin with the frame in its static HTML (the README's component) and no copy of its own, embed.js deferred; first card on screen (here the frame's) and inside the frame from the host's navigation, and the host's largest cumulative layout shift over the runs (target ≤ 0.05); with --reference, overReferenceTable (first card on screen) and frameOverReferenceTable against the reference table's paint in this run (target ≤ 1.0)";

  // The same in karmada.io itself: a page of the reference build that embeds the showcase with
  // the README's component, the bundle under its /showcase/ (`cargo xtask bench` put it there).
  if (referenceServer && args['reference-embed-path']) {
    const referenceUrl = new URL(args['reference-path'] ?? '/adopters/', referenceOrigin).href;
    // Both ways the README's component renders the page, each a page of the reference build.
    const recipes = { withHostCopy: args['reference-embed-path'] };
    if (args['reference-frame-path']) recipes.withoutHostCopy = args['reference-frame-path'];
    const inReference = { pages: recipes };
    for (const [recipe, path] of Object.entries(recipes)) {
      const hostUrl = new URL(path, referenceOrigin).href;
      const figures = { unthrottled: await embeddedTimes(browser, hostUrl, 1), cpuThrottled4x: await embeddedTimes(browser, hostUrl, 4) };
      againstTable(figures.unthrottled, firstCardPaint.againstReference.unthrottled.referenceMedianMs);
      againstTable(figures.cpuThrottled4x, reference4x);
      figures.slowNetwork = {
        unthrottled: await embeddedAgainstTableOnNetwork(browser, hostUrl, referenceUrl, 1),
        cpuThrottled4x: await embeddedAgainstTableOnNetwork(browser, hostUrl, referenceUrl, 4),
        note: `the same page and the reference table, loads alternating, on ${SLOW_NETWORK.latency} ms round trips and ${SLOW_NETWORK.downloadThroughput / 1000} KB/s (a visitor's network: on loopback the host's deferred scripts are there before its HTML is parsed)`,
      };
      inReference[recipe] = figures;
    }
    inReference.note =
      "a Docusaurus page of the reference build with the README's component (embed.js's tag in the element, run as it arrives with the page), as it renders with the host's copy of the first screen (--reference-embed-path; the copy written by showcase-site fill-host, the frame hidden until embed.js sees it answer) and, with --reference-frame-path, a page that renders it with hostCopy={false} (no copy, the frame shown from the start); the same figures as above, against the reference table's paint in this run";
    embedded.inReference = inReference;
  }

  const members10k = await largeFeedFigures(browser, baseUrl, 10_000);
  // As many keystrokes as at 10,000: its p95 is judged against the same frame budget.
  const members50k = await largeFeedFigures(browser, baseUrl, 50_000);
  const hugeUsageStrings = await largeFeedFigures(browser, baseUrl, 12, { usageBytes: 1_000_000, keystrokes: 10 });
  const hostileInputs = await hostileInputFigures(browser, baseUrl);
  const result = {
    bundle,
    firstCardPaint,
    staticPages,
    searchApplied,
    firstLoad,
    embedded,
    members10k,
    members50k,
    hugeUsageStrings,
    hostileInputs,
    browseNative,
    siteBuild,
    embeddedLoadsRetried,
    paintTimings: {
      ...PAINT_TIMINGS,
      note: "how the first-card and table paints of the top documents were timed: elementTiming, the element's paint as presented (Element Timing); elementTimingBeside, a shadow root's element (the host's copy) by the paint of a speck of text added beside it in the same task; nextFrame, the end of the next animation frame (loads where no such entry came), later than the paint when a task was queued",
    },
    targets: TARGETS,
    // Measured against the targets in this one run; shared 2-core machines make single figures
    // noisy, so read these as indications and compare ratios within a run.
    meetsTargets: {
      listFirstLoadGzip: firstLoad.list.assets.gzip <= TARGETS.listFirstLoadGzipBytes,
      listFirstLoadBrotli: firstLoad.list.assets.brotli <= TARGETS.listFirstLoadBrotliBytes,
      // Adoption at a glance loads only on its route (its own binary; `cargo xtask dist` checks
      // that the list's wasm lacks its view).
      statsLoadsOnlyOnItsRoute: firstLoad.stats.files.includes('karmada-showcase-stats_bg.wasm') && !firstLoad.list.files.includes('karmada-showcase-stats_bg.wasm'),
      listFirstLoadAgainstReference: firstLoad.listAssetsOverReference
        ? firstLoad.listAssetsOverReference.gzip <= 0.6 && firstLoad.listAssetsOverReference.brotli <= 0.6
        : null,
      siteBuildSnapshotUnder1s: siteBuild?.snapshot ? siteBuild.snapshot.medianMs < siteBuild.targetsMs.snapshot : null,
      siteBuild10kUnder30s: siteBuild ? siteBuild.members10k.medianMs < siteBuild.targetsMs.members10k : null,
      // "Paints within one 16 ms frame": the keystroke's own work fits in the frame it arrived in.
      keystrokeFitsOneFrameP95At10k: members10k.keystrokeFrameWorkMs.p95 <= TARGETS.keystrokeP95Ms,
      // The hostile-feeds issue holds the 50,000-member search to the same frame budget.
      keystrokeFitsOneFrameP95At50k: members50k.keystrokeFrameWorkMs.p95 <= TARGETS.keystrokeP95Ms,
      // The stricter reading, keystroke to the next paint with the wait for the frame included:
      // its floor is close to one frame (16.7 ms at 60 Hz), so a 16 ms p95 is out of reach there.
      keystrokeToNextPaintP95At10k:
        members10k.keystrokeToPaintMs.p95 <= TARGETS.keystrokeP95Ms &&
        members10k.keystrokeToPaintAtTypingPaceMs.p95 <= TARGETS.keystrokeP95Ms,
      firstCardCpu4x: firstCardPaint.cpuThrottled4x.medianMs <= TARGETS.firstCardCpu4xMs,
      hostileInputsTasksUnder200ms: Object.values(hostileInputs).every((figure) => typeof figure === 'string' || figure.longestTaskMs <= 200),
      // The same target against the reference page measured in this run (with --reference).
      firstCardCpu4xAgainstReference: firstCardPaint.againstReference
        ? firstCardPaint.againstReference.cpuThrottled4x.oursOverReference <= 1
        : null,
      embeddedHostLayoutShift: [embedded, embedded.inReference?.withHostCopy, embedded.inReference?.withoutHostCopy]
        .filter(Boolean)
        .every((host) => Math.max(host.unthrottled.hostLayoutShiftMax, host.cpuThrottled4x.hostLayoutShiftMax) <= 0.05),
      staticPagesCpu4xAgainstReference: reference4x ? Object.values(staticPages).every((page) => !page.path || page.cpu4xOverReferenceTable <= 0.5) : null,
      embeddedFirstCardAgainstReference: firstCardPaint.againstReference
        ? embedded.unthrottled.overReferenceTable <= 1 && embedded.cpuThrottled4x.overReferenceTable <= 1
        : null,
      // In the Docusaurus page, per recipe: the first card on screen (the copy's or the frame's)
      // and the issue's own figure, the first card inside the frame; ≤ 1.0× the table, ×1 and ×4.
      embeddedInReference: embedded.inReference
        ? Object.fromEntries(
            Object.keys(embedded.inReference.pages).map((recipe) => {
              const figures = embedded.inReference[recipe];
              const holds = (key, hosts) => hosts.every((host) => host[key] <= 1);
              return [
                recipe,
                {
                  firstCardOnScreen: holds('overReferenceTable', [figures.unthrottled, figures.cpuThrottled4x]),
                  firstCardInFrame: holds('frameOverReferenceTable', [figures.unthrottled, figures.cpuThrottled4x]),
                  firstCardOnScreenOnSlowNetwork: holds('overReferenceTable', [figures.slowNetwork.unthrottled, figures.slowNetwork.cpuThrottled4x]),
                  firstCardInFrameOnSlowNetwork: holds('frameOverReferenceTable', [figures.slowNetwork.unthrottled, figures.slowNetwork.cpuThrottled4x]),
                },
              ];
            }),
          )
        : null,
    },
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} finally {
  await browser.close();
  await server.close();
  await referenceServer?.close();
}
