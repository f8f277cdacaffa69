/**
 * @module The public certificate page: a small self-contained HTML document (no script, no remote
 * asset) in English or Spanish. It shows only what the certificate holder already shares.
 */
import type { Locale } from '../platform/i18n/catalogs.ts';
import { createTranslator } from '../platform/i18n/format.ts';
import type { Verification } from './certificate-store.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders the page for a verification result. */
export function renderVerifyPage(verification: Verification, code: string, language: Locale): string {
  const t = createTranslator(language);
  const rows = verification.status === 'unknown' ? [] : [
    [t('learn.verify.learner'), verification.learnerName ?? ''], [t('learn.verify.course'), verification.courseTitle ?? ''],
    [t('learn.verify.version'), verification.courseVersion ?? ''], [t('learn.verify.date'), verification.issuedOn ?? ''],
  ];
  const status = { valid: t('learn.verify.valid'), revoked: t('learn.verify.revoked'), unknown: t('learn.verify.unknown') }[verification.status];
  const color = verification.status === 'valid' ? '#11602e' : '#8a1c1c';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t('learn.verify.title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.status{font-size:1.25rem;font-weight:700;color:${color}}dt{font-weight:700}dd{margin:0 0 .5rem}</style></head>
<body><main><h1>${escape(t('learn.verify.title'))}</h1>
<p class="status" role="status" data-status="${verification.status}">${escape(status)}</p>
<dl><dt>${escape(t('learn.verify.code'))}</dt><dd>${escape(code)}</dd>${rows.map(([k, v]) => `<dt>${escape(k ?? '')}</dt><dd>${escape(v ?? '')}</dd>`).join('')}</dl>
</main></body></html>`;
}
