/**
 * Respond in real Chromium against a real server, keyboard only: a clinician opens a case from a
 * positive youth screen, works every recommended step (one skipped with a reason), assigns a task,
 * writes a sensitive and a shareable note, gets documentation help, closes the case and prints a
 * handoff that carries the shareable note only — in English, then in Spanish. axe-core on each lantern.page.
 */
import { describe, expect, test } from 'vitest';
import { activate, expectAccessible, expectHeading, openCaseThroughApi, signInWithKeyboard, tabTo, useLanternInChromium } from './respond-support.ts';

const lantern = useLanternInChromium();

/** Marks every pending step done with Enter; focus moves to the next pending step by itself. */
async function markRemainingDone(doneLabel: string, settledText: RegExp): Promise<void> {
  if (await lantern.page.evaluate(() => document.activeElement?.textContent?.trim()) !== doneLabel) await tabTo(lantern.page, { text: doneLabel });
  for (let i = 0; i < 30; i += 1) {
    if (await lantern.page.locator('#case-progress', { hasText: settledText }).count() > 0) return;
    const before = await lantern.page.locator('.action-card[data-status="pending"]').count();
    expect(await lantern.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(doneLabel);
    await lantern.page.keyboard.press('Enter');
    await lantern.page.waitForFunction((n) => document.querySelectorAll('.action-card[data-status="pending"]').length < n, before);
    await lantern.page.waitForFunction(() => document.activeElement?.classList.contains('button-primary') || document.activeElement?.id === 'case-progress');
  }
  await lantern.page.locator('#case-progress', { hasText: settledText }).waitFor();
}

describe('a clinician works a case from a positive youth screen', () => {
  test('in English: timeline, skip with a reason, task, notes, documentation, close and handoff', async () => {
    await signInWithKeyboard(lantern.page, lantern.server.url, 'clinician@demo.example.org', 'Welcome, Demo Clinician');
    const opened = await openCaseThroughApi(lantern.page);
    expect(opened.actions.map((a) => a.code)).toEqual(expect.arrayContaining(['report-child-protection', 'offer-hotline']));

    // Cases → the new case, by keyboard.
    await activate(lantern.page, { text: 'Cases' });
    await expectHeading(lantern.page, 'Cases');
    await expectAccessible(lantern.page);
    await activate(lantern.page, { text: `Case ${opened.pseudonym}` });
    await expectHeading(lantern.page, `Case ${opened.pseudonym}`);
    await lantern.page.locator('.action-card').first().waitFor();

    // Protocol order, reasons in English, the Texas child-protection route with marked phones, the hotline.
    const names = await lantern.page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toHaveLength(opened.actions.length);
    expect(names).toContain('Report to child protection');
    const report = lantern.page.locator('.action-card', { hasText: 'Report to child protection' });
    expect(await report.locator('.contact').textContent()).toMatch(/Child protection: Texas/);
    expect(await report.locator('.tag').first().textContent()).toMatch(/^(confirmed|not confirmed)$/);
    expect(await lantern.page.locator('.action-card', { hasText: 'Offer the national hotline' }).locator('.contact').textContent()).toContain('1-888-373-7888');
    await expectAccessible(lantern.page);

    // Skip the first step with a reason, typed; an empty reason is refused and tied to the field.
    await tabTo(lantern.page, { text: 'Skip…' });
    await lantern.page.keyboard.press('Enter');
    await lantern.page.locator('textarea[id$="-reason"]').waitFor();
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Enter');
    await lantern.page.locator('.reason-form .field-error').waitFor();
    expect(await lantern.page.locator('.reason-form textarea').getAttribute('aria-describedby')).toMatch(/-error$/);
    await lantern.page.keyboard.press('Shift+Tab');
    await lantern.page.keyboard.type('Patient asked to stop for today');
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Enter');
    const skipped = lantern.page.locator('.action-card[data-status="skipped"]');
    await skipped.waitFor();
    expect(await skipped.textContent()).toContain('Patient asked to stop for today');

    await markRemainingDone('Mark done', /All \d+ steps are settled/);
    expect(await lantern.page.locator('.action-card[data-status="done"]').count()).toBe(opened.actions.length - 1);
    await expectAccessible(lantern.page);

    // A task for a colleague.
    await tabTo(lantern.page, { id: 'task-title' });
    await lantern.page.keyboard.type('Call the county office back');
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('ArrowDown');
    await lantern.page.keyboard.press('Tab');
    await tabTo(lantern.page, { text: 'Assign task' });
    await lantern.page.keyboard.press('Enter');
    await lantern.page.getByRole('status').filter({ hasText: 'Task assigned.' }).waitFor();
    expect(await lantern.page.locator('#tasks-heading + ul').textContent()).toContain('Call the county office back');

    // A sensitive note (the default), then a shareable one.
    await tabTo(lantern.page, { id: 'note-body' });
    await lantern.page.keyboard.type('SENSITIVE-DETAIL safety plan agreed');
    await tabTo(lantern.page, { text: 'Save note' });
    await lantern.page.keyboard.press('Enter');
    await lantern.page.getByRole('status').filter({ hasText: 'Note saved.' }).waitFor();
    await tabTo(lantern.page, { id: 'note-body' });
    await lantern.page.keyboard.type('SHAREABLE follow-up visit booked');
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Space'); // untick "Sensitive"
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Enter');
    await lantern.page.locator('.sensitive-flag').first().waitFor();
    await lantern.page.waitForFunction(() => document.body.textContent?.includes('SHAREABLE follow-up visit booked'));
    expect(await lantern.page.locator('.sensitive-flag').count()).toBe(1);

    // Documentation help: suspected sexual exploitation of a minor → T76.52XA; the note in two parts.
    await tabTo(lantern.page, { id: 'doc-findings' });
    await lantern.page.keyboard.type('Bruising on left forearm');
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Enter');
    await lantern.page.locator('.note-part-safe').waitFor();
    expect(await lantern.page.locator('#documentation-heading ~ div').last().textContent()).toContain('T76.52XA');
    expect(await lantern.page.locator('.note-part-safe').textContent()).toContain('Bruising on left forearm');
    expect(await lantern.page.locator('.note-part-safe').textContent()).not.toMatch(/888|hotline/i);
    await expectAccessible(lantern.page);

    // Close, then the handoff.
    await activate(lantern.page, { text: 'Close case' });
    await lantern.page.getByRole('status').filter({ hasText: 'The case is closed.' }).waitFor();
    await activate(lantern.page, { text: 'Handoff summary' });
    await expectHeading(lantern.page, `Handoff summary: case ${opened.pseudonym}`);
    await lantern.page.locator('article').waitFor();
    const summaryBefore = (await lantern.page.locator('article').textContent()) ?? '';
    expect(summaryBefore).not.toContain('SHAREABLE');
    expect(await lantern.page.locator('fieldset').textContent()).not.toContain('SENSITIVE-DETAIL');
    await tabTo(lantern.page, { text: /SHAREABLE/ });
    await lantern.page.keyboard.press('Space');
    await lantern.page.waitForFunction(() => document.querySelector('article')?.textContent?.includes('SHAREABLE follow-up visit booked'));
    const summary = (await lantern.page.locator('article').textContent()) ?? '';
    expect(summary).not.toContain('SENSITIVE-DETAIL');
    expect(summary).toContain('Call the county office back');
    await expectAccessible(lantern.page);

    // Printed: no header, navigation or controls.
    await lantern.page.emulateMedia({ media: 'print' });
    expect(await lantern.page.locator('.app-header').isVisible()).toBe(false);
    expect(await lantern.page.locator('.main-nav').isVisible()).toBe(false);
    expect(await lantern.page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await lantern.page.locator('article').isVisible()).toBe(true);
    await lantern.page.emulateMedia({ media: 'screen' });
  });

  test('from the screening page: a positive youth screen opens the case, keyboard only', async () => {
    await lantern.page.goto(`${lantern.server.url}/`);
    await expectHeading(lantern.page, 'Welcome, Demo Clinician');
    await activate(lantern.page, { text: 'Screening' });
    await expectHeading(lantern.page, 'Before you screen: privacy check');
    // Alone: yes; interpreter needed: no; confidentiality explained: yes; safe to talk: yes.
    let group = '';
    for (const answer of ['Space', 'ArrowDown', 'Space', 'Space']) {
      for (let i = 0; i < 40; i += 1) {
        await lantern.page.keyboard.press('Tab');
        const name = await lantern.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio' ? (document.activeElement as HTMLInputElement).name : '');
        if (name && name !== group) { group = name; break; }
      }
      await lantern.page.keyboard.press(answer);
    }
    await activate(lantern.page, { text: 'Continue' });
    await expectHeading(lantern.page, 'Choose the screen');
    await tabTo(lantern.page, { text: /^Patient.s age in years/ });
    await lantern.page.keyboard.type('16');
    await activate(lantern.page, { text: 'Start the screen' });
    await expectHeading(lantern.page, 'Screening questions');
    const total = Number(/of (\d+)/.exec((await lantern.page.locator('.q-progress').textContent()) ?? '')?.[1] ?? '0');
    expect(total).toBeGreaterThan(0);
    for (let question = 1; question <= total; question += 1) {
      await expect.poll(() => lantern.page.locator('.q-progress').textContent()).toBe(`Question ${question} of ${total}`);
      for (let i = 0; i < 40; i += 1) {
        await lantern.page.keyboard.press('Tab');
        if (await lantern.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
      }
      await lantern.page.keyboard.press('Space'); // the first option: yes
      await activate(lantern.page, { text: question === total ? 'Finish and see the result' : 'Next' });
    }
    await expectHeading(lantern.page, 'What to consider next');
    expect(await lantern.page.locator('.r-result').textContent()).toContain('Positive screen');
    await activate(lantern.page, { text: 'Open a case' });
    await lantern.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expectHeading(lantern.page, /^Case C-/);
    await lantern.page.locator('.action-card').first().waitFor();
    expect(await lantern.page.locator('dl.facts').textContent()).toContain('Positive');
    const names = await lantern.page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toContain('Report to child protection');
    await expectAccessible(lantern.page);
  });

  test('in Spanish: action names and reasons in Spanish, the timeline completed, and the handoff', async () => {
    await lantern.page.goto(`${lantern.server.url}/`);
    await expectHeading(lantern.page, 'Welcome, Demo Clinician');
    await tabTo(lantern.page, { text: 'Language' });
    await lantern.page.keyboard.press('ArrowDown');
    await lantern.page.keyboard.press('Tab');
    await lantern.page.keyboard.press('Enter');
    await lantern.page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await expectHeading(lantern.page, 'Hola, Demo Clinician');

    const opened = await openCaseThroughApi(lantern.page);
    await activate(lantern.page, { text: 'Casos' });
    await expectHeading(lantern.page, 'Casos');
    await activate(lantern.page, { text: `Caso ${opened.pseudonym}` });
    await expectHeading(lantern.page, `Caso ${opened.pseudonym}`);
    await lantern.page.locator('.action-card').first().waitFor();
    const names = await lantern.page.locator('.action-title > span:first-child').allTextContents();
    expect(names).toContain('Reportar a protección infantil');
    expect(names).toContain('Garantizar la privacidad');
    expect(await lantern.page.locator('.action-card').first().textContent()).toContain('Se ve a cada paciente a solas');
    await expectAccessible(lantern.page);

    await markRemainingDone('Marcar como hecho', /Los \d+ pasos están resueltos/);
    await expectAccessible(lantern.page);
    await activate(lantern.page, { text: 'Cerrar caso' });
    await lantern.page.getByRole('status').filter({ hasText: 'El caso está cerrado.' }).waitFor();
    await activate(lantern.page, { text: 'Resumen de traspaso' });
    await expectHeading(lantern.page, `Resumen de traspaso: caso ${opened.pseudonym}`);
    await lantern.page.locator('article').waitFor();
    expect(await lantern.page.locator('article').textContent()).toContain('Reportar a protección infantil');
    await expectAccessible(lantern.page);
  });

  test('the case page fits a 360-px phone without sideways scrolling', async () => {
    await lantern.page.setViewportSize({ width: 360, height: 740 });
    const opened = await openCaseThroughApi(lantern.page);
    await lantern.page.goto(`${lantern.server.url}/cases/${opened.id}`);
    await lantern.page.locator('.action-card').first().waitFor();
    const overflow = await lantern.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await lantern.page.evaluate(() => [...document.querySelectorAll('main button, main select, main input:not([type=checkbox]):not([type=radio])')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 80)));
    expect(small).toEqual([]);
    await lantern.page.setViewportSize({ width: 1280, height: 900 });
  });

  test('no request left 127.0.0.1', () => {
    expect(lantern.browser.offsiteRequests).toEqual([]);
  });
});
