import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
const B='http://127.0.0.1:4381/adopters/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport:{width:1280,height:800}});
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('pageerror', e.message));
page.on('console', m=>{ if(m.type()==='error' && !m.text().includes('ERR_NAME_NOT_RESOLVED')) console.log('console', m.text())});
const vis = async()=> (await page.$$eval('[data-testid=member-card]', els=>els.filter(e=>e.offsetParent!==null).map(e=>e.querySelector('.card-title').textContent))).join(', ');
const st = async(l)=>console.log(`${l}: url=${page.url()} count="${await page.getByTestId('result-count').textContent()}" :: ${await vis()}`);
await page.goto(B, {waitUntil:'networkidle'});
for (const q of ['finance','金融','bloomberg','彭博','华为','gpu']) { await page.getByTestId('search').fill(q); await page.waitForTimeout(500); await st('q='+q); }
await page.getByTestId('search').fill('');
await page.waitForTimeout(400);
await page.getByTestId('kind-filter-vendor').check(); await page.waitForTimeout(300); await st('vendor');
await page.getByTestId('industry-filter-cloud').check(); await page.waitForTimeout(300); await st('vendor+cloud');
await page.screenshot({path:'/tmp/review/facets-vendor-cloud.png'});
await page.getByTestId('sort').selectOption({index:1}); await page.waitForTimeout(300); await st('sort newest');
const url = page.url();
await page.reload({waitUntil:'networkidle'}); await page.waitForTimeout(500); await st('after reload');
console.log('checked after reload', await page.getByTestId('kind-filter-vendor').isChecked(), await page.getByTestId('industry-filter-cloud').isChecked(), await page.getByTestId('sort').inputValue());
await page.goBack(); await page.waitForTimeout(500); await st('back1');
await page.goBack(); await page.waitForTimeout(500); await st('back2');
await page.goBack(); await page.waitForTimeout(500); await st('back3');
await page.goForward(); await page.waitForTimeout(500); await st('fwd1');
// chips
const chips = await page.$$eval('[data-testid]', els=>els.filter(e=>/chip|filter-/.test(e.dataset.testid)&&e.offsetParent).map(e=>e.tagName+':'+e.dataset.testid+':'+e.textContent.trim().slice(0,30)));
console.log(chips.join('\n'));
// table view
await page.goto(B+'?view=table', {waitUntil:'networkidle'}); await page.waitForTimeout(500);
await page.screenshot({path:'/tmp/review/table-desk.png'});
console.log((await page.locator('main').ariaSnapshot()).split('\n').filter(l=>/table|row|columnheader|cell/.test(l)).slice(0,25).join('\n'));
await ctx.close();
const p2 = await (await browser.newContext({viewport:{width:390,height:844}, isMobile:true, hasTouch:true})).newPage();
await p2.goto(B+'?view=table', {waitUntil:'networkidle'}); await p2.waitForTimeout(500);
await p2.screenshot({path:'/tmp/review/table-phone.png'});
console.log('phone table scrollWidth', await p2.evaluate(()=>[document.documentElement.scrollWidth, document.documentElement.clientWidth]));
await browser.close();
