/**
 * The program statistics dashboard in real Chromium: counts made by opening and working cases show
 * up per month, small counts read "<11" (never a number) in the table that stands beside each
 * chart, the CSV link carries the filters, and the page is axe-clean, also on a 360-px phone.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, expectHeading, openCaseThroughApi, useLanternInChromium } from './respond-support.ts';

const lantern = useLanternInChromium({ email: 'program-lead@demo.example.org', greeting: 'Welcome, Demo Program Lead' });

beforeAll(async () => {
  // Twelve cases this month (a count that may be shown), one step done and one closed (counts that may not).
  for (let i = 0; i < 12; i += 1) await openCaseThroughApi(lantern.page);
  await lantern.page.evaluate(async () => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const [first] = await (await fetch('/api/cases')).json() as { id: string }[];
    const record = await (await fetch(`/api/cases/${first!.id}`)).json() as { actions: { id: string }[] };
    await fetch(`/api/cases/${first!.id}/actions/${record.actions[0]!.id}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ status: 'done' }),
    });
    await fetch(`/api/cases/${first!.id}/close`, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
  });
});

describe('the statistics dashboard', () => {
  test('shows small counts as "<11", never a number, in a table beside each chart, and is axe-clean', async () => {
    await lantern.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Program statistics' }).click();
    await expectHeading(lantern.page, 'Program statistics');
    const cases = lantern.page.getByRole('table', { name: 'Cases opened and closed, by month' });
    await cases.waitFor();
    const month = new Date().toISOString().slice(0, 7);
    const row = cases.locator('tbody tr', { has: lantern.page.locator('th', { hasText: month }) });
    expect(await row.locator('td').allTextContents()).toEqual(['<11', '12']);
    // No cell anywhere shows a count between 1 and 10.
    const cells = await lantern.page.locator('tbody td').allTextContents();
    expect(cells.filter((c) => /^([1-9]|10)$/.test(c))).toEqual([]);
    // The chart is one labelled image; the table is its text alternative. A section with nothing
    // above the threshold draws no chart and says why.
    expect(await lantern.page.locator('section', { has: lantern.page.locator('#stats-actions') }).textContent()).toContain('nothing to draw');
    const chart = lantern.page.locator('section', { has: lantern.page.locator('#stats-cases') }).locator('canvas');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('The table below gives the same numbers');
    await expectAccessible(lantern.page);
  });

  test('the CSV link carries the month range and facility, and answers with the suppressed counts', async () => {
    await lantern.page.getByLabel('Facility').selectOption({ label: 'Demo Community Hospital' });
    await lantern.page.getByRole('button', { name: 'Show', exact: true }).click();
    const link = lantern.page.getByRole('link', { name: 'Download as CSV' });
    await lantern.page.waitForFunction(() => document.querySelector('a[href^="/api/statistics.csv"]')?.getAttribute('href')?.includes('facilityId='));
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/statistics\.csv\?from=\d{4}-\d{2}&to=\d{4}-\d{2}&facilityId=/);
    const csv = await lantern.page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv).toContain('case.opened');
    expect(csv).toContain('<11');
    await expectAccessible(lantern.page);
  });

  test('a reversed month range is refused with a message', async () => {
    await lantern.page.getByLabel('From month').fill('2030-01');
    await lantern.page.getByLabel('To month').fill('2029-01');
    await lantern.page.getByRole('button', { name: 'Show', exact: true }).click();
    await lantern.page.getByRole('alert').filter({ hasText: 'Choose a first month' }).waitFor();
  });

  test('fits a 360-px phone without sideways scrolling', async () => {
    await lantern.page.setViewportSize({ width: 360, height: 740 });
    await lantern.page.goto(`${lantern.server.url}/statistics`);
    await lantern.page.getByRole('table').first().waitFor();
    expect(await lantern.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(lantern.page);
    await lantern.page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(lantern.browser.offsiteRequests).toEqual([]);
  });
});
