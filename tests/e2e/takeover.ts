// Where a static copy's parts stand on screen, and then the same parts of the app's view that
// replaced it. The app's view is new elements, which a layout-shift score does not count: a
// takeover that moves anything shows here instead.
import { expect, type Page } from '@playwright/test';

type Box = number[];

/// Holds the page's requests for `pattern` (the app's wasm by default: the static copy stays
/// until then) until the returned function is called.
export async function holdRequests(page: Page, pattern: Parameters<Page['route']>[0] = '**/karmada-showcase_bg.wasm') {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/// Opens `address` with the app's wasm (`wasm`, a route pattern) held until the copy has been
/// measured, then lets the app start and measures its view. `parts` are selectors inside the
/// view, each matching in the copy (under `#prerendered`) and in the app (under `.showcase`).
export async function boxesAcrossTakeover(page: Page, address: string, parts: string[], wasm = '**/karmada-showcase_bg.wasm') {
  const release = await holdRequests(page, wasm);
  await page.goto(address);
  const boxes = (root: string) =>
    page.evaluate(
      ({ root, parts }) =>
        parts.map((part) => {
          const element = document.querySelector(`${root} ${part}`);
          if (!element) return [];
          const box = element.getBoundingClientRect();
          return [box.x, box.y, box.width, box.height].map(Math.round);
        }),
      { root, parts },
    );
  await expect(page.locator('#prerendered')).toHaveCount(1);
  await page.evaluate(() => document.fonts.ready);
  const copy: Box[] = await boxes('#prerendered');
  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  const app: Box[] = await boxes('.showcase');
  for (const [index, box] of copy.entries()) expect(box.length, `${parts[index]} is in the copy`).toBe(4);
  await page.unroute(wasm);
  return { copy, app };
}
