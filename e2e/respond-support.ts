/**
 * @module Helpers the Respond browser tests share: a server and Chromium for the test file,
 * keyboard-only moves (Tab until a control has focus, then Enter or Space), signing in with the
 * keyboard, and opening a case through the API the way the screening page does (same session, same
 * CSRF token).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { findAxeViolations } from './support/accessibility.ts';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';

export const DEMO_PASSWORD = 'lantern-demo-password';

/** A positive youth screen in a Texas emergency department, as the screening flow hands it over. */
export const POSITIVE_YOUTH_CONTEXT = {
  ageYears: 16, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true,
  immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency',
  choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false },
};

/** A Lantern server and the Chromium that drives it, for one test file. */
export interface LanternInChromium {
  server: LanternProcess;
  browser: Browser;
  page: Page;
}

/**
 * Starts a Lantern server and Chromium before the file's tests, signed in with the keyboard when
 * `signIn` names a demo user, and stops both after them. The fields are set once the hook has run,
 * so read them inside hooks and tests; the file's own `beforeAll` hooks run after this one.
 */
export function useLanternInChromium(signIn?: { email: string; greeting: string | RegExp }): LanternInChromium {
  const lantern = {} as LanternInChromium;
  beforeAll(async () => {
    lantern.server = await startLanternProcess();
    lantern.browser = await launchChromium();
    lantern.page = lantern.browser.page;
    if (signIn) await signInWithKeyboard(lantern.page, lantern.server.url, signIn.email, signIn.greeting);
  });
  afterAll(async () => {
    await lantern.browser?.close();
    await lantern.server?.stop();
  });
  return lantern;
}

/** Waits for an h1 with the text. */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('h1', { hasText: text }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Asserts the page has no WCAG 2.0–2.2 A/AA violations. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
}

/** What has focus: its id, or its accessible text. */
async function focused(page: Page): Promise<{ id: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.labels?.[0]?.textContent : undefined;
    return { id: el?.id ?? '', text: (el?.getAttribute('aria-label') ?? labelled ?? el?.textContent ?? '').trim() };
  });
}

/** Presses Tab until the control with this id, or with exactly this text, has focus. */
export async function tabTo(page: Page, target: { id: string } | { text: string | RegExp }, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if ('id' in target ? now.id === target.id : typeof target.text === 'string' ? now.text === target.text : target.text.test(now.text)) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify('id' in target ? target.id : String(target.text))}`);
}

/** Tabs to a control and presses Enter. */
export async function activate(page: Page, target: { id: string } | { text: string | RegExp }): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Signs in with the keyboard alone (a role without a second factor). */
export async function signInWithKeyboard(page: Page, url: string, email: string, greeting: string | RegExp): Promise<void> {
  await page.goto(url);
  await expectHeading(page, 'Sign in to Lantern');
  await tabTo(page, { id: 'email' });
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expectHeading(page, greeting);
}

/** Opens a case from the page's session (as the screening page's "Open a case" does); returns its id. */
export async function openCaseThroughApi(page: Page, context: object = POSITIVE_YOUTH_CONTEXT): Promise<{ id: string; pseudonym: string; actions: { code: string }[] }> {
  return page.evaluate(async (body) => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const response = await fetch('/api/cases', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST /api/cases answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<{ id: string; pseudonym: string; actions: { code: string }[] }>;
  }, { source: 'screen', context });
}
