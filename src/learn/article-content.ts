/**
 * @module Resource articles for staff, read from content/articles/<id>.<lang>.md: YAML front
 * matter (title, summary, sources) and a Markdown body whose `[^n]` markers point at the n-th
 * source. Checked on load: every article in every shipped language, every marker a real source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { locales } from '../platform/i18n/catalogs.ts';
import { notFound } from '../platform/http/errors.ts';

export const defaultArticlesDir = fileURLToPath(new URL('../../content/articles/', import.meta.url));

export interface ArticleSource { citation: string; url: string }

export interface Article {
  id: string;
  language: string;
  title: string;
  summary: string;
  body: string;
  sources: ArticleSource[];
}

export interface ArticleLibrary {
  ids: string[];
  /** The article in the language, else in English; NOT_FOUND when the id is unknown. */
  get(id: string, language: string): Article;
  list(language: string): Omit<Article, 'body' | 'sources'>[];
}

/** Parses one article file; throws naming the file when it is malformed. */
export function parseArticle(file: string, text: string): Article {
  const match = /^(?:([a-z0-9-]+)\.([a-z]{2})\.md)$/.exec(file);
  if (!match) throw new Error(`${file}: article files are named <id>.<lang>.md`);
  const front = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (!front) throw new Error(`${file}: front matter (--- … ---) is missing`);
  const meta = parse(front[1]!) as Partial<Article> | null;
  if (!meta || typeof meta.title !== 'string' || typeof meta.summary !== 'string' || !Array.isArray(meta.sources) || meta.sources.length === 0) {
    throw new Error(`${file}: front matter needs title, summary and at least one source`);
  }
  const sources = meta.sources.map((s, i) => {
    if (typeof s?.citation !== 'string' || typeof s.url !== 'string' || !/^https?:\/\//.test(s.url)) throw new Error(`${file}: source ${i + 1} needs a citation and an http(s) url`);
    return { citation: s.citation, url: s.url };
  });
  const body = front[2]!.trim();
  for (const marker of body.matchAll(/\[\^(\d+)\]/g)) {
    if (Number(marker[1]) < 1 || Number(marker[1]) > sources.length) throw new Error(`${file}: [^${marker[1]}] points at no source`);
  }
  return { id: match[1]!, language: match[2]!, title: meta.title, summary: meta.summary, body, sources };
}

/** Loads every article and checks each exists in every shipped language. */
export function loadArticles(dir = defaultArticlesDir): ArticleLibrary {
  const articles = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => parseArticle(f, readFileSync(join(dir, f), 'utf8')));
  const ids = [...new Set(articles.map((a) => a.id))].sort();
  for (const id of ids) {
    for (const language of locales) {
      if (!articles.some((a) => a.id === id && a.language === language)) throw new Error(`content/articles: ${id}.${language}.md is missing`);
    }
  }
  const find = (id: string, language: string): Article | undefined => articles.find((a) => a.id === id && a.language === language);
  return {
    ids,
    get(id, language) {
      const article = find(id, language) ?? find(id, 'en');
      if (!article) throw notFound(`Article ${id}`);
      return article;
    },
    list: (language) => ids.map((id) => {
      const { body: _body, sources: _sources, ...card } = find(id, language) ?? find(id, 'en')!;
      return card;
    }),
  };
}
