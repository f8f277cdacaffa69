/**
 * The screening flow in real Chromium against a real server, keyboard only: the privacy gate, the
 * instrument, the questions, the result worded as something to consider, and the handoff that opens
 * a case; in English (one question at a time) and in Spanish (all on one page, with the required
 * answers check). The not-safe and declined paths. The patient self-screen: questions only, in the
 * patient's language, no result shown until the clinician confirms their password, and a quick exit
 * that leaves no history entry and nothing stored on the device. axe-core (WCAG 2.2 AA) on every step; no request leaves 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { findAxeViolations } from './support/accessibility.ts';

const CLINICIAN = { email: 'clinician@demo.example.org', password: 'lantern-demo-password' };

let server: LanternProcess;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startLanternProcess();
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
});

async function openBrowser(): Promise<Page> {
  const browser = await launchChromium();
  browsers.push(browser);
  return browser.page;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Email address').fill(CLINICIAN.email);
  await page.getByLabel('Password').fill(CLINICIAN.password);
  await page.keyboard.press('Enter');
  await page.locator('nav').first().waitFor();
}

async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('h1', { hasText: text }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function checkAccessibility(page: Page): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
}

const focused = (page: Page): Promise<{ tag: string; type: string; name: string; text: string; label: string }> => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return {
    tag: el?.tagName.toLowerCase() ?? '', type: el?.type ?? '', name: el?.name ?? '', text: el?.textContent?.trim() ?? '',
    label: el?.labels?.[0]?.textContent?.trim() ?? '',
  };
});

/** Tabs until a control matching the test has focus. */
async function tabUntil(page: Page, wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const tabToButton = (page: Page, text: string): Promise<void> => tabUntil(page, (el) => el.tag === 'button' && el.text === text, `the button "${text}"`);
const tabToField = (page: Page, label: string): Promise<void> => tabUntil(page, (el) => el.label.startsWith(label), `the field "${label}"`);

/** Tabs into the next radio group and answers it: Space picks the first option, ArrowDown the second. */
async function answerNextGroup(page: Page, answer: 'first' | 'second', previous: { name: string }): Promise<void> {
  await tabUntil(page, (el) => el.type === 'radio' && el.name !== previous.name, 'the next radio group');
  previous.name = (await focused(page)).name;
  await page.keyboard.press(answer === 'first' ? 'Space' : 'ArrowDown');
}

/** Answers the privacy gate by keyboard: alone, interpreter need, confidentiality, safe to talk. */
async function passGate(page: Page, answers: Array<'first' | 'second'>, continueLabel: string): Promise<void> {
  const group = { name: '' };
  for (const answer of answers) await answerNextGroup(page, answer, group);
  await tabToButton(page, continueLabel);
  await page.keyboard.press('Enter');
}

describe('the clinician screening flow', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openBrowser();
    await signIn(page);
  });
  // The language is the account's: put it back even when a test fails half-way.
  afterEach(async () => {
    if (await page.evaluate(() => document.documentElement.lang) === 'en') return;
    await page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json() as { csrfToken: string };
      await fetch('/api/session/locale', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ locale: 'en' }) });
    });
    await page.reload();
  });

  test('in English, one question at a time, keyboard only, from privacy gate to an opened case', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Screening', exact: true }).click();
    await expectHeading(page, 'Before you screen: privacy check');
    await checkAccessibility(page);
    // Alone: yes; interpreter needed: no; confidentiality explained: yes; safe to talk: yes.
    await passGate(page, ['first', 'second', 'first', 'first'], 'Continue');
    await expectHeading(page, 'Choose the screen');
    expect((await focused(page)).tag).toBe('h1');
    await checkAccessibility(page);

    await tabToField(page, 'Patient’s age in years');
    await page.keyboard.type('34');
    await expect.poll(() => page.locator('.r-suggestion').textContent()).toContain('Adult screen');
    await checkAccessibility(page);
    await tabToButton(page, 'Start the screen');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Screening questions');
    await checkAccessibility(page);

    // Next without an answer: the error is announced and tied to the question.
    await tabToButton(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'still need an answer' }).waitFor();
    expect(await page.locator('fieldset[aria-invalid="true"]').count()).toBe(1);
    await checkAccessibility(page);

    const group = { name: '' };
    const submitted = page.waitForRequest((r) => r.url().endsWith('/fhir/QuestionnaireResponse') && r.method() === 'POST');
    for (let question = 1; question <= 4; question += 1) {
      await expect.poll(() => page.locator('.q-progress').textContent()).toBe(`Question ${question} of 4`);
      group.name = '';
      await answerNextGroup(page, question === 2 ? 'first' : 'second', group);
      expect(await page.locator('.q-question .hint').count()).toBe(1);
      await checkAccessibility(page);
      await tabToButton(page, question === 4 ? 'Finish and see the result' : 'Next');
      await page.keyboard.press('Enter');
      if (question < 4) await expect.poll(async () => (await focused(page)).tag).toBe('span');
    }
    await expectHeading(page, 'What to consider next');
    // The instrument choice travels with the screen (here by age, so with no override reason).
    const sent = JSON.parse((await submitted).postData() ?? '{}') as fhir4.QuestionnaireResponse;
    const choice = sent.extension?.find((e) => e.url.endsWith('/StructureDefinition/instrument-choice'));
    expect(choice?.extension?.map((part) => [part.url, part.valueCode ?? part.valueCanonical?.split('|')[0]?.split('/').pop()])).toEqual([
      ['basis', 'adult'], ['instrument', 'lantern-adult-screen'],
    ]);
    const result = await page.locator('.r-result').textContent();
    expect(result).toContain('Positive screen');
    expect(result).toMatch(/Consider a private, trauma-informed conversation/);
    expect(result).toContain('not a diagnosis');
    await checkAccessibility(page);

    await tabToButton(page, 'Open a case');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  });

  test('the not-safe path: any "no" stops the screen, says what to do instead, and is recorded', async () => {
    await page.goto(`${server.url}/screening`);
    await expectHeading(page, 'Before you screen: privacy check');
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/screenings/outcomes') && r.request().method() === 'POST');
    // Not alone; interpreter needed, and none available.
    await passGate(page, ['second', 'first', 'second', 'first', 'first'], 'Continue');
    expect((await recorded).status()).toBe(201);
    expect(JSON.parse((await recorded).request().postData() ?? '{}')).toEqual({
      outcome: 'not-safe-to-screen', reasons: ['not-alone', 'interpreter-unavailable'], mode: 'clinician',
    });
    await expectHeading(page, 'Not safe to screen now');
    const advice = await page.locator('.r-guidance').textContent();
    expect(advice).toContain('Do not force separation');
    expect(advice).toContain('Never use a companion, relative or community member as an interpreter');
    expect(advice).not.toMatch(/separate the patient/i);
    expect((await focused(page)).tag).toBe('h1');
    await checkAccessibility(page);
  });

  test('a declined screen is recorded too', async () => {
    await page.goto(`${server.url}/screening`);
    await expectHeading(page, 'Before you screen: privacy check');
    await passGate(page, ['first', 'second', 'first', 'first'], 'Continue');
    await expectHeading(page, 'Choose the screen');
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/screenings/outcomes'));
    await tabToButton(page, 'The patient declines the screen');
    await page.keyboard.press('Enter');
    expect((await recorded).status()).toBe(201);
    await expectHeading(page, 'Screen declined');
    await checkAccessibility(page);
  });

  test('in Spanish, all questions on one page, with enableWhen, required answers and an under-12 checklist', async () => {
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await page.goto(`${server.url}/screening`);
    await expectHeading(page, 'Antes de evaluar: control de privacidad');
    await checkAccessibility(page);
    await passGate(page, ['first', 'second', 'first', 'first'], 'Continuar');
    await expectHeading(page, 'Elija la evaluación');
    await tabToField(page, 'Edad del paciente en años');
    await page.keyboard.type('15');
    await expect.poll(() => page.locator('.r-suggestion').textContent()).toContain('Evaluación para jóvenes');
    await tabUntil(page, (el) => el.type === 'radio' && el.label === 'Una pregunta a la vez', 'the layout choice');
    await page.keyboard.press('ArrowDown');
    await checkAccessibility(page);
    await tabToButton(page, 'Empezar la evaluación');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Preguntas de la evaluación');
    expect(await page.locator('fieldset.q-question').count()).toBe(6);
    expect(await page.locator('fieldset.q-question legend').first().textContent()).toMatch(/^¿/);

    // Submitting with two answers missing lists them, focused, each linked to its question.
    const group = { name: '' };
    for (let i = 0; i < 4; i += 1) await answerNextGroup(page, i === 0 ? 'first' : 'second', group);
    await tabToButton(page, 'Terminar y ver el resultado');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Algunas preguntas aún necesitan respuesta' });
    await alert.waitFor();
    expect(await alert.locator('li').count()).toBe(2);
    expect((await focused(page)).tag).toBe('div');
    await checkAccessibility(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).type).toBe('radio');
    await page.keyboard.press('ArrowDown');
    await answerNextGroup(page, 'second', { name: (await focused(page)).name });
    await tabToButton(page, 'Terminar y ver el resultado');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Qué considerar a continuación');
    const result = await page.locator('.r-result').textContent();
    expect(result).toContain('Evaluación negativa');
    expect(result).toContain('Considere');
    await checkAccessibility(page);

    // Under 12: the clinician's checklist only; its minors section appears when "under 18" is yes.
    await tabToButton(page, 'Empezar una nueva evaluación');
    await page.keyboard.press('Enter');
    await passGate(page, ['first', 'second', 'first', 'first'], 'Continuar');
    await tabToField(page, 'Edad del paciente en años');
    await page.keyboard.type('9');
    await expect.poll(() => page.locator('.r-suggestion').textContent()).toContain('Lista de indicadores');
    await tabUntil(page, (el) => el.type === 'radio' && el.label === 'Una pregunta a la vez', 'the layout choice');
    await page.keyboard.press('ArrowDown');
    await tabToButton(page, 'Empezar la evaluación');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Preguntas de la evaluación');
    expect(await page.getByRole('heading', { name: 'Menores' }).count()).toBe(0);
    await page.getByRole('radiogroup', { name: /menor de 18/ }).getByLabel('Sí').check();
    await page.getByRole('heading', { name: 'Menores' }).waitFor();
    await checkAccessibility(page);

  });

  test('at 360 px wide nothing scrolls sideways and targets stay at least 44 px high', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/screening`);
    await expectHeading(page, 'Before you screen: privacy check');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main .choice')]
      .map((el) => ({ el: el.textContent?.trim(), h: el.getBoundingClientRect().height })).filter((box) => box.h < 44));
    expect(small).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the patient self-screen', () => {
  const storageLeft = (page: Page): Promise<{ local: number; session: number; databases: number; caches: number }> => page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
  }));

  async function handOver(page: Page, language: string): Promise<void> {
    await page.goto(`${server.url}/self-screen`);
    await expectHeading(page, 'Patient self-screen: privacy check');
    await checkAccessibility(page);
    await passGate(page, ['first', 'second', 'first', 'first'], 'Continue');
    await expectHeading(page, 'Choose the screen');
    await tabToField(page, 'Patient’s age in years');
    await page.keyboard.type('40');
    await tabToField(page, 'Patient’s language');
    await page.keyboard.press(language === 'es' ? 'ArrowDown' : 'Home');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(language);
    await checkAccessibility(page);
    await tabToButton(page, 'Hand the device to the patient');
    await page.keyboard.press('Enter');
    await page.locator('dialog.r-patient[open]').waitFor();
  }

  test('shows only the questions, in the patient’s language; the quick exit leaves no trace', async () => {
    const page = await openBrowser();
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patient self-screen', exact: true }).click();
    const historyBefore = await page.evaluate(() => history.length);
    await handOver(page, 'es');
    const dialog = page.locator('dialog.r-patient[open]');
    expect(await dialog.getAttribute('lang')).toBe('es');
    expect(await page.title()).toBe('Preguntas');
    expect(await dialog.locator('h1').textContent()).toBe('Unas preguntas');
    expect(await dialog.locator('legend .q-text').textContent()).toMatch(/^¿/);
    // Everything behind the dialog is inert: only the questions are reachable.
    expect(await page.evaluate(() => {
      const box = document.querySelector('nav')!.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('dialog') !== null;
    })).toBe(true);
    await checkAccessibility(page);

    const group = { name: '' };
    await answerNextGroup(page, 'second', group);
    await tabToButton(page, 'Siguiente');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.q-progress').textContent()).toBe('Pregunta 2 de 4');
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(await page.getByRole('button', { name: 'Salir ahora' }).isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await page.waitForURL(`${server.url}/welcome`);
    expect(await page.locator('h1').textContent()).toBe('Welcome');
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(await storageLeft(page)).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
    // The device was signed out: going back to the app shows the sign-in page, not the screen.
    await page.goto(`${server.url}/self-screen`);
    await expectHeading(page, 'Sign in to Lantern');
  });

  test('the patient answers and is thanked, never shown a result; the clinician sees it after confirming their password', async () => {
    const page = await openBrowser();
    await signIn(page);
    await page.goto(`${server.url}/self-screen`);
    const historyBefore = await page.evaluate(() => history.length);
    await handOver(page, 'es');
    const dialog = page.locator('dialog.r-patient[open]');
    for (let question = 1; question <= 4; question += 1) {
      await answerNextGroup(page, question === 3 ? 'first' : 'second', { name: '' });
      await checkAccessibility(page);
      await tabToButton(page, question === 4 ? 'Enviar mis respuestas' : 'Siguiente');
      await page.keyboard.press('Enter');
    }
    await dialog.locator('h1', { hasText: 'Gracias' }).waitFor();
    const shown = await dialog.textContent();
    expect(shown).toContain('devuelva el dispositivo');
    expect(shown).not.toMatch(/\b(consider|considere|positive|positiva|negative|negativa|resultado|result)\b/i);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    await checkAccessibility(page);

    // Taking the device back needs the clinician's password: a wrong one reveals nothing.
    await tabToButton(page, 'Staff: continue');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Staff: confirm it is you' }).waitFor();
    expect(await dialog.locator('.r-staff').getAttribute('lang')).toBe('en');
    await checkAccessibility(page);
    await tabToField(page, 'Your password');
    await page.keyboard.type('not the password');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/session/confirm'));
    await page.keyboard.press('Enter');
    expect((await refused).status()).toBe(401);
    await dialog.getByRole('alert').filter({ hasText: 'That password or code is not right' }).waitFor();
    expect(await page.locator('.r-result').count()).toBe(0);
    expect(await page.locator('dialog.r-patient[open]').count()).toBe(1);
    expect(await dialog.textContent()).not.toMatch(/\b(positive|negative|consider)\b/i);
    await checkAccessibility(page);

    await tabToField(page, 'Your password');
    await page.keyboard.type(CLINICIAN.password);
    const confirmed = page.waitForResponse((r) => r.url().endsWith('/api/session/confirm'));
    await page.keyboard.press('Enter');
    expect((await confirmed).status()).toBe(204);
    await expectHeading(page, 'What to consider next');
    expect(await page.locator('.r-result').textContent()).toContain('Positive screen');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await checkAccessibility(page);
    expect(await storageLeft(page)).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  });
});

test('no request left 127.0.0.1', () => {
  expect(browsers.flatMap((b) => b.offsiteRequests)).toEqual([]);
});
