/**
 * @module Helpers the EHR browser tests share: an administrator's API session (signing in and
 * enrolling the second factor the way an admin's first sign-in requires), registering the test
 * EHR with Lantern (CDS Hooks JWT issuer and SMART client), and answering the privacy gate and the
 * questions of a screen in the page.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { authenticatorFor } from './support/totp-codes.ts';
import type { TestEhr } from '../test/support/test-ehr.ts';

const PASSWORD = 'lantern-demo-password';

/** Signs in as the demo admin over HTTP, enrolling TOTP, and returns a caller for the admin API. */
export async function adminApi(lanternUrl: string): Promise<(method: string, path: string, body?: unknown) => Promise<Response>> {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${lanternUrl}${path}`, {
      method, headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('lantern_session='));
    if (set) cookie = set.split(';')[0]!;
    return response;
  };
  const signedIn = await call('POST', '/api/session', { email: 'admin@demo.example.org', password: PASSWORD });
  expect(signedIn.status).toBe(200);
  let session = await signedIn.json() as { status: string; csrfToken: string };
  csrf = session.csrfToken;
  if (session.status === 'mfa-enrolment-required') {
    const enrolment = await (await call('POST', '/api/session/totp/enrolment')).json() as { otpauthUri: string };
    const confirmed = await call('POST', '/api/session/totp/enrolment/confirm', { code: await authenticatorFor(enrolment.otpauthUri).nextCode() });
    expect(confirmed.status).toBe(200);
    session = await confirmed.json() as { status: string; csrfToken: string };
    csrf = session.csrfToken;
  }
  expect(session.status).toBe('signed-in');
  return call;
}

/** Tells Lantern about the test EHR: its CDS Hooks JWTs, and its SMART launches with Lantern's client id. */
export async function registerTestEhr(lanternUrl: string, ehr: TestEhr): Promise<void> {
  const admin = await adminApi(lanternUrl);
  const cds = await admin('POST', '/api/ehr/cds-clients', { issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [ehr.fhirBase] });
  expect(cds.status, await cds.clone().text()).toBe(201);
  const smart = await admin('POST', '/api/ehr/smart-clients', { issuer: ehr.fhirBase, clientId: ehr.smartClientId, label: 'Test EHR' });
  expect(smart.status, await smart.clone().text()).toBe(201);
}

/** Answers each radio group on the page in order: 'first' or 'second' option. */
export async function answerGroups(page: Page, answers: readonly ('first' | 'second')[]): Promise<void> {
  for (let i = 0; i < answers.length; i += 1) {
    const names = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.name))]);
    const name = names[i];
    if (!name) throw new Error(`only ${names.length} radio groups on the page, wanted ${answers.length}`);
    await page.locator(`input[type="radio"][name="${name}"]`).nth(answers[i] === 'first' ? 0 : 1).check();
  }
}

/** Answers every question of a screen with its first option, page by page, then finishes. */
export async function answerScreen(page: Page, finishLabel: string, nextLabel: string): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    const unanswered = await page.evaluate(() => {
      const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      return [...new Set(radios.map((r) => r.name))].filter((name) => !radios.some((r) => r.name === name && r.checked));
    });
    for (const name of unanswered) await page.locator(`input[type="radio"][name="${name}"]`).first().check();
    const finish = page.getByRole('button', { name: finishLabel, exact: true });
    if (await finish.isVisible()) {
      await finish.click();
      return;
    }
    await page.getByRole('button', { name: nextLabel, exact: true }).click();
  }
  throw new Error('the screen never offered to finish');
}
