import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { startServer } from './server.mjs';
const dirs = process.argv.slice(2, 4); const runs = Number(process.argv[4] || 8); const rate = Number(process.argv[5] || 4);
const srvs = await Promise.all(dirs.map((dir) => startServer({ dir, port: 0 })));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const res = dirs.map(() => []);
for (let i = 0; i < runs; i++) for (let k = 0; k < dirs.length; k++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } }); const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(() => { window.__card = null; const o = new MutationObserver(() => { if (document.querySelector('#prerendered [data-prerendered="member-card"], [data-testid="member-card"]')) { o.disconnect(); requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => { const framed = performance.now(); const f = () => { const e = performance.getEntriesByName('first-contentful-paint')[0]; if (e) window.__card = Math.max(framed, e.startTime); else setTimeout(f, 20); }; f(); }; ch.port2.postMessage(0); }); } }); o.observe(document, { childList: true, subtree: true }); });
  await page.goto(srvs[k].url); await page.waitForFunction(() => window.__card != null, null, { timeout: 60000 });
  res[k].push(Math.round(await page.evaluate(() => window.__card))); await ctx.close();
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
dirs.forEach((d, k) => console.log(d, 'median', med(res[k]), JSON.stringify(res[k])));
await browser.close(); await Promise.all(srvs.map((s) => s.close()));
