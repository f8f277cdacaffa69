/**
 * @module The public certificate page: a small self-contained HTML document (no script, no remote
 * asset) in English or Spanish. It shows only what the certificate holder already shares.
 */
import type { Verification } from './certificate-store.ts';

const words = {
  en: {
    title: 'Certificate verification', valid: 'This certificate is valid.', revoked: 'This certificate was revoked.',
    unknown: 'No certificate has this code. Check that it was typed as printed.', code: 'Code', learner: 'Name', course: 'Course',
    version: 'Version', date: 'Date',
  },
  es: {
    title: 'Verificación de certificado', valid: 'Este certificado es válido.', revoked: 'Este certificado fue revocado.',
    unknown: 'Ningún certificado tiene este código. Compruebe que lo escribió tal como está impreso.', code: 'Código', learner: 'Nombre',
    course: 'Curso', version: 'Versión', date: 'Fecha',
  },
} as const;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders the page for a verification result. */
export function renderVerifyPage(verification: Verification, code: string, language: 'en' | 'es'): string {
  const w = words[language];
  const rows = verification.status === 'unknown' ? [] : [
    [w.learner, verification.learnerName ?? ''], [w.course, verification.courseTitle ?? ''], [w.version, verification.courseVersion ?? ''], [w.date, verification.issuedOn ?? ''],
  ];
  const color = verification.status === 'valid' ? '#11602e' : '#8a1c1c';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(w.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.status{font-size:1.25rem;font-weight:700;color:${color}}dt{font-weight:700}dd{margin:0 0 .5rem}</style></head>
<body><main><h1>${escape(w.title)}</h1>
<p class="status" role="status" data-status="${verification.status}">${escape(w[verification.status])}</p>
<dl><dt>${escape(w.code)}</dt><dd>${escape(code)}</dd>${rows.map(([k, v]) => `<dt>${escape(k ?? '')}</dt><dd>${escape(v ?? '')}</dd>`).join('')}</dl>
</main></body></html>`;
}
