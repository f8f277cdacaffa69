import { describe, expect, test } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('audit CSV', () => {
  test('plain values pass through and rows end in CRLF', () => {
    expect(csvRow(['read', 3, null, 'case'])).toBe('read,3,,case\r\n');
  });

  test('commas, quotes and line breaks are quoted with quotes doubled', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  test.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('a formula-like cell %j is neutralized', (value) => {
    const cell = csvCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(value);
  });

  test('numbers are not prefixed', () => {
    expect(csvCell(-1)).toBe('-1');
  });
});
