/**
 * Closed-loop referrals in real Chromium against a real server (the demo seed: Demo Health System
 * refers to Demo Partner Services), keyboard only, axe-core on every page, in English and in
 * Spanish: the program lead keeps the list of receiving organizations; a clinician refers from a
 * case with consent, once to the partner organization and once by signed link; the partner accepts
 * and completes in its inbox; the link holder, signed out, declines with a reason; the clinician
 * reads the updates and the case shows every change.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { LanternProcess } from './support/lantern-server.ts';
import type { Browser } from './support/chromium.ts';
import { activate, DEMO_PASSWORD, expectAccessible, expectHeading, openCaseThroughApi, tabTo, useLanternInChromium } from './respond-support.ts';

const SERVICE = 'Harbor Light Safe Housing';
const PARTNER = 'Demo Partner Services';

interface Words {
  lang: 'en' | 'es';
  greeting: string;
  signOut: string;
  partnersNav: string;
  remove: string;
  partnerAdded: string;
  partnerRemoved: string;
  cases: string;
  caseTitle: string;
  refer: string;
  search: string;
  send: string;
  sent: string;
  issueLink: string;
  openCase: string;
  inbox: string;
  status: Record<'requested' | 'accepted' | 'rejected' | 'completed', string>;
  accept: string;
  complete: string;
  decline: string;
  updated: string;
  linkIntro: string;
  reasonGiven: string;
  updates: string;
  notification: Record<'accepted' | 'rejected' | 'completed', string>;
  history: Record<'requested' | 'accepted' | 'rejected' | 'completed', RegExp>;
  caseReason: string;
}

const english: Words = {
  lang: 'en', greeting: 'Welcome', signOut: 'Sign out', partnersNav: 'Receiving organizations', remove: `Remove ${PARTNER}`,
  partnerAdded: `${PARTNER} added.`, partnerRemoved: `${PARTNER} removed. Referrals already sent to it stay.`,
  cases: 'Cases', caseTitle: 'Case', refer: 'Refer the patient', search: 'Search', send: 'Send referral', sent: 'Referral sent.',
  issueLink: 'Create partner link', openCase: 'Open the case', inbox: 'Referrals received',
  status: { requested: 'sent', accepted: 'accepted', rejected: 'declined', completed: 'completed' },
  accept: 'Accept', complete: 'Mark completed', decline: 'Decline', updated: 'Referral updated.',
  linkIntro: 'A health care organization sent this referral to your service', reasonGiven: 'Reason given:',
  updates: 'Referral updates',
  notification: { accepted: 'accepted by the partner', rejected: 'declined by the partner', completed: 'completed by the partner' },
  history: { requested: /^Sent, /, accepted: /^Accepted by the partner, /, rejected: /^Declined by the partner, /, completed: /^Completed by the partner, / },
  caseReason: 'Reason:',
};

const spanish: Words = {
  lang: 'es', greeting: 'Hola', signOut: 'Cerrar sesión', partnersNav: 'Organizaciones receptoras', remove: `Quitar ${PARTNER}`,
  partnerAdded: `${PARTNER} agregada.`, partnerRemoved: `${PARTNER} quitada. Las derivaciones ya enviadas se conservan.`,
  cases: 'Casos', caseTitle: 'Caso', refer: 'Derivar al paciente', search: 'Buscar', send: 'Enviar derivación', sent: 'Derivación enviada.',
  issueLink: 'Crear enlace para el socio', openCase: 'Abrir el caso', inbox: 'Derivaciones recibidas',
  status: { requested: 'enviada', accepted: 'aceptada', rejected: 'rechazada', completed: 'completada' },
  accept: 'Aceptar', complete: 'Marcar como completada', decline: 'Rechazar', updated: 'Derivación actualizada.',
  linkIntro: 'Una organización de atención de salud envió esta derivación a su servicio', reasonGiven: 'Motivo indicado:',
  updates: 'Novedades de derivaciones',
  notification: { accepted: 'aceptada por el socio', rejected: 'rechazada por el socio', completed: 'completada por el socio' },
  history: { requested: /^Enviada, /, accepted: /^Aceptada por el socio, /, rejected: /^Rechazada por el socio, /, completed: /^Completada por el socio, / },
  caseReason: 'Motivo:',
};

// Four sign-ins and seven pages, each walked with the keyboard and checked with axe.
const LOOP_TIMEOUT = 300_000;

const lantern = useLanternInChromium();
let server: LanternProcess;
let browser: Browser;
let page: Page;
beforeAll(() => { ({ server, browser, page } = lantern); });

/** Signs in with the keyboard; the first time in Spanish, switches the account's language too. */
async function signIn(w: Words, role: string, name: string): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${server.url}/`);
  await expectHeading(page, /^(Sign in to Lantern|Iniciar sesión en Lantern)$/);
  await tabTo(page, { id: 'email' });
  await page.keyboard.type(`${role}@demo.example.org`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expectHeading(page, new RegExp(`^(Welcome|Hola), ${name}$`));
  if (await page.locator('html').getAttribute('lang') !== w.lang) {
    await tabTo(page, { text: /^(Language|Idioma)$/ });
    await page.keyboard.press(w.lang === 'es' ? 'ArrowDown' : 'ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator(`html[lang="${w.lang}"]`).waitFor({ state: 'attached' });
  }
  await expectHeading(page, `${w.greeting}, ${name}`);
}

async function signOut(w: Words): Promise<void> {
  await activate(page, { text: w.signOut });
  await expectHeading(page, /^(Sign in to Lantern|Iniciar sesión en Lantern)$/);
}

/** The program lead adds the directory listing the clinician will find (once; a repeat answers 409). */
async function ensureListing(): Promise<void> {
  const answer = await page.evaluate(async (service) => {
    const session = await (await fetch('/api/session')).json() as { csrfToken: string };
    const response = await fetch('/api/directory/services', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ service }),
    });
    return { status: response.status, body: await response.text() };
  }, {
    id: '6b1f3a52-2d0e-4c55-9d43-0e1b7a5c9f10', name: SERVICE, status: 'active', description: 'Emergency and transitional housing for survivors.',
    organization: { id: '6b1f3a52-2d0e-4c55-9d43-0e1b7a5c9f11', name: 'Harbor Light', description: 'Housing for survivors of trafficking.' },
  });
  expect([201, 409], answer.body).toContain(answer.status);
}

async function statusLine(text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** The whole loop in one language. */
async function referralLoop(w: Words, options: { refusedPartnerId?: boolean }): Promise<void> {
  // The program lead: the seeded partner is listed; removed and added back by its id.
  await signIn(w, 'program-lead', 'Demo Program Lead');
  await ensureListing();
  await activate(page, { text: w.partnersNav });
  await expectHeading(page, w.partnersNav);
  await page.locator('.partner-list li', { hasText: PARTNER }).waitFor();
  const partnerId = ((await page.locator('.partner-list li', { hasText: PARTNER }).locator('code').textContent()) ?? '').trim();
  expect(partnerId).toMatch(/^[0-9a-f-]{36}$/);
  await expectAccessible(page);
  await activate(page, { text: w.remove });
  await statusLine(w.partnerRemoved);
  expect(await page.locator('.partner-list li', { hasText: PARTNER }).count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('partner-list-heading');
  if (options.refusedPartnerId) {
    await tabTo(page, { id: 'partner-organization-id' });
    await page.keyboard.type(randomUUID());
    await page.keyboard.press('Tab');
    await page.keyboard.type(PARTNER);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#partner-organization-id-error').waitFor();
    expect(await page.locator('#partner-organization-id').getAttribute('aria-describedby')).toContain('partner-organization-id-error');
    await expectAccessible(page);
    await tabTo(page, { id: 'partner-organization-id' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(partnerId);
    await activate(page, { text: w.partnersNav === english.partnersNav ? 'Add organization' : 'Agregar organización' });
  } else {
    await tabTo(page, { id: 'partner-organization-id' });
    await page.keyboard.type(partnerId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PARTNER);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }
  await statusLine(w.partnerAdded);
  expect(await page.locator('.partner-list li', { hasText: PARTNER }).locator('code').textContent()).toBe(partnerId);
  await expectAccessible(page);
  await signOut(w);

  // The clinician refers from the case: to the partner organization, and by signed link.
  await signIn(w, 'clinician', 'Demo Clinician');
  const opened = await openCaseThroughApi(page);
  await activate(page, { text: w.cases });
  await expectHeading(page, w.cases);
  await activate(page, { text: `${w.caseTitle} ${opened.pseudonym}` });
  await expectHeading(page, `${w.caseTitle} ${opened.pseudonym}`);
  await page.locator('#referrals-heading').waitFor();
  await expectAccessible(page);
  await activate(page, { text: w.refer });
  await expectHeading(page, w.refer);
  await tabTo(page, { id: 'referral-search' });
  await page.keyboard.type('Harbor Light');
  await page.keyboard.press('Enter');
  await page.locator('#referral-service option', { hasText: SERVICE }).waitFor({ state: 'attached' });
  await tabTo(page, { id: 'referral-partner' });
  await page.keyboard.press('ArrowDown');
  expect(await page.locator('#referral-partner option:checked').textContent()).toBe(PARTNER);
  await tabTo(page, { id: 'referral-initials' });
  await page.keyboard.type('J.D.');
  await tabTo(page, { id: 'referral-needs' });
  await page.keyboard.type('Safe housing tonight');
  await activate(page, { text: w.send });
  await statusLine(w.sent);
  await tabTo(page, { id: 'referral-partner' });
  await page.keyboard.press('ArrowUp');
  await tabTo(page, { id: 'referral-needs' });
  await page.keyboard.type('Legal advice');
  await activate(page, { text: w.send });
  await page.locator('.referral-list li').nth(1).waitFor();
  expect(await page.locator('.referral-list li').allTextContents()).toEqual([
    expect.stringContaining(`${SERVICE}: ${w.status.requested}`), `${SERVICE}: ${w.status.requested}`,
  ]);
  await activate(page, { text: w.issueLink });
  const linkStatus = page.getByRole('status').filter({ hasText: '/referral-link#' });
  await linkStatus.waitFor();
  const link = /(http:\/\/\S+\/referral-link#\S+)/.exec((await linkStatus.textContent()) ?? '')?.[1] ?? '';
  expect(link.startsWith(`${server.url}/referral-link#`)).toBe(true);
  await expectAccessible(page);
  await activate(page, { text: w.openCase });
  await expectHeading(page, `${w.caseTitle} ${opened.pseudonym}`);
  await page.locator('.case-referrals > li').nth(1).waitFor();
  expect(await page.locator('.case-referrals > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual(['requested', 'requested']);
  await signOut(w);

  // The partner organization: the referral in its inbox, accepted, then completed.
  await signIn(w, 'partner', 'Demo Partner');
  await activate(page, { text: w.inbox });
  await expectHeading(page, w.inbox);
  await expectAccessible(page);
  await activate(page, { text: `${SERVICE}: ${w.status.requested}` });
  await page.locator('#referral-status[data-status="requested"]').waitFor();
  expect(await page.locator('.referral-shared').textContent()).toContain('Safe housing tonight');
  expect(await page.locator('main').textContent()).not.toContain(opened.pseudonym);
  await expectAccessible(page);
  await activate(page, { text: w.accept });
  await page.locator('#referral-status[data-status="accepted"]').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('referral-status');
  await activate(page, { text: w.complete });
  await page.locator('#referral-status[data-status="completed"]').waitFor();
  await statusLine(w.updated);
  await expectAccessible(page);
  await signOut(w);

  // The signed-link holder, not signed in: the link's page, never cached or indexed, declines with a reason.
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' });
  await page.locator('#referral-status[data-status="requested"]').waitFor();
  expect(await page.locator('.lead').textContent()).toContain(w.linkIntro);
  expect(await page.locator('.referral-shared').textContent()).toContain('Legal advice');
  await expectAccessible(page);
  await activate(page, { text: w.decline });
  await page.waitForFunction(() => document.activeElement?.id === 'decline-reason');
  await page.keyboard.type('No capacity this month');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('#referral-status[data-status="rejected"]').waitFor();
  expect(await page.locator('.referral-reason').textContent()).toBe(`${w.reasonGiven} No capacity this month`);
  await expectAccessible(page);
  // A tampered token (a fresh load: the page reads the fragment once) is refused in the page's words.
  await page.goto(`${server.url}/`);
  await page.goto(`${server.url}/referral-link#${link.split('#')[1]?.slice(0, -4)}AAAA`);
  await page.getByRole('alert').waitFor();
  expect(await page.locator('#referral-status').count()).toBe(0);
  await expectAccessible(page);

  // The clinician: the updates, and every change on the case.
  await signIn(w, 'clinician', 'Demo Clinician');
  await activate(page, { text: w.updates });
  await expectHeading(page, w.updates);
  await page.locator('.referral-notifications li').first().waitFor();
  const notes = (await page.locator('.referral-notifications li').allTextContents()).join('\n');
  for (const kind of ['accepted', 'completed', 'rejected'] as const) expect(notes).toContain(`${SERVICE}: ${w.notification[kind]}`);
  await expectAccessible(page);
  await activate(page, { text: w.openCase });
  await expectHeading(page, w.refer);
  await activate(page, { text: w.openCase });
  await expectHeading(page, /^(Case|Caso) C-/);
  const cards = page.locator('.case-referrals > li');
  await cards.nth(1).waitFor();
  expect(await cards.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual(['completed', 'rejected']);
  const partnerHistory = await cards.nth(0).locator('.referral-history li').allTextContents();
  expect(partnerHistory).toHaveLength(3);
  expect(partnerHistory[0]).toMatch(w.history.requested);
  expect(partnerHistory[1]).toMatch(w.history.accepted);
  expect(partnerHistory[2]).toMatch(w.history.completed);
  const linkHistory = await cards.nth(1).locator('.referral-history li').allTextContents();
  expect(linkHistory).toHaveLength(2);
  expect(linkHistory[1]).toMatch(w.history.rejected);
  expect(linkHistory[1]).toContain(`${w.caseReason} No capacity this month`);
  expect(await cards.nth(0).locator('h3').textContent()).toBe(`${SERVICE}: ${w.status.completed}`);
  await expectAccessible(page);
  await signOut(w);
}

describe('a closed-loop referral, keyboard only', () => {
  test('in English', async () => {
    await referralLoop(english, { refusedPartnerId: true });
  }, LOOP_TIMEOUT);

  test('in Spanish', async () => {
    await referralLoop(spanish, {});
  }, LOOP_TIMEOUT);

  test('no request left 127.0.0.1', () => {
    expect(browser.offsiteRequests).toEqual([]);
  });
});
