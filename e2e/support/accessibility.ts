/**
 * @module Runs axe-core on the current page against WCAG 2.0, 2.1 and 2.2 A/AA and returns the
 * violations in a form that reads well in a failed assertion.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The page's axe violations, one line each: rule, impact, and the first offending elements. */
export async function findAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) =>
    `${violation.id} (${violation.impact ?? 'n/a'}) on ${page.url()}: ${violation.help} — ${violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
