/**
 * @module The card Lantern returns: at most one, worded as "consider", safe on a shared screen (its
 * summary never names trafficking), with a SMART link that launches the screening app with the
 * patient in context and override reasons for the feedback endpoint (CDS Hooks 2.0 §Card Attributes).
 */
import { randomUUID } from 'node:crypto';
import { canonical } from '../platform/fhir/canonical.ts';
import { createTranslator, type Translate } from '../platform/i18n/format.ts';
import type { Locale } from '../platform/i18n/catalogs.ts';
import type { RiskSignal } from './risk-signals.ts';

export const OVERRIDE_REASON_SYSTEM = canonical.codeSystem('cds-override-reasons');
export const OVERRIDE_REASONS = ['not-private', 'already-screened', 'not-relevant'] as const;

export interface CdsCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning';
  source: { label: string };
  links: { label: string; url: string; type: 'smart' }[];
  overrideReasons: { code: string; system: string; display: string }[];
}

// A translator compiles each message once; a new one per card would compile them on every hook call.
const translators = new Map<Locale, Translate>();
function translatorOf(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

/** The card for the matched signals, or none when nothing suggests a private screen. */
export function cardFor(signals: readonly RiskSignal[], options: { launchUrl: string; locale?: Locale }): CdsCard | undefined {
  if (signals.length === 0) return undefined;
  const t = translatorOf(options.locale ?? 'en');
  const overrideDisplay = { 'not-private': t('ehr.override.notPrivate'), 'already-screened': t('ehr.override.alreadyScreened'), 'not-relevant': t('ehr.override.notRelevant') };
  return {
    uuid: randomUUID(),
    summary: t('ehr.card.summary'),
    detail: t('ehr.card.detail', { signals: signals.map((s) => t(s.summaryKey)).join('; ') }),
    indicator: signals.some((s) => s.indicator === 'warning') ? 'warning' : 'info',
    source: { label: t('ehr.card.source') },
    links: [{ label: t('ehr.card.launch'), url: options.launchUrl, type: 'smart' }],
    overrideReasons: OVERRIDE_REASONS.map((code) => ({ code, system: OVERRIDE_REASON_SYSTEM, display: overrideDisplay[code] })),
  };
}
