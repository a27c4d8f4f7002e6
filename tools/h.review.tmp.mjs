import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
const B='http://127.0.0.1:4381/adopters/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport:{width:1280,height:800}});
let page = await ctx.newPage();
await page.goto(B, {waitUntil:'networkidle'});
for (let i=0;i<28;i++) await page.keyboard.press('Tab');
await page.screenshot({path:'/tmp/review/kb-featured-focus.png', clip:{x:300,y:340,width:980,height:240}});
await ctx.close();
const pctx = await browser.newContext({viewport:{width:390,height:844}});
page = await pctx.newPage();
page.on('pageerror', e=>console.log('pageerror', e.message));
await page.goto(B, {waitUntil:'networkidle'});
const desc = ()=>page.evaluate(()=>{const e=document.activeElement; const r=e.getBoundingClientRect(); return `${e.tagName}[${e.dataset.testid||''}] "${(e.getAttribute('aria-label')||e.textContent||'').trim().slice(0,30)}" y=${Math.round(r.y)}`});
for (let i=0;i<12;i++){ await page.keyboard.press('Tab'); const d=await desc(); console.log(i+1,d); if(d.includes('filters-toggle')) break; }
const t = page.getByTestId('filters-toggle');
console.log('toggle aria', await t.getAttribute('aria-expanded'), await t.getAttribute('aria-controls'));
await page.keyboard.press('Enter'); await page.waitForTimeout(500);
console.log('after open focus', await desc(), 'expanded', await t.getAttribute('aria-expanded'));
await page.screenshot({path:'/tmp/review/phone-sheet-open.png'});
const dlg = await page.evaluate(()=>{const d=document.querySelector('dialog[open], [role=dialog], [aria-modal]'); return d? d.outerHTML.slice(0,300):'none'});
console.log('dialog:', dlg);
// tab through sheet
for (let i=0;i<25;i++){ await page.keyboard.press('Tab'); console.log(' s', i+1, await desc()); }
await page.keyboard.press('Escape'); await page.waitForTimeout(400);
console.log('after Escape focus', await desc(), 'expanded', await t.getAttribute('aria-expanded'));
await page.screenshot({path:'/tmp/review/phone-sheet-after-esc.png'});
// open again, check a filter with Space, close with Done
await t.focus(); await page.keyboard.press('Enter'); await page.waitForTimeout(400);
await page.keyboard.press('Tab'); console.log('first in sheet', await desc());
// find vendor checkbox
await page.getByTestId('kind-filter-vendor').focus(); await page.keyboard.press('Space'); await page.waitForTimeout(400);
console.log('url', page.url(), await page.getByTestId('result-count').textContent());
await page.screenshot({path:'/tmp/review/phone-sheet-vendor.png'});
await page.getByTestId('filters-done').focus(); await page.keyboard.press('Enter'); await page.waitForTimeout(400);
console.log('after done focus', await desc());
await page.screenshot({path:'/tmp/review/phone-after-done.png'});
await browser.close();
