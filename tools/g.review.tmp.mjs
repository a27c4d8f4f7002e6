import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
const B='http://127.0.0.1:4381/adopters/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport:{width:1280,height:800}});
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('pageerror', e.message));
await page.goto(B, {waitUntil:'networkidle'});
const desc = ()=>page.evaluate(()=>{const e=document.activeElement; const cs=getComputedStyle(e); const r=e.getBoundingClientRect(); return `${e.tagName}#${e.id}[${e.dataset.testid||''}] "${(e.getAttribute('aria-label')||e.textContent||e.value||'').trim().slice(0,30)}" outline=${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} shadow=${cs.boxShadow.slice(0,40)} y=${Math.round(r.y)} vis=${r.width>0}`});
for (let i=0;i<40;i++){ await page.keyboard.press('Tab'); console.log(i+1, await desc()); if(i===0) await page.screenshot({path:'/tmp/review/kb-skiplink.png'}); if (i===5||i===20||i===30) await page.screenshot({path:`/tmp/review/kb-tab${i+1}.png`}); }
// skip link activation
await page.goto(B, {waitUntil:'networkidle'});
await page.keyboard.press('Tab'); await page.keyboard.press('Enter'); await page.waitForTimeout(200);
console.log('after skip', await desc(), page.url());
await page.keyboard.press('Tab'); console.log('next after skip', await desc());
await browser.close();
