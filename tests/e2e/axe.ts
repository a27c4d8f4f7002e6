// One axe-core scan of the whole page (frames included), or of what `include` selects, as lines
// a failing test can print: `rule-id: selector, selector`.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  // A part of a page (a dialog with its frame) has no main landmark of its own: the page has.
  if (include) builder.include(include).disableRules(['landmark-one-main']);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
