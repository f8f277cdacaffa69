import { describe, expect, test } from 'vitest';
import { loadArticles, parseArticle } from './article-content.ts';

const sample = (body: string, sources = '  - { citation: A, url: "https://example.org/a" }'): string =>
  `---\ntitle: T\nsummary: S\nsources:\n${sources}\n---\n${body}\n`;

describe('resource articles', () => {
  test('the shipped articles load in English and Spanish, each with sources', () => {
    const library = loadArticles();
    expect(library.ids.length).toBeGreaterThanOrEqual(2);
    for (const id of library.ids) {
      const en = library.get(id, 'en');
      const es = library.get(id, 'es');
      expect(es.language).toBe('es');
      expect(es.title).not.toBe(en.title);
      expect(es.sources.map((s) => s.url)).toEqual(en.sources.map((s) => s.url));
      expect(en.body).toMatch(/\[\^1\]/);
    }
    expect(library.list('es').every((card) => card.language === 'es')).toBe(true);
  });

  test('a marker without a source, a missing source list or a bad name is refused', () => {
    expect(() => parseArticle('a.en.md', sample('Text.[^2]'))).toThrow(/points at no source/);
    expect(() => parseArticle('a.en.md', sample('Text.', ''))).toThrow(/at least one source/);
    expect(() => parseArticle('A.md', sample('Text.'))).toThrow(/named/);
    expect(parseArticle('a-b.es.md', sample('Texto.[^1]'))).toMatchObject({ id: 'a-b', language: 'es', sources: [{ citation: 'A' }] });
  });

  test('an unknown language falls back to English; an unknown id is not found', () => {
    const library = loadArticles();
    expect(library.get(library.ids[0]!, 'fr').language).toBe('en');
    expect(() => library.get('no-such-article', 'en')).toThrow(/not found/);
  });
});
