/**
 * @module Course text on a page: the course's Markdown subset as HTML (escaped first by
 * lesson-html.ts, so course text cannot inject markup) and its numbered footnotes. Footnote ids
 * carry a prefix, so two blocks on one page never share an id.
 */
import type { ReactElement } from 'react';
import { inlineHtml, markdownToHtml } from '../lesson-html.ts';
import { useMessages } from '../../web/i18n.tsx';
import type { Footnote } from './learn-types.ts';

const prefixed = (html: string, prefix: string): string =>
  html.replace(/href="#fn-(\d+)"/g, `href="#${prefix}-fn-$1"`).replace(/aria-label="source (\d+)"/g, 'aria-label="$1"');

/** Block Markdown (a lesson body); headings start at h3 under the step's h2. */
export function CourseMarkdown({ text, prefix }: { text: string; prefix: string }): ReactElement {
  return <div className="learn-text" dangerouslySetInnerHTML={{ __html: prefixed(markdownToHtml(text, 1), prefix) }} />;
}

/** One line of inline Markdown (a prompt, an option, a scene). */
export function CourseInline({ text, prefix }: { text: string; prefix: string }): ReactElement {
  return <span dangerouslySetInnerHTML={{ __html: prefixed(inlineHtml(text), prefix) }} />;
}

/** The numbered sources of a block. */
export function Footnotes({ notes, prefix }: { notes: Footnote[]; prefix: string }): ReactElement | null {
  const { t } = useMessages();
  if (notes.length === 0) return null;
  return (
    <section className="learn-footnotes" aria-label={t('learn.player.sources')}>
      <h3 className="learn-footnotes-title">{t('learn.player.sources')}</h3>
      <ol>
        {notes.map((n) => (
          <li key={n.number} id={`${prefix}-fn-${n.number}`}>
            {n.url ? <a href={n.url} rel="noopener noreferrer" target="_blank">{n.citation}</a> : n.citation}
          </li>
        ))}
      </ol>
    </section>
  );
}
