/**
 * Parity with NLM LHC-Forms, the reference SDC renderer: every shipped Questionnaire is rendered in
 * both, in Chromium, from one local static server. The same answers are entered in each through its
 * own controls (Lantern's radios; LHC-Forms' autocompleters and radios), in the same order. Then
 * LHC-Forms' calculated score must equal Lantern's (evaluateScreen, as the server scores), the items
 * each renders (enableWhen applied, hidden score left out) must be the same, and so the answers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './support/chromium.ts';
import { startRenderPages, type RenderPages } from '../bench/recognize-pages.ts';
import { loadShippedInstruments } from '../src/recognize/instruments.ts';
import { evaluateScreen } from '../src/recognize/scoring.ts';
import { readScoreDeclaration } from '../src/recognize/score-declaration.ts';

const instruments = loadShippedInstruments();
let pages: RenderPages;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  pages = await startRenderPages(instruments);
  browser = await launchChromium();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

/** Which option each question gets, by the order questions are answered in. */
const PLANS: Record<string, (index: number) => number> = {
  'every other yes': (index) => index % 2,
  'all the second option': () => 1,
  'all the first option': () => 0,
};

async function waitInteractive(): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined, null, { timeout: 30_000 });
}

/** Answers Lantern's form question by question (answers may enable more), then submits it. */
async function answerInLantern(id: string, plan: (index: number) => number): Promise<{ response: fhir4.QuestionnaireResponse; items: string[]; order: string[] }> {
  await page.goto(`${pages.url}${pages.lanternPage(id)}`);
  await waitInteractive();
  const answered: string[] = [];
  for (;;) {
    const next = await page.evaluate((done) => [...document.querySelectorAll('fieldset[data-link-id]')]
      .map((f) => f.getAttribute('data-link-id') ?? '').find((linkId) => !done.includes(linkId)), answered);
    if (!next) break;
    await page.locator(`fieldset[data-link-id="${next}"] input[type=radio]`).nth(plan(answered.length)).check();
    answered.push(next);
  }
  const items = await page.evaluate(() => [...document.querySelectorAll('#form [data-link-id]')].map((e) => e.getAttribute('data-link-id') ?? ''));
  await page.locator('#form button[type=submit]').click();
  await page.waitForFunction(() => (window as unknown as { lanternRenderer: { response?: unknown } }).lanternRenderer.response !== undefined);
  const response = await page.evaluate(() => (window as unknown as { lanternRenderer: { response: fhir4.QuestionnaireResponse } }).lanternRenderer.response);
  return { response, items, order: answered };
}

/** The answers of a response in the order they were given. */
function orderedAnswers(response: fhir4.QuestionnaireResponse, order: readonly string[]): Array<readonly [string, fhir4.QuestionnaireResponseItemAnswer]> {
  const byLinkId = new Map<string, fhir4.QuestionnaireResponseItemAnswer>();
  const visit = (items: fhir4.QuestionnaireResponseItem[] | undefined): void => {
    for (const item of items ?? []) {
      if (item.answer?.[0]) byLinkId.set(item.linkId, item.answer[0]);
      visit(item.item);
    }
  };
  visit(response.item);
  return order.filter((linkId) => byLinkId.has(linkId)).map((linkId) => [linkId, byLinkId.get(linkId)!] as const);
}

interface LformsView {
  items: string[];
  response: fhir4.QuestionnaireResponse;
  /** The score LHC-Forms calculated from the score item's calculatedExpression. */
  score: unknown;
}

/** Enters the same answers in LHC-Forms through its own controls, then reads what it renders and scores. */
async function answerInLforms(id: string, answers: ReadonlyArray<readonly [string, fhir4.QuestionnaireResponseItemAnswer]>, scoreLinkId: string): Promise<LformsView> {
  await page.goto(`${pages.url}${pages.lformsPage(id)}`);
  await waitInteractive();
  for (const [linkId, answer] of answers) {
    const item = page.locator(`lhc-item[id^="item-${linkId}/"]`).first();
    if (answer.valueBoolean !== undefined) {
      // Its radios are styled widgets: click the visible option text.
      await item.getByText(answer.valueBoolean ? 'Yes' : 'No', { exact: true }).click();
      await expect.poll(() => item.locator('input[type=radio]:checked').count()).toBe(1);
      continue;
    }
    // Choice lists are autocompleters: type the option's text, wait for the list to narrow to it,
    // pick it, and check the field shows it (typing ahead of the list would pick another option).
    const input = item.locator('input').first();
    const text = answer.valueCoding?.display ?? '';
    // LHC-Forms shows a weighted option as "Yes - 1".
    const shown = new RegExp(`^${text}( - [0-9.]+)?$`);
    for (let attempt = 0; attempt < 5 && !shown.test(await input.inputValue()); attempt += 1) {
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.waitForTimeout(150 * (attempt + 1));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    expect(await input.inputValue()).toMatch(shown);
  }
  return page.evaluate(async (scoreId) => {
    const lforms = (window as unknown as { LForms: { Util: Record<string, (...args: unknown[]) => unknown> } }).LForms.Util;
    const element = document.getElementById('form')!;
    // The score item is hidden, so LHC-Forms leaves it out of its QuestionnaireResponse; its form
    // data holds the calculated value. Calculations run after each change: wait for it to settle.
    interface LformsItem { linkId?: string; value?: unknown; items?: LformsItem[] }
    const findScore = (items: LformsItem[] | undefined): LformsItem | undefined =>
      (items ?? []).map((i) => (i.linkId === scoreId ? i : findScore(i.items))).find(Boolean);
    const readScore = (): unknown => findScore((lforms.getFormData!(element) as { items: LformsItem[] }).items)?.value;
    const deadline = performance.now() + 10_000;
    while ((readScore() ?? null) === null && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    const response = lforms.getFormFHIRData!('QuestionnaireResponse', 'R4', element) as fhir4.QuestionnaireResponse;
    const items = [...element.querySelectorAll('lhc-item')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => e.id.replace(/^item-/, '').split('/')[0] ?? '');
    return { items, response, score: readScore() };
  }, scoreLinkId);
}

function answerCodes(response: fhir4.QuestionnaireResponse, skip: string): string[] {
  const codes: string[] = [];
  const visit = (items: fhir4.QuestionnaireResponseItem[] | undefined): void => {
    for (const item of items ?? []) {
      if (item.linkId !== skip) {
        for (const answer of item.answer ?? []) codes.push(`${item.linkId}=${answer.valueCoding?.code ?? String(answer.valueBoolean)}`);
      }
      visit(item.item);
      for (const answer of item.answer ?? []) visit(answer.item);
    }
  };
  visit(response.item);
  return codes.sort();
}

describe.each([...instruments.keys()])('%s in Lantern and in LHC-Forms', (id) => {
  const questionnaire = instruments.get(id)!;
  const scoreLinkId = readScoreDeclaration(questionnaire).declaration!.linkId;

  test.each(Object.keys(PLANS))('answers "%s": same items, same answers, same score', async (planName) => {
    const lantern = await answerInLantern(id, PLANS[planName]!);
    const lanternScore = evaluateScreen(questionnaire, lantern.response).score;
    const lforms = await answerInLforms(id, orderedAnswers(lantern.response, lantern.order), scoreLinkId);

    expect(lforms.score).toBe(lanternScore);
    expect([...new Set(lforms.items)].sort()).toEqual([...new Set(lantern.items)].sort());
    expect(lforms.items).not.toContain(scoreLinkId);
    expect(answerCodes(lforms.response, scoreLinkId)).toEqual(answerCodes(lantern.response, scoreLinkId));
  });
});

test('no request left 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
