/**
 * @module Fills the placeholders lessons use (`{hotline.phone}`, `{stateChildReport.route}`, …;
 * the list is `coursePlaceholders` in course-text.ts) from the jurisdiction data in
 * content/jurisdictions. Nothing here knows a number: every value comes from the data, and a
 * jurisdiction without a confirmed statewide number gets a phrase that points to the right office
 * instead of an invented one.
 */
import { findJurisdiction, findNationalRoute, type RespondReference } from '../respond/jurisdictions.ts';
import type { coursePlaceholders } from './course-text.ts';
import { type Translate, translatorFor } from '../platform/i18n/format.ts';

export type PlaceholderName = (typeof coursePlaceholders)[number];
export type PlaceholderFills = Record<PlaceholderName, string>;

/**
 * The placeholder values for a learner in `jurisdiction` (ISO 3166-2; undefined when unknown, as
 * in an exported SCORM package) reading in `language`.
 */
export function fillPlaceholders(reference: RespondReference, jurisdiction: string | undefined, language: string): PlaceholderFills {
  // The only words this module adds; English for any language without a catalog.
  const t = translatorFor(language);
  const missing = t('learn.placeholder.missing');
  const hotline = findNationalRoute(reference.national, 'human-trafficking-hotline');
  const tipline = findNationalRoute(reference.national, 'cybertipline');
  return {
    'hotline.phone': hotline?.phone ?? missing,
    'hotline.textNumber': hotline?.text?.number ?? missing,
    'hotline.textKeyword': hotline?.text?.keywords?.[0] ?? missing,
    'hotline.tty': hotline?.tty ?? missing,
    'hotline.web': hotline?.web?.url ?? missing,
    'cybertipline.phone': tipline?.phone ?? missing,
    'cybertipline.web': tipline?.web?.url ?? missing,
    'stateChildReport.route': stateChildReportRoute(reference, jurisdiction, t),
  };
}

function stateChildReportRoute(reference: RespondReference, code: string | undefined, t: Translate): string {
  if (!code) return t('learn.placeholder.unknown');
  const { jurisdiction, isFallback } = findJurisdiction(reference.jurisdictions, code);
  if (isFallback) return t('learn.placeholder.unknown');
  const { agency, route, phones } = jurisdiction.childProtection;
  const confirmed = phones.filter((p) => p.status === 'confirmed' && !p.label);
  const phone = confirmed[0] ?? phones.find((p) => p.status === 'confirmed');
  if (route === 'statewide' && phone) return `${jurisdiction.name}: ${agency}, ${phone.number}`;
  if (route === 'county' || route === 'county-router' || route === 'regional') return t('learn.placeholder.county', { agency });
  return t('learn.placeholder.unknown');
}

/** Replaces every known `{placeholder}` in text; unknown ones were refused by the course check. */
export function applyPlaceholders(text: string, fills: PlaceholderFills): string {
  return text.replace(/\{([A-Za-z]+\.[A-Za-z]+)\}/g, (whole, name: string) => (name in fills ? fills[name as PlaceholderName] : whole));
}
