/**
 * @module The course as an exported package carries it: a flat list of pages (lessons as HTML,
 * each module's knowledge checks, each branching case, the final assessment) in one language, with
 * placeholders filled from the shipped jurisdiction data for an unknown jurisdiction (a package
 * does not know where its LMS is) and citations as numbered sources under each page. Answers and
 * feedback travel with it: a package runs with no server to ask.
 */
import type { Course, Question } from './course-model.ts';
import { translatorFor } from '../platform/i18n/format.ts';
import { loadShippedReference } from '../respond/jurisdictions.ts';
import { applyPlaceholders, fillPlaceholders, type PlaceholderFills } from './placeholder-fill.ts';
import { FootnoteList, type Footnote } from './course-render.ts';
import { escapeHtml, inlineHtml, markdownToHtml } from './lesson-html.ts';

export interface PackageQuestion {
  id: string;
  multiple: boolean;
  /** HTML. */
  prompt: string;
  options: { text: string; correct: boolean; feedback: string }[];
}

export type PackagePage =
  | { type: 'lesson'; title: string; html: string; sources: string }
  | { type: 'checks'; title: string; questions: PackageQuestion[]; sources: string }
  | { type: 'case'; title: string; start: number; scenes: { text: string; choices: { text: string; rating: string; consequence: string; next: number }[]; debrief: string[] | null }[]; sources: string }
  | { type: 'assessment'; title: string; questions: PackageQuestion[] };

export interface PackageCourse {
  id: string;
  version: string;
  language: string;
  title: string;
  passMark: number;
  maxAttempts: number | null;
  pages: PackagePage[];
  labels: PlayerLabels;
}

/** The player's words in one language; `{n}`-style slots are left for the player to fill. */
function playerLabels(language: string) {
  const t = translatorFor(language);
  return {
    previous: t('learn.package.previous'),
    next: t('learn.package.next'),
    page: t('learn.package.page', { n: '{n}', total: '{total}' }),
    check: t('learn.package.check'),
    correct: t('learn.package.correct'),
    incorrect: t('learn.package.incorrect'),
    sources: t('learn.package.sources'),
    knowledgeCheck: t('learn.package.knowledgeCheck'),
    continue: t('learn.package.continue'),
    restartCase: t('learn.package.restartCase'),
    keyPoints: t('learn.package.keyPoints'),
    submit: t('learn.package.submit'),
    score: t('learn.package.score', { score: '{score}', passMark: '{passMark}' }),
    passed: t('learn.package.passed'),
    failed: t('learn.package.failed'),
    attemptsLeft: t('learn.package.attemptsLeft', { n: '{n}' }),
    noAttempts: t('learn.package.noAttempts'),
    retry: t('learn.package.retry'),
    chosen: t('learn.package.chosen'),
    recommended: t('learn.package.recommended'),
    acceptable: t('learn.package.acceptable'),
    unsafe: t('learn.package.unsafe'),
    finalAssessment: t('learn.package.finalAssessment'),
    complete: t('learn.package.complete'),
  };
}

export type PlayerLabels = ReturnType<typeof playerLabels>;

/** Builds the package's pages in one language. */
export function buildPackageCourse(course: Course, language: string, fills: PlaceholderFills = fillPlaceholders(loadShippedReference(), undefined, language)): PackageCourse {
  const say = (text: string, notes: FootnoteList): string => inlineHtml(notes.cite(applyPlaceholders(text, fills)));
  const question = (q: Question, notes: FootnoteList): PackageQuestion => ({
    id: q.id,
    multiple: q.type === 'multiple',
    prompt: say(q.prompt[language] ?? '', notes),
    options: q.options.map((o) => ({ text: say(o.text[language] ?? '', notes), correct: o.correct, feedback: say(o.feedback[language] ?? '', notes) })),
  });
  const labels = playerLabels(language);
  const pages: PackagePage[] = [];
  for (const m of course.modules) {
    for (const l of m.lessons) {
      const notes = new FootnoteList(course.sources);
      const text = l.text[language];
      const html = markdownToHtml(notes.cite(applyPlaceholders(text?.body ?? '', fills)), 1);
      pages.push({ type: 'lesson', title: escapeHtml(text?.title ?? ''), html, sources: sourcesHtml(notes.list) });
    }
    if (m.checks.length > 0) {
      const notes = new FootnoteList(course.sources);
      const questions = m.checks.map((q) => question(q, notes));
      for (const q of m.checks) for (const id of q.sources) notes.add(id);
      const lessonTitle = m.lessons[0]?.text[language]?.title ?? '';
      pages.push({ type: 'checks', title: escapeHtml(`${labels.knowledgeCheck}: ${lessonTitle}`), questions, sources: sourcesHtml(notes.list) });
    }
    for (const c of m.cases) {
      const notes = new FootnoteList(course.sources);
      const index = new Map(c.scenes.map((s, i) => [s.id, i]));
      const scenes = c.scenes.map((s) => ({
        text: say(s.text[language] ?? '', notes),
        choices: s.choices.map((ch) => ({ text: say(ch.text[language] ?? '', notes), rating: ch.rating, consequence: say(ch.consequence[language] ?? '', notes), next: index.get(ch.next) ?? 0 })),
        debrief: s.debrief ? (s.debrief[language]?.keyPoints ?? []).map((k) => say(k, notes)) : null,
      }));
      for (const id of c.sources) notes.add(id);
      pages.push({ type: 'case', title: escapeHtml(c.title[language] ?? ''), start: index.get(c.start) ?? 0, scenes, sources: sourcesHtml(notes.list) });
    }
  }
  if (course.assessment.length > 0) {
    const notes = new FootnoteList(course.sources);
    pages.push({ type: 'assessment', title: escapeHtml(labels.finalAssessment), questions: course.assessment.map((q) => question(q, notes)) });
  }
  return {
    id: course.id, version: course.version, language, title: course.title[language] ?? course.id, passMark: course.passMark,
    maxAttempts: course.retryPolicy.maxAttempts, pages, labels,
  };
}

function sourcesHtml(notes: Footnote[]): string {
  if (notes.length === 0) return '';
  return `<ol>${notes.map((n) => `<li id="fn-${n.number}">${escapeHtml(n.citation)}${n.url ? ` <span class="url">${escapeHtml(n.url)}</span>` : ''}</li>`).join('')}</ol>`;
}
