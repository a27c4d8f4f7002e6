import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.mjs';
const B='http://127.0.0.1:4381/adopters/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const out=[];
for (const [vw,vh,tag] of [[1280,800,'desk'],[390,844,'phone']]) for (const scheme of ['light','dark']) for (const [path,lang] of [['','en'],['zh/','zh']]) {
  const ctx = await browser.newContext({ viewport:{width:vw,height:vh}, colorScheme:scheme, deviceScaleFactor:1, isMobile: tag==='phone', hasTouch: tag==='phone' });
  const page = await ctx.newPage();
  page.on('console', m=>{ if(['error','warning'].includes(m.type())) out.push(`${tag}/${scheme}/${lang} console ${m.type()}: ${m.text()}`)});
  page.on('pageerror', e=>out.push(`${tag}/${scheme}/${lang} pageerror ${e.message}`));
  page.on('requestfailed', r=>out.push(`${tag}/${scheme}/${lang} reqfailed ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', r=>{ if(r.status()>=400) out.push(`${tag}/${scheme}/${lang} HTTP ${r.status()} ${r.url()}`)});
  await page.goto(B+path, {waitUntil:'networkidle'});
  await page.waitForTimeout(800);
  await page.screenshot({path:`/tmp/review/list-${tag}-${scheme}-${lang}.png`});
  if (scheme==='light') await page.screenshot({path:`/tmp/review/list-${tag}-${scheme}-${lang}-full.png`, fullPage:true});
  await ctx.close();
}
console.log(out.join('\n')||'no errors');
await browser.close();
