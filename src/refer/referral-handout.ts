/**
 * @module What goes on the patient's card: the chosen services (name, phone, address unless the
 * location is confidential) and the national helpline and emergency number from the shipped
 * jurisdiction data, labelled in the patient's language. The card is discreet: a neutral title, no
 * wording about trafficking on its face (a service named that way is shown as a support service),
 * and small enough to fold away.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import { matchLocale, type Locale } from '../platform/i18n/catalogs.ts';
import { createTranslator } from '../platform/i18n/format.ts';
import { findNationalRoute, loadShippedReference } from '../respond/jurisdictions.ts';
import { readServiceDocument } from './store-listing.ts';
import type { HsdsDocument } from './export-document.ts';

export interface HandoutService {
  name: string;
  phones: string[];
  /** One line, or null when the location is confidential or has no address. */
  address: string | null;
  /** True when the address is withheld: the card says to call for it. */
  addressByPhone: boolean;
}

export interface HandoutContent {
  locale: Locale;
  title: string;
  services: HandoutService[];
  helpline: string[];
  labels: { addressByPhone: string };
}

// Words the card face must not carry (English and Spanish), so the card is safe to be found.
const REVEALING = /traffick|trata\b|trata de|explotaci[oó]n|exploitation/i;

/** Assembles the card for the given services (in the caller's directory) and language. */
export async function buildHandout(scope: OrgScope, input: { serviceIds: string[]; language: string }): Promise<HandoutContent> {
  const locale = matchLocale([input.language]);
  const t = createTranslator(locale);
  const services: HandoutService[] = [];
  for (const id of [...new Set(input.serviceIds)]) {
    const document = await readServiceDocument(scope, id);
    if (!document) throw invalid(`No such service in the directory: ${id}.`, 'service');
    services.push(summarizeService(document, t('refer.handout.neutralService')));
  }
  await scope.audit({ action: 'print', resourceType: 'referral-handout', resourceId: null, purpose: 'treatment' });
  const national = loadShippedReference().national;
  const hotline = findNationalRoute(national, 'human-trafficking-hotline');
  const emergency = findNationalRoute(national, 'emergency');
  const helpline: string[] = [];
  if (hotline) {
    helpline.push(t('refer.handout.helpline', { hours: hotline.hours, phone: hotline.phone }));
    if (hotline.text) helpline.push(t('refer.handout.text', { number: hotline.text.number }));
  }
  if (emergency) helpline.push(t('refer.handout.emergency', { phone: emergency.phone }));
  return { locale, title: t('refer.handout.title'), services, helpline, labels: { addressByPhone: t('refer.handout.addressByPhone') } };
}

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((v): v is Row => typeof v === 'object' && v !== null) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The card line of one service document (already passed through withholdConfidential). */
export function summarizeService(document: HsdsDocument, neutralName: string): HandoutService {
  const name = text(document.name);
  const links = rows(document.service_at_locations);
  const locations = links.map((link) => (typeof link.location === 'object' && link.location !== null ? link.location as Row : {}));
  const phones = [...rows(document.phones), ...links.flatMap((l) => rows(l.phones)), ...locations.flatMap((l) => rows(l.phones))]
    .map((p) => text(p.number)).filter(Boolean);
  const address = locations.flatMap((l) => rows(l.addresses)).find((a) => text(a.address_1) !== '');
  const line = address ? [text(address.address_1), text(address.city), text(address.state_province), text(address.postal_code)].filter(Boolean).join(', ') : null;
  return {
    name: REVEALING.test(name) || name === '' ? neutralName : name,
    phones: [...new Set(phones)].slice(0, 2),
    address: line,
    addressByPhone: line === null && locations.length > 0,
  };
}
