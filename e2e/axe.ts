import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const axeScriptPath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function describeViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    … en ${violation.nodes.length - 5} meer` : '';
  return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axeScriptPath });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const blocking = (results as AxeResults).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (blocking.length > 0) {
    throw new Error(`Toegankelijkheidsfouten op "${label}" (${page.url()}):\n${blocking.map(describeViolation).join('\n')}`);
  }
}
