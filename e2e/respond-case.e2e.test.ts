/**
 * Respond in real Chromium against a real server, keyboard only: a clinician opens a case from a
 * positive youth screen, works every recommended step (one skipped with a reason), assigns a task,
 * writes a sensitive and a shareable note, gets documentation help, closes the case and prints a
 * handoff that carries the shareable note only — in English, then in Spanish. axe-core on each page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { activate, expectAccessible, expectHeading, openCaseThroughApi, signInWithKeyboard, tabTo } from './respond-support.ts';

let server: LanternProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Marks every pending step done with Enter; focus moves to the next pending step by itself. */
async function markRemainingDone(doneLabel: string, settledText: RegExp): Promise<void> {
  if (await page.evaluate(() => document.activeElement?.textContent?.trim()) !== doneLabel) await tabTo(page, { text: doneLabel });
  for (let i = 0; i < 30; i += 1) {
    if (await page.locator('#case-progress', { hasText: settledText }).count() > 0) return;
    const before = await page.locator('.action-card[data-status="pending"]').count();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(doneLabel);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.action-card[data-status="pending"]').length < n, before);
    await page.waitForFunction(() => document.activeElement?.classList.contains('button-primary') || document.activeElement?.id === 'case-progress');
  }
  await page.locator('#case-progress', { hasText: settledText }).waitFor();
}

describe('a clinician works a case from a positive youth screen', () => {
  test('in English: timeline, skip with a reason, task, notes, documentation, close and handoff', async () => {
    await signInWithKeyboard(page, server.url, 'clinician@demo.example.org', 'Welcome, Demo Clinician');
    const opened = await openCaseThroughApi(page);
    expect(opened.actions.map((a) => a.code)).toEqual(expect.arrayContaining(['report-child-protection', 'offer-hotline']));

    // Cases → the new case, by keyboard.
    await activate(page, { text: 'Cases' });
    await expectHeading(page, 'Cases');
    await expectAccessible(page);
    await activate(page, { text: `Case ${opened.pseudonym}` });
    await expectHeading(page, `Case ${opened.pseudonym}`);
    await page.locator('.action-card').first().waitFor();

    // Protocol order, reasons in English, the Texas child-protection route with marked phones, the hotline.
    const names = await page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toHaveLength(opened.actions.length);
    expect(names).toContain('Report to child protection');
    const report = page.locator('.action-card', { hasText: 'Report to child protection' });
    expect(await report.locator('.contact').textContent()).toMatch(/Child protection: Texas/);
    expect(await report.locator('.tag').first().textContent()).toMatch(/^(confirmed|not confirmed)$/);
    expect(await page.locator('.action-card', { hasText: 'Offer the national hotline' }).locator('.contact').textContent()).toContain('1-888-373-7888');
    await expectAccessible(page);

    // Skip the first step with a reason, typed; an empty reason is refused and tied to the field.
    await tabTo(page, { text: 'Skip…' });
    await page.keyboard.press('Enter');
    await page.locator('textarea[id$="-reason"]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.reason-form .field-error').waitFor();
    expect(await page.locator('.reason-form textarea').getAttribute('aria-describedby')).toMatch(/-error$/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Patient asked to stop for today');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const skipped = page.locator('.action-card[data-status="skipped"]');
    await skipped.waitFor();
    expect(await skipped.textContent()).toContain('Patient asked to stop for today');

    await markRemainingDone('Mark done', /All \d+ steps are settled/);
    expect(await page.locator('.action-card[data-status="done"]').count()).toBe(opened.actions.length - 1);
    await expectAccessible(page);

    // A task for a colleague.
    await tabTo(page, { id: 'task-title' });
    await page.keyboard.type('Call the county office back');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await tabTo(page, { text: 'Assign task' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Task assigned.' }).waitFor();
    expect(await page.locator('#tasks-heading + ul').textContent()).toContain('Call the county office back');

    // A sensitive note (the default), then a shareable one.
    await tabTo(page, { id: 'note-body' });
    await page.keyboard.type('SENSITIVE-DETAIL safety plan agreed');
    await tabTo(page, { text: 'Save note' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Note saved.' }).waitFor();
    await tabTo(page, { id: 'note-body' });
    await page.keyboard.type('SHAREABLE follow-up visit booked');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // untick "Sensitive"
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.sensitive-flag').first().waitFor();
    await page.waitForFunction(() => document.body.textContent?.includes('SHAREABLE follow-up visit booked'));
    expect(await page.locator('.sensitive-flag').count()).toBe(1);

    // Documentation help: suspected sexual exploitation of a minor → T76.52XA; the note in two parts.
    await tabTo(page, { id: 'doc-findings' });
    await page.keyboard.type('Bruising on left forearm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.note-part-safe').waitFor();
    expect(await page.locator('#documentation-heading ~ div').last().textContent()).toContain('T76.52XA');
    expect(await page.locator('.note-part-safe').textContent()).toContain('Bruising on left forearm');
    expect(await page.locator('.note-part-safe').textContent()).not.toMatch(/888|hotline/i);
    await expectAccessible(page);

    // Close, then the handoff.
    await activate(page, { text: 'Close case' });
    await page.getByRole('status').filter({ hasText: 'The case is closed.' }).waitFor();
    await activate(page, { text: 'Handoff summary' });
    await expectHeading(page, `Handoff summary: case ${opened.pseudonym}`);
    await page.locator('article').waitFor();
    const summaryBefore = (await page.locator('article').textContent()) ?? '';
    expect(summaryBefore).not.toContain('SHAREABLE');
    expect(await page.locator('fieldset').textContent()).not.toContain('SENSITIVE-DETAIL');
    await tabTo(page, { text: /SHAREABLE/ });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('article')?.textContent?.includes('SHAREABLE follow-up visit booked'));
    const summary = (await page.locator('article').textContent()) ?? '';
    expect(summary).not.toContain('SENSITIVE-DETAIL');
    expect(summary).toContain('Call the county office back');
    await expectAccessible(page);

    // Printed: no header, navigation or controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.locator('article').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  test('from the screening page: a positive youth screen opens the case, keyboard only', async () => {
    await page.goto(`${server.url}/`);
    await expectHeading(page, 'Welcome, Demo Clinician');
    await activate(page, { text: 'Screening' });
    await expectHeading(page, 'Before you screen: privacy check');
    // Alone: yes; interpreter needed: no; confidentiality explained: yes; safe to talk: yes.
    let group = '';
    for (const answer of ['Space', 'ArrowDown', 'Space', 'Space']) {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio' ? (document.activeElement as HTMLInputElement).name : '');
        if (name && name !== group) { group = name; break; }
      }
      await page.keyboard.press(answer);
    }
    await activate(page, { text: 'Continue' });
    await expectHeading(page, 'Choose the screen');
    await tabTo(page, { text: /^Patient.s age in years/ });
    await page.keyboard.type('16');
    await activate(page, { text: 'Start the screen' });
    await expectHeading(page, 'Screening questions');
    const total = Number(/of (\d+)/.exec((await page.locator('.q-progress').textContent()) ?? '')?.[1] ?? '0');
    expect(total).toBeGreaterThan(0);
    for (let question = 1; question <= total; question += 1) {
      await expect.poll(() => page.locator('.q-progress').textContent()).toBe(`Question ${question} of ${total}`);
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
      }
      await page.keyboard.press('Space'); // the first option: yes
      await activate(page, { text: question === total ? 'Finish and see the result' : 'Next' });
    }
    await expectHeading(page, 'What to consider next');
    expect(await page.locator('.r-result').textContent()).toContain('Positive screen');
    await activate(page, { text: 'Open a case' });
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expectHeading(page, /^Case C-/);
    await page.locator('.action-card').first().waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain('Positive');
    const names = await page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toContain('Report to child protection');
    await expectAccessible(page);
  });

  test('in Spanish: action names and reasons in Spanish, the timeline completed, and the handoff', async () => {
    await page.goto(`${server.url}/`);
    await expectHeading(page, 'Welcome, Demo Clinician');
    await tabTo(page, { text: 'Language' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await expectHeading(page, 'Hola, Demo Clinician');

    const opened = await openCaseThroughApi(page);
    await activate(page, { text: 'Casos' });
    await expectHeading(page, 'Casos');
    await activate(page, { text: `Caso ${opened.pseudonym}` });
    await expectHeading(page, `Caso ${opened.pseudonym}`);
    await page.locator('.action-card').first().waitFor();
    const names = await page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toContain('Reportar a protección infantil');
    expect(names).toContain('Garantizar la privacidad');
    expect(await page.locator('.action-card').first().textContent()).toContain('Se ve a cada paciente a solas');
    await expectAccessible(page);

    await markRemainingDone('Marcar como hecho', /Los \d+ pasos están resueltos/);
    await expectAccessible(page);
    await activate(page, { text: 'Cerrar caso' });
    await page.getByRole('status').filter({ hasText: 'El caso está cerrado.' }).waitFor();
    await activate(page, { text: 'Resumen de traspaso' });
    await expectHeading(page, `Resumen de traspaso: caso ${opened.pseudonym}`);
    await page.locator('article').waitFor();
    expect(await page.locator('article').textContent()).toContain('Reportar a protección infantil');
    await expectAccessible(page);
  });

  test('the case page fits a 360-px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const opened = await openCaseThroughApi(page);
    await page.goto(`${server.url}/cases/${opened.id}`);
    await page.locator('.action-card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main select, main input:not([type=checkbox]):not([type=radio])')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 80)));
    expect(small).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(browser.offsiteRequests).toEqual([]);
  });
});
