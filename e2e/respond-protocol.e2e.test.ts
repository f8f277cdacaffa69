/**
 * The protocol editor in real Chromium: a program lead views the active protocol, is refused
 * publishing a version that drops the child-protection report (each failing test case listed),
 * publishes an edited reason, sees who published it, and compares the two versions. axe-core on
 * each state.
 */
import { describe, expect, test } from 'vitest';
import { expectAccessible, expectHeading, useLanternInChromium } from './respond-support.ts';

const lantern = useLanternInChromium({ email: 'program-lead@demo.example.org', greeting: 'Welcome, Demo Program Lead' });

async function openEditor(): Promise<void> {
  await lantern.page.goto(`${lantern.server.url}/protocol/edit`);
  await expectHeading(lantern.page, 'Edit the response protocol');
  await lantern.page.locator('.step-editor').first().waitFor();
}

describe('the protocol editor', () => {
  test('shows the active protocol in order, with conditions in words and Lantern\'s default as the only version', async () => {
    await lantern.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Response protocol' }).click();
    await expectHeading(lantern.page, 'Response protocol');
    await lantern.page.locator('.action-card').first().waitFor();
    expect(await lantern.page.locator('.lead').textContent()).toContain('version 1.0.0');
    const first = lantern.page.locator('.action-card').first();
    expect(await first.textContent()).toContain('Ensure privacy');
    expect(await lantern.page.locator('.action-card', { hasText: 'Report to child protection' }).first().textContent()).toMatch(/When.*a minor/);
    expect(await lantern.page.locator('#versions-heading + .table-scroll tbody tr').count()).toBe(1);
    await expectAccessible(lantern.page);
  });

  test('refuses to publish a version whose test cases fail, and lists each failing case', async () => {
    await openEditor();
    expect(await lantern.page.getByLabel('New version number').inputValue()).toBe('1.0.1');
    await expectAccessible(lantern.page);
    const step = lantern.page.locator('.step-editor', { has: lantern.page.locator('legend', { hasText: 'Report to child protection' }) }).first();
    await step.getByRole('button', { name: 'Remove step' }).click();
    await lantern.page.getByRole('status').filter({ hasText: 'Removed step' }).waitFor();
    await lantern.page.getByRole('button', { name: 'Run the test cases and publish' }).click();
    await lantern.page.locator('#failures-heading').waitFor();
    const failures = await lantern.page.locator('.failures li').allTextContents();
    expect(failures.length).toBeGreaterThan(1);
    expect(failures.some((f) => f.includes('report-child-protection'))).toBe(true);
    expect(await lantern.page.locator('[role=alert]').textContent()).toMatch(/Not published: \d+ problems below/);
    await expectAccessible(lantern.page);
  });

  test('publishes an edited reason, shows who published it, and diffs the two versions', async () => {
    await openEditor();
    const reason = lantern.page.getByLabel('Reason (English)').first();
    await reason.fill(`${await reason.inputValue()} Edited by the program.`);
    // The advanced text shows the same document.
    await lantern.page.locator('summary', { hasText: 'Advanced' }).click();
    expect(await lantern.page.getByLabel('Protocol document').inputValue()).toContain('Edited by the program.');
    await lantern.page.getByRole('button', { name: 'Run the test cases and publish' }).click();
    await expectHeading(lantern.page, 'Response protocol');
    await lantern.page.locator('#versions-heading + .table-scroll tbody tr').nth(1).waitFor();
    const newest = (await lantern.page.locator('#versions-heading + .table-scroll tbody tr').first().textContent()) ?? '';
    expect(newest).toContain('1.0.1');
    expect(newest).toContain('program-lead@demo.example.org');
    await lantern.page.locator('.lead', { hasText: 'version 1.0.1' }).waitFor();

    await lantern.page.getByLabel('From').selectOption({ label: "Lantern's default" });
    await lantern.page.getByRole('button', { name: 'Show changes' }).click();
    const diff = lantern.page.getByRole('region', { name: 'Changes' });
    await diff.waitFor();
    expect(await diff.textContent()).toContain('1 step changed');
    expect(await diff.locator('.diff-after').first().textContent()).toContain('Edited by the program.');
    expect(await diff.locator('.diff-before').first().textContent()).not.toContain('Edited by the program.');
    await expectAccessible(lantern.page);
  });

  test('the editor fits a 360-px phone', async () => {
    await lantern.page.setViewportSize({ width: 360, height: 740 });
    await openEditor();
    expect(await lantern.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await lantern.page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(lantern.browser.offsiteRequests).toEqual([]);
  });
});
