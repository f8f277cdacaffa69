import { expect, test } from 'vitest';
import { scanCourseText } from './course-text.ts';

test('citations, placeholders and their lines', () => {
  const scan = scanCourseText('First line [@a-source].\nCall {hotline.phone}; see [@b; @c-2].', 10);
  expect(scan.cites).toEqual([{ id: 'a-source', line: 10 }, { id: 'b', line: 11 }, { id: 'c-2', line: 11 }]);
  expect(scan.placeholders).toEqual([{ name: 'hotline.phone', line: 11 }]);
  expect(scan.problems).toEqual([]);
});

test('figures, years and diagnosis codes are not mistaken for phone numbers', () => {
  const scan = scanCourseText('4,127 patients; 1.1% and 11.1%; 2015–2017; T76.61XA and Z62.813; 1 October 2018; 911.', 1);
  expect(scan.problems).toEqual([]);
});

test.each([
  ['1-888-373-7888'],
  ['(888) 373-7888'],
  ['text HELP to 233733'],
  ['text 233-733'],
  ['1-800-THE-LOST'],
])('a hard-coded number is rejected: %s', (text) => {
  expect(scanCourseText(`x\n${text}`, 1).problems).toEqual([{ line: 2, message: expect.stringContaining('use a placeholder') }]);
});

test('an operator name, an unknown placeholder and a citation split over lines are rejected', () => {
  const messages = scanCourseText('Run by Compass Connections.\n{hotline.fax}\nas shown [@a;\n@b]', 1).problems.map((p) => `${p.line}: ${p.message}`);
  expect(messages).toEqual([
    expect.stringMatching(/^3: a citation/),
    expect.stringMatching(/^2: unknown placeholder \{hotline.fax\}/),
    expect.stringMatching(/^1: "Compass Connections" names a hotline operator/),
  ]);
});
