/**
 * The admin page for health record systems in real Chromium, with the keyboard alone: the admin
 * signs in (setting up the second factor), opens the page from the navigation, gets field errors
 * for an empty and a clashing form, registers a CDS Hooks client and a SMART client, changes one
 * and removes the other — then does the same in Spanish. axe-core checks every state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { findAxeViolations } from './support/accessibility.ts';
import { authenticatorFor } from './support/totp-codes.ts';

const ADMIN = { email: 'admin@demo.example.org', password: 'lantern-demo-password' };

let server: LanternProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) {
    const file = join(tmpdir(), `lantern-e2e-${task.name.replace(/\W+/g, '-').slice(0, 60)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failed page: ${file}`);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAxeClean(): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
}

async function expectHeading(text: string): Promise<void> {
  await page.locator('h1', { hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

const focused = (): Promise<{ id: string; text: string; tag: string }> => page.evaluate(() => {
  const element = document.activeElement;
  return { id: element?.id ?? '', text: (element?.textContent ?? '').trim(), tag: element?.tagName ?? '' };
});

/** Presses Tab until the focused element matches (by id, or by its text for links and buttons). */
async function tabTo(target: { id: string } | { text: string; after?: string }, maxPresses = 60): Promise<void> {
  let passed = !('after' in target && target.after);
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if ('id' in target && now.id === target.id) return;
    if ('text' in target) {
      if (!passed && now.id === target.after) passed = true;
      else if (passed && now.text === target.text) return;
    }
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** Moves focus to the start of the page's main content, as the skip link does. */
async function focusMain(): Promise<void> {
  await page.evaluate(() => (document.querySelector('h1') as HTMLElement | null)?.focus());
}

/** Tabs to a field and replaces what it holds with the keyboard. */
async function replaceField(id: string, text: string): Promise<void> {
  await tabTo({ id });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

const listed = <T,>(path: string): Promise<T> => page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;

describe('the health record systems admin page', () => {
  test('an admin registers, changes and removes EHR connections with the keyboard alone, in English', async () => {
    await page.goto(server.url);
    await expectHeading('Sign in to Lantern');
    await tabTo({ id: 'email' });
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expectHeading('Set up your sign-in code');
    const authenticator = authenticatorFor((await page.locator('#totp-uri').textContent()) ?? '');
    await tabTo({ id: 'enrol-code' });
    await page.keyboard.type(await authenticator.nextCode());
    await page.keyboard.press('Enter');
    await expectHeading('Welcome, Demo Admin');

    await tabTo({ text: 'Health record systems' });
    await page.keyboard.press('Enter');
    await expectHeading('Health record systems');
    expect(await page.title()).toBe('Health record systems – Lantern');
    await page.getByText('No health record system may ask for suggestions yet.').waitFor();
    await expectAxeClean();

    // An empty CDS Hooks form names its fields, tied to them for screen readers.
    await tabTo({ id: 'cds-issuer' });
    await page.keyboard.press('Enter');
    await page.locator('#cds-issuer-error').waitFor();
    expect(await page.locator('#cds-jwks-url-error').textContent()).toBe('Enter a web address that starts with https:// or http://.');
    expect(await page.locator('#cds-issuer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#cds-issuer').getAttribute('aria-describedby')).toContain('cds-issuer-error');
    expect((await focused()).text).toBe('Some answers need a look. Check the fields marked below.');
    await expectAxeClean();

    await tabTo({ id: 'cds-issuer' });
    await page.keyboard.type('https://ehr.harbor.example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://ehr.harbor.example.org/jwks.json');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('cds-fhir-servers');
    await page.keyboard.type('https://ehr.harbor.example.org/fhir');
    await page.keyboard.press('Enter');
    await page.keyboard.type('https://fhir2.harbor.example.org/r4');
    await tabTo({ text: 'Add', after: 'cds-facility' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Added https://ehr.harbor.example.org. It may now ask for suggestions.' }).waitFor();
    const [cds] = await listed<{ id: string; issuer: string; jwksUrl: string; fhirServers: string[]; facilityId: string | null }[]>('/api/ehr/cds-clients');
    expect(cds).toMatchObject({ issuer: 'https://ehr.harbor.example.org', jwksUrl: 'https://ehr.harbor.example.org/jwks.json', facilityId: null,
      fhirServers: ['https://ehr.harbor.example.org/fhir', 'https://fhir2.harbor.example.org/r4'] });
    await expectAxeClean();

    // Change it: the form fills in and takes focus; one FHIR server goes.
    await focusMain();
    await tabTo({ text: 'Change' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cds-form-heading');
    expect((await focused()).text).toBe('Change https://ehr.harbor.example.org');
    await tabTo({ id: 'cds-fhir-servers' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('https://ehr.harbor.example.org/fhir');
    await tabTo({ text: 'Save', after: 'cds-facility' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved the changes to https://ehr.harbor.example.org.' }).waitFor();
    expect((await listed<{ fhirServers: string[] }[]>('/api/ehr/cds-clients'))[0]!.fhirServers).toEqual(['https://ehr.harbor.example.org/fhir']);

    // A SMART client; a second one for the same FHIR server is refused by the server, at the field.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await tabTo({ id: 'smart-issuer' });
      await page.keyboard.type('https://ehr.harbor.example.org/fhir');
      await page.keyboard.press('Tab');
      await page.keyboard.type('lantern-screening');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Harbor EHR');
      await tabTo({ text: 'Add', after: 'smart-token-endpoint' });
      await page.keyboard.press('Enter');
      if (attempt === 0) await page.getByRole('status').filter({ hasText: 'Added https://ehr.harbor.example.org/fhir. It may now open the screening app.' }).waitFor();
    }
    await page.locator('#smart-issuer-error').waitFor();
    expect(await page.locator('#smart-issuer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toBeTruthy();
    await expectAxeClean();
    const smart = await listed<{ issuer: string; clientId: string; label: string }[]>('/api/ehr/smart-clients');
    expect(smart).toEqual([expect.objectContaining({ issuer: 'https://ehr.harbor.example.org/fhir', clientId: 'lantern-screening', label: 'Harbor EHR' })]);

    // Remove the CDS Hooks client, confirming first.
    await focusMain();
    await tabTo({ text: 'Remove' });
    await page.keyboard.press('Enter');
    // The confirmation takes the place of the button, and the focus.
    expect((await focused()).text).toBe('Yes, remove it');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Removed https://ehr.harbor.example.org. Its requests are refused from now on.' }).waitFor();
    expect(await listed<unknown[]>('/api/ehr/cds-clients')).toEqual([]);
    await expectAxeClean();
    expect(browser.offsiteRequests).toEqual([]);
  }, 240_000);

  test('the same page in Spanish: errors, a new connection and its removal', async () => {
    // From the top of the page: the language picker is in the header.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo({ id: await page.locator('select', { has: page.locator('option[value="es"]') }).first().getAttribute('id') ?? 'language' });
    await page.keyboard.type('Esp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    await expectHeading('Sistemas de historia clínica');
    expect(await page.title()).toBe('Sistemas de historia clínica – Lantern');
    await page.getByText('Todavía ningún sistema de historia clínica puede pedir sugerencias.').waitFor();
    await expectAxeClean();

    // The form still holds what the refused attempt typed: replace it.
    await replaceField('smart-issuer', 'fhir.cedar');
    await replaceField('smart-client-id', '');
    await replaceField('smart-label', '');
    await page.keyboard.press('Enter');
    await page.locator('#smart-issuer-error').waitFor();
    expect(await page.locator('#smart-issuer-error').textContent()).toBe('Escriba una dirección web que empiece por https:// o http://.');
    expect(await page.locator('#smart-client-id-error').textContent()).toBe('Escriba el identificador de cliente que el sistema de historia clínica dio a Lantern.');
    await expectAxeClean();

    await replaceField('smart-issuer', 'https://fhir.cedar.example.org/r4');
    await replaceField('smart-client-id', 'lantern-cedar');
    await tabTo({ text: 'Agregar', after: 'smart-token-endpoint' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Se agregó https://fhir.cedar.example.org/r4. Ya puede abrir la aplicación de evaluación.' }).waitFor();
    // Without a name, the server's host name is shown.
    await page.getByRole('heading', { name: 'fhir.cedar.example.org', level: 3 }).waitFor();
    await expectAxeClean();

    await focusMain();
    await tabTo({ text: 'Quitar' });
    await page.keyboard.press('Enter');
    expect((await focused()).text).toBe('Sí, quitarlo');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Se quitó https://ehr.harbor.example.org/fhir.' }).waitFor();
    const left = await listed<{ issuer: string }[]>('/api/ehr/smart-clients');
    expect(left.map((c) => c.issuer)).toEqual(['https://fhir.cedar.example.org/r4']);
    await expectAxeClean();
    expect(browser.offsiteRequests).toEqual([]);
  }, 240_000);
});
