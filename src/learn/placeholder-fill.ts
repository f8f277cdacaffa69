/**
 * @module Fills the placeholders lessons use (`{hotline.phone}`, `{stateChildReport.route}`, …;
 * the list is `coursePlaceholders` in course-text.ts) from the jurisdiction data in
 * content/jurisdictions. Nothing here knows a number: every value comes from the data, and a
 * jurisdiction without a confirmed statewide number gets a phrase that points to the right office
 * instead of an invented one.
 */
import { findJurisdiction, findNationalRoute, type RespondReference } from '../respond/jurisdictions.ts';
import type { coursePlaceholders } from './course-text.ts';

export type PlaceholderName = (typeof coursePlaceholders)[number];
export type PlaceholderFills = Record<PlaceholderName, string>;

// The only words this module adds, per language; English is the fallback for any other.
const phrases = {
  en: {
    county: (agency: string) => `your county's child protection office (${agency})`,
    unknown: 'the child protection agency where the child lives, or local law enforcement',
    missing: 'see the hotline\'s website',
  },
  es: {
    county: (agency: string) => `la oficina de protección infantil de su condado (${agency})`,
    unknown: 'la agencia de protección infantil del lugar donde vive el niño o la niña, o las fuerzas del orden locales',
    missing: 'consulte el sitio web de la línea',
  },
} as const;

/**
 * The placeholder values for a learner in `jurisdiction` (ISO 3166-2; undefined when unknown, as
 * in an exported SCORM package) reading in `language`.
 */
export function fillPlaceholders(reference: RespondReference, jurisdiction: string | undefined, language: string): PlaceholderFills {
  const words = language.startsWith('es') ? phrases.es : phrases.en;
  const hotline = findNationalRoute(reference.national, 'human-trafficking-hotline');
  const tipline = findNationalRoute(reference.national, 'cybertipline');
  return {
    'hotline.phone': hotline?.phone ?? words.missing,
    'hotline.textNumber': hotline?.text?.number ?? words.missing,
    'hotline.textKeyword': hotline?.text?.keywords?.[0] ?? words.missing,
    'hotline.tty': hotline?.tty ?? words.missing,
    'hotline.web': hotline?.web?.url ?? words.missing,
    'cybertipline.phone': tipline?.phone ?? words.missing,
    'cybertipline.web': tipline?.web?.url ?? words.missing,
    'stateChildReport.route': stateChildReportRoute(reference, jurisdiction, words),
  };
}

function stateChildReportRoute(reference: RespondReference, code: string | undefined, words: (typeof phrases)[keyof typeof phrases]): string {
  if (!code) return words.unknown;
  const { jurisdiction, isFallback } = findJurisdiction(reference.jurisdictions, code);
  if (isFallback) return words.unknown;
  const { agency, route, phones } = jurisdiction.childProtection;
  const confirmed = phones.filter((p) => p.status === 'confirmed' && !p.label);
  const phone = confirmed[0] ?? phones.find((p) => p.status === 'confirmed');
  if (route === 'statewide' && phone) return `${jurisdiction.name}: ${agency}, ${phone.number}`;
  if (route === 'county' || route === 'county-router' || route === 'regional') return words.county(agency);
  return words.unknown;
}

/** Replaces every known `{placeholder}` in text; unknown ones were refused by the course check. */
export function applyPlaceholders(text: string, fills: PlaceholderFills): string {
  return text.replace(/\{([A-Za-z]+\.[A-Za-z]+)\}/g, (whole, name: string) => (name in fills ? fills[name as PlaceholderName] : whole));
}
