/**
 * @module CSV for audit exports: RFC 4180 (CRLF line ends; fields with a comma, quote or line
 * break are quoted, quotes doubled), and safe to open in a spreadsheet: a text cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so it is never run as a
 * formula (OWASP "CSV Injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralized and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
