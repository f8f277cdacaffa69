/**
 * The protocol editor in real Chromium: a program lead views the active protocol, is refused
 * publishing a version that drops the child-protection report (each failing test case listed),
 * publishes an edited reason, sees who published it, and compares the two versions. axe-core on
 * each state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { expectAccessible, expectHeading, signInWithKeyboard } from './respond-support.ts';

let server: LanternProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
  await signInWithKeyboard(page, server.url, 'program-lead@demo.example.org', 'Welcome, Demo Program Lead');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openEditor(): Promise<void> {
  await page.goto(`${server.url}/protocol/edit`);
  await expectHeading(page, 'Edit the response protocol');
  await page.locator('.step-editor').first().waitFor();
}

describe('the protocol editor', () => {
  test('shows the active protocol in order, with conditions in words and Lantern\'s default as the only version', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Response protocol' }).click();
    await expectHeading(page, 'Response protocol');
    await page.locator('.action-card').first().waitFor();
    expect(await page.locator('.lead').textContent()).toContain('version 1.0.0');
    const first = page.locator('.action-card').first();
    expect(await first.textContent()).toContain('Ensure privacy');
    expect(await page.locator('.action-card', { hasText: 'Report to child protection' }).first().textContent()).toMatch(/When.*a minor/);
    expect(await page.locator('#versions-heading + .table-scroll tbody tr').count()).toBe(1);
    await expectAccessible(page);
  });

  test('refuses to publish a version whose test cases fail, and lists each failing case', async () => {
    await openEditor();
    expect(await page.getByLabel('New version number').inputValue()).toBe('1.0.1');
    await expectAccessible(page);
    const step = page.locator('.step-editor', { has: page.locator('legend', { hasText: 'Report to child protection' }) }).first();
    await step.getByRole('button', { name: 'Remove step' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed step' }).waitFor();
    await page.getByRole('button', { name: 'Run the test cases and publish' }).click();
    await page.locator('#failures-heading').waitFor();
    const failures = await page.locator('.failures li').allTextContents();
    expect(failures.length).toBeGreaterThan(1);
    expect(failures.some((f) => f.includes('report-child-protection'))).toBe(true);
    expect(await page.locator('[role=alert]').textContent()).toMatch(/Not published: \d+ problems below/);
    await expectAccessible(page);
  });

  test('publishes an edited reason, shows who published it, and diffs the two versions', async () => {
    await openEditor();
    const reason = page.getByLabel('Reason (English)').first();
    await reason.fill(`${await reason.inputValue()} Edited by the program.`);
    // The advanced text shows the same document.
    await page.locator('summary', { hasText: 'Advanced' }).click();
    expect(await page.getByLabel('Protocol document').inputValue()).toContain('Edited by the program.');
    await page.getByRole('button', { name: 'Run the test cases and publish' }).click();
    await expectHeading(page, 'Response protocol');
    await page.locator('#versions-heading + .table-scroll tbody tr').nth(1).waitFor();
    const newest = (await page.locator('#versions-heading + .table-scroll tbody tr').first().textContent()) ?? '';
    expect(newest).toContain('1.0.1');
    expect(newest).toContain('program-lead@demo.example.org');
    await page.locator('.lead', { hasText: 'version 1.0.1' }).waitFor();

    await page.getByLabel('From').selectOption({ label: "Lantern's default" });
    await page.getByRole('button', { name: 'Show changes' }).click();
    const diff = page.getByRole('region', { name: 'Changes' });
    await diff.waitFor();
    expect(await diff.textContent()).toContain('1 step changed');
    expect(await diff.locator('.diff-after').first().textContent()).toContain('Edited by the program.');
    expect(await diff.locator('.diff-before').first().textContent()).not.toContain('Edited by the program.');
    await expectAccessible(page);
  });

  test('the editor fits a 360-px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openEditor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(browser.offsiteRequests).toEqual([]);
  });
});
