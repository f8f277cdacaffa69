/**
 * The EHR path in real Chromium, with the local test EHR (FHIR server, SMART authorization server
 * from oidc-provider, CDS Hooks client) on 127.0.0.1: the EHR opens a patient's chart → the
 * patient-view hook fires → Lantern's card with its SMART link → Lantern's sign-in, then the SMART
 * launch (PKCE S256) → the EHR's consent → the privacy gate → the age-appropriate screen → the
 * QuestionnaireResponse and Observation written back to the EHR → the case opened in Lantern with
 * the EHR patient link. Also: a denied authorization and a `plain` PKCE request end on a clear,
 * non-technical message. No request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { startTestEhr, type TestEhr } from '../test/support/test-ehr.ts';
import { answerGroups, answerScreen, registerTestEhr } from './ehr-support.ts';

const CLINICIAN = { email: 'clinician@demo.example.org', password: 'lantern-demo-password' };
const YOUTH_BIRTH_DATE = `${new Date().getUTCFullYear() - 16}-01-01`;
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

let server: LanternProcess;
let ehr: TestEhr;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startLanternProcess();
  // Short-lived access tokens: every call the app makes to the EHR needs a refresh first.
  ehr = await startTestEhr({ lanternUrl: server.url, accessTokenTtlSeconds: 5 });
  await registerTestEhr(server.url, ehr);
  ehr.putResource({ resourceType: 'Patient', id: 'pt-16', birthDate: YOUTH_BIRTH_DATE, name: [{ given: ['Alex'], family: 'Rivera' }] });
  ehr.putResource({ resourceType: 'Condition', id: 'c-16', subject: { reference: 'Patient/pt-16' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z34.00' }] }, recordedDate: daysAgo(20) } as fhir4.Condition & { id: string });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await ehr?.close();
  await server?.stop();
});

async function openBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  browsers.push(browser);
  return browser;
}

async function signInHere(page: Page): Promise<void> {
  await page.locator('h1', { hasText: 'Sign in to Lantern' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Email address').fill(CLINICIAN.email);
  await page.getByLabel('Password').fill(CLINICIAN.password);
  await page.keyboard.press('Enter');
}

/** Opens the chart, follows the card's SMART link, signs in to Lantern and reaches the EHR's consent page. */
async function launchFromChart(page: Page): Promise<void> {
  await page.goto(ehr.chartUrl('pt-16'));
  const card = page.locator('section.card');
  await card.waitFor();
  expect(await card.locator('h2').textContent()).toMatch(/^Consider a private conversation/);
  expect(await card.textContent()).not.toMatch(/traffick/i);
  const link = card.getByRole('link', { name: 'Open private screening' });
  const href = new URL((await link.getAttribute('href'))!);
  expect(`${href.origin}${href.pathname}`).toBe(`${server.url}/smart/launch`);
  expect(href.searchParams.get('iss')).toBe(ehr.fhirBase);
  expect(href.searchParams.get('launch')).toBeTruthy();
  await link.click();
  await signInHere(page);
  await page.locator('h1', { hasText: 'Test EHR sign-in' }).waitFor({ timeout: 15_000 });
}

describe('the SMART screening app launched from the EHR', () => {
  test('chart → card → launch → privacy gate → youth screen → write-back to the EHR → case in Lantern', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    const authorizeRequests: URL[] = [];
    page.on('request', (request) => { if (request.url().startsWith(`${ehr.url}/auth?`)) authorizeRequests.push(new URL(request.url())); });

    await launchFromChart(page);
    const authorize = authorizeRequests.at(-1)!;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.c patient/Observation.c online_access');
    expect(authorize.searchParams.get('aud')).toBe(ehr.fhirBase);
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL(`${server.url}/smart/app**`);
    await page.locator('h1', { hasText: 'Private screening' }).waitFor();
    await page.getByText('Age from the health record: 16').waitFor({ timeout: 15_000 });
    expect(page.url()).not.toContain('code='); // fhirclient drops the code from the address
    await answerGroups(page, ['first', 'second', 'first', 'first']);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    // Recognize's instrument step, with the age taken from the record rather than asked.
    await page.getByLabel('Care setting').waitFor();
    expect(await page.locator('main input.number-input').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Suggested screen:' }).textContent()).toContain('Patients aged 12 to 17 get the youth screen.');
    await page.getByRole('button', { name: 'Start the screen' }).click();
    await answerScreen(page, 'Finish and see the result', 'Next');

    await page.getByText('A copy of the screen and its result was saved to the health record.').waitFor({ timeout: 15_000 });
    const written = ehr.listResources<fhir4.QuestionnaireResponse>('QuestionnaireResponse');
    const observations = ehr.listResources<fhir4.Observation>('Observation');
    expect(written).toHaveLength(1);
    expect(written[0]!.subject).toEqual({ reference: 'Patient/pt-16' });
    expect(written[0]!.status).toBe('completed');
    expect(written[0]!.questionnaire).toMatch(/youth/); // the age from the record chose the youth screen
    expect(observations).toHaveLength(1);
    expect(observations[0]!.subject).toEqual({ reference: 'Patient/pt-16' });
    expect(observations[0]!.derivedFrom).toEqual([{ reference: `QuestionnaireResponse/${written[0]!.id}` }]);
    expect(ehr.fhirRequests).toEqual(expect.arrayContaining(['GET /fhir/.well-known/smart-configuration', 'GET /fhir/Patient/pt-16', 'POST /fhir/QuestionnaireResponse', 'POST /fhir/Observation']));
    // The tokens lived 5 seconds: fhirclient refreshed them rather than failing.
    expect(ehr.tokenGrants).toContain('refresh_token');

    const opening = page.waitForRequest((r) => r.url() === `${server.url}/api/cases` && r.method() === 'POST');
    await page.getByRole('button', { name: 'Open the response steps' }).click();
    const caseBody = JSON.parse((await opening).postData() ?? '{}') as { ehrPatient?: unknown; source?: string };
    expect(caseBody.ehrPatient).toEqual({ iss: ehr.fhirBase, patientId: 'pt-16' });
    expect(caseBody.source).toBe('screen');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseJson = await page.evaluate(async (path) => (await fetch(`/api${path}`)).text(), new URL(page.url()).pathname);
    expect(caseJson).not.toContain('pt-16');
    expect(browser.offsiteRequests).toEqual([]);
  });

  test('a denied authorization ends on a clear message, in plain words', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    const writtenBefore = ehr.listResources('QuestionnaireResponse').length;
    await launchFromChart(page);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.locator('h1', { hasText: 'The screening could not open' }).waitFor({ timeout: 15_000 });
    const message = await page.getByRole('alert').textContent();
    expect(message).toContain('Access was not allowed in the health record');
    expect(message).not.toMatch(/access_denied|error|oauth|token/i);
    expect(ehr.listResources('QuestionnaireResponse')).toHaveLength(writtenBefore);
    expect(browser.offsiteRequests).toEqual([]);
  });

  test('the EHR refuses `plain` PKCE; the browser comes back to the clear message, with no code issued', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.url}/smart/launch`);
    await signInHere(page);
    await page.locator('h1', { hasText: 'Opening the screening from the health record' }).waitFor();
    const authorize = new URL(`${ehr.url}/auth`);
    for (const [key, value] of Object.entries({
      response_type: 'code', client_id: ehr.smartClientId, redirect_uri: `${server.url}/smart/app`, state: 'plain-attempt', aud: ehr.fhirBase,
      scope: 'launch openid fhirUser patient/Patient.r', launch: ehr.createLaunch({ patientId: 'pt-16' }),
      code_challenge: 'a'.repeat(43), code_challenge_method: 'plain',
    })) authorize.searchParams.set(key, value);
    await page.goto(authorize.toString());
    await page.waitForURL(`${server.url}/smart/app**`);
    const back = new URL(page.url());
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('code')).toBeNull();
    await page.locator('h1', { hasText: 'The screening could not open' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Please start it again from the patient');
  });

  test('a launch from a health record system nobody connected says so plainly and goes nowhere', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.url}/smart/launch?launch=x&iss=${encodeURIComponent('http://127.0.0.1:9/fhir')}`);
    await signInHere(page);
    await page.locator('h1', { hasText: 'The screening could not open' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').textContent()).toContain('not connected to Lantern');
    expect(new URL(page.url()).origin).toBe(server.url);
  });
});
