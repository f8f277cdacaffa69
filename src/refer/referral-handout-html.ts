/**
 * @module The patient card as a print page: the same content as the PDF, with print CSS that
 * sizes it to a 5 × 3 inch card. Self-contained (no scripts, which the content security policy
 * forbids anyway, and no remote assets); every value is escaped. The browser's Print command prints it.
 */
import type { HandoutContent } from './referral-handout.ts';

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
  body { font-family: system-ui, sans-serif; color: #000; background: #fff; margin: 1rem; }
  .card { width: 5in; min-height: 3in; box-sizing: border-box; padding: 0.2in; border: 1px dashed #666; font-size: 10pt; line-height: 1.3; }
  h1 { font-size: 12pt; margin: 0 0 0.08in; }
  h2 { font-size: 10pt; margin: 0.08in 0 0; }
  p { margin: 0; }
  .helpline { margin-top: 0.1in; font-weight: bold; }
  @page { size: 5in 3in; margin: 0; }
  @media print {
    body { margin: 0; }
    .card { border: none; }
  }`;

/** Renders the card as a complete HTML page in the card's language. */
export function renderHandoutHtml(content: HandoutContent): string {
  const services = content.services.map((service) => {
    const lines = [...service.phones, service.address ?? (service.addressByPhone ? content.labels.addressByPhone : '')].filter(Boolean);
    return `<h2>${escapeHtml(service.name)}</h2>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`;
  }).join('');
  const helpline = content.helpline.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  return `<!doctype html>
<html lang="${content.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(content.title)}</title><style>${STYLE}</style></head>
<body>
<main class="card"><h1>${escapeHtml(content.title)}</h1>${services}<div class="helpline">${helpline}</div></main>
</body>
</html>`;
}
