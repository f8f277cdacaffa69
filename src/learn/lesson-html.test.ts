import { describe, expect, test } from 'vitest';
import { markdownToHtml } from './lesson-html.ts';

describe('markdownToHtml', () => {
  test('renders headings, paragraphs, lists with continuation lines, tables and footnote markers', () => {
    const html = markdownToHtml([
      '## Safety first', '', 'Call **security** now [^1].', 'Second line.', '',
      '- **Force**: abuse,', '  continued [^2].', '- Fraud', '',
      '| Code | Meaning |', '|---|---|', '| T74.5 | *confirmed* |',
    ].join('\n'), 1);
    expect(html).toContain('<h3>Safety first</h3>');
    expect(html).toContain('<p>Call <strong>security</strong> now <sup class="fn"><a href="#fn-1" aria-label="source 1">1</a></sup>. Second line.</p>');
    expect(html).toContain('<li><strong>Force</strong>: abuse, continued <sup');
    expect(html).toContain('<li>Fraud</li>');
    expect(html).toContain('<thead><tr><th scope="col">Code</th><th scope="col">Meaning</th></tr></thead><tbody><tr><td>T74.5</td><td><em>confirmed</em></td></tr></tbody>');
  });

  test('escapes markup in course text', () => {
    const html = markdownToHtml('A <script>alert(1)</script> & [x](javascript:alert(1))');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
  });
});
