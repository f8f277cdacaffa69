/**
 * The program statistics dashboard in real Chromium: counts made by opening and working cases show
 * up per month, small counts read "<11" (never a number) in the table that stands beside each
 * chart, the CSV link carries the filters, and the page is axe-clean, also on a 360-px phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { expectAccessible, expectHeading, openCaseThroughApi, signInWithKeyboard } from './respond-support.ts';

let server: LanternProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
  await signInWithKeyboard(page, server.url, 'program-lead@demo.example.org', 'Welcome, Demo Program Lead');
  // Twelve cases this month (a count that may be shown), one step done and one closed (counts that may not).
  for (let i = 0; i < 12; i += 1) await openCaseThroughApi(page);
  await page.evaluate(async () => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const [first] = await (await fetch('/api/cases')).json() as { id: string }[];
    const record = await (await fetch(`/api/cases/${first!.id}`)).json() as { actions: { id: string }[] };
    await fetch(`/api/cases/${first!.id}/actions/${record.actions[0]!.id}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ status: 'done' }),
    });
    await fetch(`/api/cases/${first!.id}/close`, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the statistics dashboard', () => {
  test('shows small counts as "<11", never a number, in a table beside each chart, and is axe-clean', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Program statistics' }).click();
    await expectHeading(page, 'Program statistics');
    const cases = page.getByRole('table', { name: 'Cases opened and closed, by month' });
    await cases.waitFor();
    const month = new Date().toISOString().slice(0, 7);
    const row = cases.locator('tbody tr', { has: page.locator('th', { hasText: month }) });
    expect(await row.locator('td').allTextContents()).toEqual(['<11', '12']);
    // No cell anywhere shows a count between 1 and 10.
    const cells = await page.locator('tbody td').allTextContents();
    expect(cells.filter((c) => /^([1-9]|10)$/.test(c))).toEqual([]);
    // The chart is one labelled image; the table is its text alternative. A section with nothing
    // above the threshold draws no chart and says why.
    expect(await page.locator('section', { has: page.locator('#stats-actions') }).textContent()).toContain('nothing to draw');
    const chart = page.locator('section', { has: page.locator('#stats-cases') }).locator('canvas');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('The table below gives the same numbers');
    await expectAccessible(page);
  });

  test('the CSV link carries the month range and facility, and answers with the suppressed counts', async () => {
    await page.getByLabel('Facility').selectOption({ label: 'Demo Community Hospital' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const link = page.getByRole('link', { name: 'Download as CSV' });
    await page.waitForFunction(() => document.querySelector('a[href^="/api/statistics.csv"]')?.getAttribute('href')?.includes('facilityId='));
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/statistics\.csv\?from=\d{4}-\d{2}&to=\d{4}-\d{2}&facilityId=/);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toContain('case.opened');
    expect(csv).toContain('<11');
    await expectAccessible(page);
  });

  test('a reversed month range is refused with a message', async () => {
    await page.getByLabel('From month').fill('2030-01');
    await page.getByLabel('To month').fill('2029-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose a first month' }).waitFor();
  });

  test('fits a 360-px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/statistics`);
    await page.getByRole('table').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(browser.offsiteRequests).toEqual([]);
  });
});
