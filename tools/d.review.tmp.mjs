import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
const B='http://127.0.0.1:4381/adopters/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport:{width:1280,height:800}});
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('pageerror', e.message));
page.on('console', m=>{ if(m.type()==='error' && !m.text().includes('ERR_NAME_NOT_RESOLVED')) console.log('console', m.text())});
await page.goto(B, {waitUntil:'networkidle'});
const s = page.getByTestId('search');
const names = async()=> (await page.$$eval('[data-testid=member-card] .card-title', els=>els.map(e=>e.textContent))).join(', ');
for (const q of ['bank','blomberg','银行','huawei cloud','kubernetes','xyzzy']) {
  await s.fill(q); await page.waitForTimeout(600);
  console.log(`[${q}] url=${page.url()} count=${await page.getByTestId('result-count').textContent()} :: ${await names()}`);
  await page.screenshot({path:`/tmp/review/search-${encodeURIComponent(q)}.png`});
}
await s.fill('');
await page.waitForTimeout(400);
console.log('cleared url', page.url());
await browser.close();
