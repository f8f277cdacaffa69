/**
 * Learn in real Chromium against a real server, keyboard only: a learner enrols in Lantern's own
 * course, reads a lesson, answers a knowledge check (feedback under every option), plays a patient
 * case scene by scene to its debrief, comes back in a fresh browser and resumes where they left off,
 * then passes the final assessment and downloads the certificate — in English on a desktop, and in
 * Spanish on a 360-px phone. axe-core on every page; an educator's compliance view is axe-clean too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { activate, expectAccessible, expectHeading, signInWithKeyboard, tabTo } from './respond-support.ts';
import { loadCourseCatalog } from '../src/learn/course-catalog.ts';
import type { Course, Question } from '../src/learn/course-model.ts';

let server: LanternProcess;
let course: Course;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startLanternProcess();
  course = (await loadCourseCatalog()).get('lantern-essentials');
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
});

async function openBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const browser = await launchChromium(options);
  browsers.push(browser);
  return browser.page;
}

interface Words {
  language: 'en' | 'es';
  steps: string;
  training: string;
  start: (title: string) => string;
  continue: (title: string) => string;
  lessonDone: string;
  checkLabel: string;
  checkAnswer: string;
  choose: string;
  nextScene: string;
  continueStep: string;
  debrief: string;
  assessment: string;
  submit: string;
  passed: RegExp;
  download: RegExp;
}

const english: Words = {
  language: 'en', steps: 'Course steps', training: 'Training', start: (t) => `Start ${t}`, continue: (t) => `Continue ${t}`, lessonDone: 'Mark as read and continue',
  checkLabel: 'Knowledge check 1', checkAnswer: 'Check my answer', choose: 'Choose', nextScene: 'Next scene', continueStep: 'Continue', debrief: 'Debrief',
  assessment: 'Final assessment', submit: 'Submit my answers', passed: /You passed with \d+%/, download: /^Download the certificate for/,
};
const spanish: Words = {
  language: 'es', steps: 'Pasos del curso', training: 'Formación', start: (t) => `Empezar ${t}`, continue: (t) => `Continuar ${t}`, lessonDone: 'Marcar como leído y continuar',
  checkLabel: 'Comprobación 1', checkAnswer: 'Comprobar mi respuesta', choose: 'Elegir', nextScene: 'Siguiente escena', continueStep: 'Continuar', debrief: 'Análisis del caso',
  assessment: 'Evaluación final', submit: 'Enviar mis respuestas', passed: /Aprobó con un \d+ %/, download: /^Descargar el certificado de/,
};

/** Selects options of a question by keyboard: arrows move through a radio group, Space ticks a checkbox. */
async function answer(page: Page, prefix: string, question: { type: string; options: { id: string }[] }, wanted: string[]): Promise<void> {
  if (question.type === 'single') {
    await tabTo(page, { id: `${prefix}-${question.options[0]!.id}` });
    const index = question.options.findIndex((o) => o.id === wanted[0]);
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  } else {
    for (const id of wanted) {
      await tabTo(page, { id: `${prefix}-${id}` });
      await page.keyboard.press('Space');
    }
  }
  for (const id of wanted) expect(await page.locator(`#${prefix}-${id}`).isChecked()).toBe(true);
}

const correctIds = (q: Question): string[] => q.options.filter((o) => o.correct).map((o) => o.id);

/** Opens the player's step list (a disclosure, closed at first so a phone shows the step itself) by keyboard. */
async function openSteps(page: Page, words: Words): Promise<void> {
  if (await page.locator('details.learn-steps[open]').count() > 0) return;
  await activate(page, { text: new RegExp(`^${words.steps} ·`) });
  await page.locator('details.learn-steps[open]').waitFor({ state: 'attached' });
}

/** The step the player shows: its h2. */
async function stepHeading(page: Page): Promise<string> {
  return (await page.locator('#learn-step h2').first().textContent())?.trim() ?? '';
}

async function openTraining(page: Page, words: Words): Promise<void> {
  await activate(page, { text: words.training });
  await expectHeading(page, words.training);
  await page.locator('.cards .card').first().waitFor();
  await expectAccessible(page);
}

async function lessonCheckAndCase(page: Page, words: Words): Promise<void> {
  const title = course.title[words.language]!;
  await activate(page, { text: words.start(title) });
  // The player's chunk and two API reads: allow for a loaded test machine.
  await page.locator('h1', { hasText: title }).waitFor({ timeout: 45_000 });
  const firstLesson = course.modules[0]!.lessons[0]!;
  expect(await stepHeading(page)).toBe(firstLesson.text[words.language]!.title);
  expect(await page.locator('.learn-footnotes li').count()).toBeGreaterThan(0);
  await expectAccessible(page);

  // A lesson, saved as read.
  await activate(page, { text: words.lessonDone });
  await page.waitForFunction((t) => document.querySelector('#learn-step h2')?.textContent !== t, firstLesson.text[words.language]!.title);

  // The first knowledge check, reached from the step list: feedback under every option.
  const module = course.modules.find((m) => m.checks.length > 0)!;
  const check = module.checks[0]!;
  await openSteps(page, words);
  await activate(page, { text: new RegExp(`${words.checkLabel}$`) });
  await page.locator(`#check-${check.id}-${check.options[0]!.id}`).waitFor();
  await answer(page, `check-${check.id}`, check, check.type === 'single' ? [correctIds(check)[0]!] : correctIds(check));
  await activate(page, { text: words.checkAnswer });
  await page.locator('.learn-feedback').first().waitFor();
  expect(await page.locator('.learn-feedback').count()).toBe(check.options.length);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(words.continueStep);
  await expectAccessible(page);

  // A case, scene by scene, choosing the recommended action, to its debrief.
  const patientCase = course.modules.flatMap((m) => m.cases)[0]!;
  await openSteps(page, words);
  await activate(page, { text: new RegExp(`${escape(patientCase.title[words.language]!)}$`) });
  await page.locator('#learn-step h2', { hasText: patientCase.title[words.language]! }).waitFor();
  let sceneId = patientCase.start;
  for (let turn = 0; turn < 12; turn += 1) {
    const scene = patientCase.scenes.find((s) => s.id === sceneId)!;
    const choice = scene.choices.find((c) => c.rating === 'recommended') ?? scene.choices[0]!;
    await answer(page, `case-${patientCase.id}-${scene.id}`, { type: 'single', options: scene.choices }, [choice.id]);
    await activate(page, { text: words.choose });
    await page.locator('.learn-consequence').waitFor();
    await expectAccessible(page);
    if (await page.locator('.learn-consequence h3', { hasText: words.debrief }).count() > 0) break;
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(words.nextScene);
    await page.keyboard.press('Enter');
    sceneId = choice.next;
  }
  expect(await page.locator('.learn-consequence h3', { hasText: words.debrief }).count()).toBe(1);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function resumeAndPass(page: Page, words: Words): Promise<void> {
  const title = course.title[words.language]!;
  await openTraining(page, words);
  await activate(page, { text: words.continue(title) });
  await page.locator('h1', { hasText: title }).waitFor({ timeout: 45_000 });
  // Resumed on a fresh browser at the first step not done (the player's order: per module, lessons, checks, cases).
  const firstLesson = course.modules[0]!.lessons[0]!.id;
  const firstCheck = course.modules.find((m) => m.checks.length > 0)!.checks[0]!.id;
  const firstCase = course.modules.flatMap((m) => m.cases)[0]!.id;
  const order = course.modules.flatMap((m) => [
    ...m.lessons.map((l) => ({ id: l.id, label: l.text[words.language]!.title })),
    ...m.checks.map((q, i) => ({ id: q.id, label: words.checkLabel.replace(/1$/, String(i + 1)) })),
    ...m.cases.map((c) => ({ id: c.id, label: c.title[words.language]! })),
  ]);
  const expected = order.find((s) => ![firstLesson, firstCheck, firstCase].includes(s.id))!;
  await page.locator('.learn-step-link[aria-current="step"]').waitFor({ state: 'attached' });
  expect(await page.locator('.learn-step-link[aria-current="step"]').textContent()).toMatch(new RegExp(`${escape(expected.label)}$`));
  expect(await page.locator('.learn-step-link', { hasText: '✓' }).count()).toBe(3);

  await openSteps(page, words);
  await activate(page, { text: new RegExp(`${words.assessment}$`) });
  await page.locator('#learn-step h2', { hasText: words.assessment }).waitFor();
  await expectAccessible(page);
  for (const question of course.assessment) await answer(page, `assessment-${question.id}`, question, question.type === 'single' ? [correctIds(question)[0]!] : correctIds(question));
  await activate(page, { text: words.submit });
  await page.locator('#learn-step [role="status"]', { hasText: words.passed }).waitFor();
  expect(await page.locator('.learn-feedback').count()).toBe(course.assessment.reduce((n, q) => n + q.options.length, 0));
  await expectAccessible(page);

  const link = page.locator('#learn-step a', { hasText: words.download });
  const href = await link.getAttribute('href');
  const pdf = await page.evaluate(async (url) => {
    const response = await fetch(url!);
    return { type: response.headers.get('content-type'), head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) };
  }, href);
  expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
}

describe('a learner takes Lantern\'s own course', () => {
  test('in English: enrol, lesson, check, case, resume in a fresh browser, pass, certificate', async () => {
    const page = await openBrowser();
    await signInWithKeyboard(page, server.url, 'learner@demo.example.org', 'Welcome, Demo Learner');
    await openTraining(page, english);
    // The training profile the state rules read: profession and state chosen by keyboard.
    await tabTo(page, { id: 'profile-profession' });
    await page.keyboard.press('ArrowDown');
    await page.locator('#profile-jurisdiction option[value="US-TX"]').waitFor({ state: 'attached' });
    await tabTo(page, { id: 'profile-jurisdiction' });
    await page.keyboard.type('Texas');
    expect(await page.locator('#profile-jurisdiction').inputValue()).toBe('US-TX');
    await activate(page, { text: 'Save profile' });
    await page.locator('[role="status"]', { hasText: 'Profile saved.' }).waitFor();
    await lessonCheckAndCase(page, english);

    const fresh = await openBrowser();
    await signInWithKeyboard(fresh, server.url, 'learner@demo.example.org', 'Welcome, Demo Learner');
    await resumeAndPass(fresh, english);
  }, 300_000);

  test('in Spanish on a 360-px phone', async () => {
    const phone = { viewport: { width: 360, height: 740 } };
    const page = await openBrowser(phone);
    await signInWithKeyboard(page, server.url, 'clinician@demo.example.org', 'Welcome, Demo Clinician');
    await tabTo(page, { text: 'Language' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await expectHeading(page, 'Hola, Demo Clinician');
    await openTraining(page, spanish);
    await lessonCheckAndCase(page, spanish);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const fresh = await openBrowser(phone);
    await signInWithKeyboard(fresh, server.url, 'clinician@demo.example.org', 'Hola, Demo Clinician');
    await resumeAndPass(fresh, spanish);
  }, 300_000);
});

describe('an educator', () => {
  test('sees the compliance view, chart and table, axe-clean, and revokes a certificate with a reason by keyboard', async () => {
    const page = await openBrowser();
    await signInWithKeyboard(page, server.url, 'educator@demo.example.org', 'Welcome, Demo Educator');
    await activate(page, { text: 'Training compliance' });
    await expectHeading(page, 'Training compliance');
    await page.locator('#compliance-people').waitFor();
    await page.locator('.learn-chart canvas').waitFor();
    expect(await page.locator('#compliance-series-caption').textContent()).toBe('Completions per month');
    await expectAccessible(page);

    // The learner's certificate from the first test: an empty reason is refused, then revoked.
    await activate(page, { text: 'Revoke the certificate of Demo Learner' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#certificates-admin ~ ul [role="alert"]', { hasText: 'Give a reason.' }).waitFor();
    await tabTo(page, { text: 'Reason for revoking' });
    await page.keyboard.type('Issued to the wrong person');
    await page.keyboard.press('Enter');
    await page.locator('[role="status"]', { hasText: 'The certificate of Demo Learner is revoked.' }).waitFor();
    await page.locator('#certificates-admin ~ ul li', { hasText: 'Revoked: Issued to the wrong person' }).waitFor();
    await expectAccessible(page);
  });
});
