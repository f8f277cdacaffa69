/**
 * The directory in real Chromium against a real server with the demo directory, keyboard only,
 * axe-core on every page, in English and in Spanish: a clinician searches by text, category, ZIP
 * code and open now, finds the national lines pinned first and a confidential shelter without its
 * address, and reloads the result page from its address; a program lead adds a listing (a bad
 * email is shown beside its field), edits it, and finds it in search.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLanternProcess, type LanternProcess } from './support/lantern-server.ts';
import { launchChromium, type Browser } from './support/chromium.ts';
import { activate, DEMO_PASSWORD, expectAccessible, expectHeading, tabTo } from './respond-support.ts';

interface Words {
  lang: 'en' | 'es';
  greeting: string;
  signOut: string;
  directoryNav: string;
  title: string;
  search: string;
  shelterCategory: string;
  oneResult: RegExp;
  confidentialAddress: string;
  open: string;
  editListings: string;
  listingsTitle: string;
  add: string;
  newTitle: string;
  editTitle: string;
  create: string;
  save: string;
  saved: string;
  fixErrors: string;
  emailInvalid: string;
  primaryCare: string;
  postalCodeUnknown: string;
}

const english: Words = {
  lang: 'en', greeting: 'Welcome', signOut: 'Sign out', directoryNav: 'Directory', title: 'Resource directory', search: 'Search',
  shelterCategory: 'Shelter for trafficking survivors', oneResult: /^Page 1: 1 service\.$/, confidentialAddress: 'Confidential location: contact by phone for the address.',
  open: 'Open now', editListings: 'Edit directory listings', listingsTitle: 'Directory listings', add: 'Add a listing', newTitle: 'New listing', editTitle: 'Edit listing',
  create: 'Add listing', save: 'Save changes', saved: 'Listing saved.', fixErrors: 'Some fields need a change: see the messages beside them.',
  emailInvalid: 'Enter an email address, such as intake@example.org.', primaryCare: 'Primary care',
  postalCodeUnknown: 'This ZIP code is not known. Check it or try a nearby one.',
};

const spanish: Words = {
  lang: 'es', greeting: 'Hola', signOut: 'Cerrar sesión', directoryNav: 'Directorio', title: 'Directorio de recursos', search: 'Buscar',
  shelterCategory: 'Refugio para sobrevivientes de trata', oneResult: /^Página 1: 1 servicio\.$/, confidentialAddress: 'Ubicación confidencial: llame para obtener la dirección.',
  open: 'Abierto ahora', editListings: 'Editar los servicios del directorio', listingsTitle: 'Servicios del directorio', add: 'Agregar un servicio', newTitle: 'Nuevo servicio',
  editTitle: 'Editar servicio', create: 'Agregar servicio', save: 'Guardar cambios', saved: 'Servicio guardado.',
  fixErrors: 'Algunos campos necesitan un cambio: vea los mensajes junto a ellos.', emailInvalid: 'Escriba un correo electrónico, como intake@example.org.',
  primaryCare: 'Atención primaria', postalCodeUnknown: 'No se reconoce este código postal. Revíselo o pruebe uno cercano.',
};

let server: LanternProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLanternProcess();
  browser = await launchChromium();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signs in with the keyboard and, when needed, switches the account's language. */
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

/** Replaces the text of the field with this id, by keyboard. */
async function typeInto(id: string, text: string): Promise<void> {
  await tabTo(page, { id });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Picks an option of the select with this id by typing its label (the browser's type-ahead). */
async function chooseOption(id: string, label: string): Promise<void> {
  await tabTo(page, { id });
  await page.keyboard.type(label);
  expect(await page.locator(`#${id} option:checked`).textContent()).toBe(label);
}

async function statusLine(text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

describe.each([english, spanish])('the directory in $lang', (w) => {
  test('a clinician searches by text, category, ZIP code and open now; the national lines come first; a confidential shelter shows no address', async () => {
    await signIn(w, 'clinician', 'Demo Clinician');
    await activate(page, { text: w.directoryNav });
    await expectHeading(page, w.title);
    await statusLine(/\d/);
    await expectAccessible(page);

    await typeInto('directory-search', 'harbor');
    await chooseOption('directory-category', w.shelterCategory);
    await typeInto('directory-postal-code', '77002');
    await tabTo(page, { id: 'directory-open-now' });
    await page.keyboard.press('Space');
    await activate(page, { text: w.search });
    await statusLine(w.oneResult);
    expect(new URL(page.url()).search).toBe('?text=harbor&category=trafficking-shelter&postalCode=77002&openNow=true');

    const pinned = page.locator('.directory-pinned li h3');
    expect(await pinned.allTextContents()).toEqual(['National Human Trafficking Hotline', 'CyberTipline']);
    const firstCard = await page.locator('.card').first().locator('h3').textContent();
    expect(firstCard).toBe('National Human Trafficking Hotline');
    const hit = page.locator('.directory-hit');
    expect(await hit.locator('h3').textContent()).toBe('Safe Harbor Residence');
    expect(await hit.getAttribute('data-confidential')).toBe('true');
    const text = (await hit.textContent()) ?? '';
    expect(text).toContain(w.confidentialAddress);
    expect(text).toContain('(713) 555-0142');
    expect(text).toContain(w.open);
    expect(text).not.toContain('Magnolia');
    expect(await page.content()).not.toContain('Magnolia');
    await expectAccessible(page);

    // The result page lives in its address: a reload shows the same search and result.
    await page.reload();
    await expectHeading(page, w.title);
    await statusLine(w.oneResult);
    expect(await page.locator('#directory-search').inputValue()).toBe('harbor');
    expect(await page.locator('.directory-hit h3').textContent()).toBe('Safe Harbor Residence');

    // A ZIP code the server does not know is named beside its field.
    await typeInto('directory-postal-code', '00000');
    await activate(page, { text: w.search });
    await page.locator('#directory-postal-code-error').waitFor();
    expect(await page.locator('#directory-postal-code-error').textContent()).toBe(w.postalCodeUnknown);
    expect(await page.locator('#directory-postal-code').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
  }, 180_000);

  test('a program lead adds a listing, sees a bad field\'s error beside it, edits it, and finds it in search', async () => {
    const name = `Lantern Test Clinic ${randomUUID().slice(0, 8)}`;
    await signIn(w, 'program-lead', 'Demo Program Lead');
    await activate(page, { text: w.directoryNav });
    await expectHeading(page, w.title);
    await activate(page, { text: w.editListings });
    await expectHeading(page, w.listingsTitle);
    await statusLine(/\d/);
    await expectAccessible(page);
    await activate(page, { text: w.add });
    await expectHeading(page, w.newTitle);

    await typeInto('listing-name', name);
    await typeInto('listing-organizationName', 'Lantern Test Health');
    await typeInto('listing-email', 'not-an-email');
    await tabTo(page, { text: w.primaryCare });
    await page.keyboard.press('Space');
    await typeInto('listing-street', '12 Test Street');
    await typeInto('listing-city', 'Houston');
    await typeInto('listing-state', 'TX');
    await typeInto('listing-postalCode', '77002');
    await typeInto('listing-phone-0', '(713) 555-0111');
    await activate(page, { text: w.create });
    await page.getByRole('alert').filter({ hasText: w.fixErrors }).waitFor();
    expect(await page.locator('#listing-email-error').textContent()).toBe(w.emailInvalid);
    expect(await page.locator('#listing-email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await typeInto('listing-email', 'intake@lantern-test.example');
    await activate(page, { text: w.create });
    await expectHeading(page, w.editTitle);
    expect(page.url()).toMatch(/\/directory\/listings\/[0-9a-f-]{36}$/);
    await page.locator('#listing-name').waitFor();
    expect(await page.locator('#listing-name').inputValue()).toBe(name);
    await expectAccessible(page);

    await typeInto('listing-name', `${name} evenings`);
    await activate(page, { text: w.save });
    await statusLine(w.saved);

    await activate(page, { text: w.directoryNav });
    await expectHeading(page, w.title);
    await typeInto('directory-search', name);
    await activate(page, { text: w.search });
    await statusLine(w.oneResult);
    const hit = page.locator('.directory-hit');
    expect(await hit.locator('h3').textContent()).toBe(`${name} evenings`);
    const text = (await hit.textContent()) ?? '';
    expect(text).toContain('12 Test Street, Houston, TX 77002');
    expect(text).toContain('(713) 555-0111');
    expect(text).toContain(w.primaryCare);
    await expectAccessible(page);
    await activate(page, { text: w.signOut });
  }, 180_000);
});
