/**
 * The web app shell in real Chromium against a real server: sign-in with a TOTP second factor
 * (enrolment first, keyboard only), the language switch, the admin pages and the audit log, a
 * 360-px phone, axe-core on every page visited, and no request leaving 127.0.0.1.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { findAxeViolations } from './support/accessibility.ts';
import { authenticatorFor, type Authenticator } from './support/totp-codes.ts';

const ADMIN = { email: 'admin@demo.example.org', password: 'lantern-demo-password' };

let server: LanternProcess;
let browser: Browser;
let page: Page;
let authenticator: Authenticator | undefined;
const axeViolations: string[] = [];

/** Runs axe on the page as it is now; violations are asserted per test and again at the end. */
async function checkAccessibility(): Promise<void> {
  const found = await findAxeViolations(page);
  axeViolations.push(...found);
  expect(found).toEqual([]);
}

async function heading(): Promise<string> {
  return (await page.locator('h1').first().textContent())?.trim() ?? '';
}

async function expectHeading(text: string | RegExp): Promise<void> {
  await page.locator('h1', { hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Presses Tab until the element with the id has focus (keyboard users reach fields in order). */
async function tabTo(id: string, maxPresses = 15): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id ?? '') === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

async function signInWithPassword(): Promise<void> {
  await page.goto(server.url);
  await expectHeading('Sign in to Lantern');
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function navigateTo(linkName: string, headingText: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
  await expectHeading(headingText);
}

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
});

// A failed step leaves a picture of the page behind, to see what a person would have seen.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) {
    const file = join(tmpdir(), `lantern-e2e-${task.name.replace(/\W+/g, '-').slice(0, 60)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failed page: ${file}`);
  }
});

/** Signs the admin in again (password and a fresh code) if an earlier step left the app signed out. */
async function ensureAdminSignedIn(): Promise<void> {
  await page.goto(server.url);
  await page.locator('h1').first().waitFor();
  if ((await heading()) !== 'Sign in to Lantern') return;
  await signInWithPassword();
  await expectHeading('Enter your sign-in code');
  await page.getByLabel('6-digit code').fill(await authenticator!.nextCode());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHeading('Welcome, Demo Admin');
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web app shell', () => {
  test('an admin signs in and sets up the second factor with the keyboard alone', async () => {
    await page.goto(server.url);
    await expectHeading('Sign in to Lantern');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await checkAccessibility();

    // The first Tab lands on the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');

    // An empty submit names the fields, tied to them for screen readers.
    await tabTo('email');
    await page.keyboard.press('Enter');
    await page.locator('#email-error').waitFor();
    expect(await page.getByLabel('Email address').getAttribute('aria-describedby')).toContain('email-error');
    expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility();

    // Focus went to the error summary; the next Tab reaches the email field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await tabTo('email', 3);
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');

    // Admins without a second factor must set one up before anything else.
    await expectHeading('Set up your sign-in code');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const secretText = (await page.locator('#totp-secret').textContent()) ?? '';
    const uri = (await page.locator('#totp-uri').textContent()) ?? '';
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secretText.replace(/\s/g, '')}`);
    await checkAccessibility();
    authenticator = authenticatorFor(uri);

    await tabTo('enrol-code');
    await page.keyboard.type(await authenticator.nextCode());
    await page.keyboard.press('Enter');

    await expectHeading('Welcome, Demo Admin');
    expect(await page.locator('header').textContent()).toContain('Demo Health System');
    await checkAccessibility();
  });

  test('navigation shows the admin pages and moves focus to each page heading', async () => {
    // The platform's administration pages come first; capabilities add theirs after (the admin
    // manages the health-record and learning connections, not the directory or referral partners).
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').first().textContent()).toBe('Home');
    const adminLinks = await nav.getByRole('list', { name: 'Administration' }).getByRole('link').allTextContents();
    expect(adminLinks).toEqual(['Users', 'API tokens', 'Data retention', 'Single sign-on', 'Audit log', 'Health record systems', 'Learning integrations']);

    await navigateTo('Users', 'Users');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toBe('Users – Lantern');
    await page.locator('.card-title', { hasText: 'Demo Clinician' }).waitFor();
    await checkAccessibility();

    // Add a user, then change their roles.
    await page.getByLabel('Email address').fill('new.nurse@demo.example.org');
    await page.getByLabel('Name', { exact: true }).fill('New Nurse');
    await page.locator('fieldset', { hasText: 'Roles' }).first().getByLabel('Clinician').check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'Added new.nurse@demo.example.org' }).waitFor();
    const card = page.locator('li.card', { hasText: 'new.nurse@demo.example.org' });
    await card.getByRole('button', { name: 'Change roles' }).click();
    await card.getByLabel('Educator').check();
    await card.getByRole('button', { name: 'Save roles' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the roles' }).waitFor();
    expect(await card.textContent()).toContain('Clinician, Educator');
    await checkAccessibility();

    await navigateTo('API tokens', 'API tokens');
    await page.getByLabel('Name').fill('EHR integration');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('New token').inputValue();
    expect(token.length).toBeGreaterThan(20);
    const response = await fetch(`${server.url}/api/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    await checkAccessibility();
    const tokenCard = page.locator('li.card', { hasText: 'EHR integration' });
    await tokenCard.getByRole('button', { name: 'Revoke' }).click();
    await tokenCard.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByRole('status').filter({ hasText: 'Revoked' }).waitFor();
    expect((await fetch(`${server.url}/api/users`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    await navigateTo('Data retention', 'Data retention');
    await page.getByLabel('Keep protected data for (days)').fill('400');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: '400 days' }).waitFor();
    await checkAccessibility();

    await navigateTo('Single sign-on', 'Single sign-on');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#sso-issuer-error').waitFor();
    await checkAccessibility();
    await page.getByLabel('Issuer URL').fill('https://login.example.org/realms/staff');
    await page.getByLabel('Client ID').fill('lantern');
    await page.getByLabel('Client secret').fill('a-client-secret');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'now offers single sign-on' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Single sign-on is on, with https://login.example.org/realms/staff');
    await checkAccessibility();
  });

  test('signing in again offers single sign-on, then asks for a code and refuses a wrong one', async () => {
    expect(authenticator).toBeDefined();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading('Sign in to Lantern');

    // Single sign-on was set up above: the sign-in page offers it, pointing at Lantern's own start route.
    const sso = page.getByRole('link', { name: 'Sign in with your organization (Demo Health System)' });
    expect(await sso.getAttribute('href')).toMatch(/^\/api\/sso\/[\w-]+\/start$/);
    await checkAccessibility();

    await signInWithPassword();
    await expectHeading('Enter your sign-in code');
    await checkAccessibility();

    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#totp-code-error').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('did not work');
    await checkAccessibility();

    await page.getByLabel('6-digit code').fill(await authenticator!.nextCode());
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectHeading('Welcome, Demo Admin');
  });

  test('the audit log shows the sign-in events, filters them and links the CSV export', async () => {
    await ensureAdminSignedIn();
    await navigateTo('Audit log', 'Audit log');
    const table = page.locator('table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('sign-in');
    expect(text).toContain('verify-second-factor');
    expect(text).toContain(ADMIN.email);
    await checkAccessibility();

    await page.getByLabel('Action', { exact: true }).fill('sign-in');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr td:nth-child(3)')].every((td) => td.textContent === 'sign-in'));
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    const href = await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
    expect(href).toBe('/api/audit/export.csv?action=sign-in');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(csv.split('\n').filter((line) => line.includes('sign-in')).length).toBeGreaterThanOrEqual(2);
    await checkAccessibility();
  });

  test('the language switches to Spanish, is kept for the account, and switches back', async () => {
    await ensureAdminSignedIn();
    await navigateTo('Audit log', 'Audit log');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expectHeading('Registro de auditoría');
    expect(await page.title()).toBe('Registro de auditoría – Lantern');
    await checkAccessibility();

    // Saved for the account: a fresh load comes back in Spanish.
    await page.reload();
    await expectHeading('Registro de auditoría');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Inicio', exact: true }).click();
    await expectHeading('Hola, Demo Admin');
    await checkAccessibility();

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('button', { name: 'Cambiar', exact: true }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await expectHeading('Welcome, Demo Admin');
  });

  test('unknown addresses show a page-not-found page, not a server error', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await expectHeading('Page not found');
    await checkAccessibility();
  });

  test('on a 360-px-wide phone nothing scrolls sideways and targets are at least 44 px', async () => {
    await ensureAdminSignedIn();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/admin/users', '/admin/api-tokens', '/admin/retention', '/admin/single-sign-on', '/admin/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() => [...document.querySelectorAll('button, input:not([type=checkbox]):not([type=radio]), select, nav a, .tile')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ el: `${el.tagName} ${el.textContent?.trim() ?? ''}`, h: el.getBoundingClientRect().height }))
        .filter((box) => box.h < 44));
      expect(small, `small targets on ${path}`).toEqual([]);
      await checkAccessibility();
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the dark colour scheme passes axe too', async () => {
    await ensureAdminSignedIn();
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const path of ['/', '/admin/users', '/admin/audit']) {
        await page.goto(`${server.url}${path}`);
        await page.locator('h1').waitFor();
        await page.waitForLoadState('networkidle');
        await checkAccessibility();
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('the layout mirrors for right-to-left languages', async () => {
    await ensureAdminSignedIn();
    await page.goto(server.url);
    await expectHeading('Welcome, Demo Admin');
    await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const brand = await page.locator('.brand').boundingBox();
    // Where the heading's text sits (the h1 box itself spans the width either way).
    const title = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    });
    expect(brand!.x).toBeGreaterThan(width / 2);
    expect(title.left).toBeGreaterThan(width / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.evaluate(() => { document.documentElement.dir = 'ltr'; });
  });

  test('a clinician sees only what their role allows', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading('Sign in to Lantern');
    await page.getByLabel('Email address').fill('clinician@demo.example.org');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading('Welcome, Demo Clinician');
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Audit log');
    await checkAccessibility();

    await page.goto(`${server.url}/admin/users`);
    await expectHeading('Page not found');
    await checkAccessibility();
  });

  test('no page requested anything outside 127.0.0.1, and axe found nothing anywhere', () => {
    expect(browser.offsiteRequests).toEqual([]);
    expect(axeViolations).toEqual([]);
  });
});
