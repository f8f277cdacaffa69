/**
 * @module A course as a player shows it in one language: placeholders filled from jurisdiction
 * data, citations `[@id]` turned into numbered footnote markers `[^n]` with the footnotes listed,
 * and nothing that gives an answer away (correct flags, feedback, choice ratings and consequences
 * stay on the server until the learner answers; see course-answers.ts).
 */
import type { Course, CourseSource, Localized } from './course-model.ts';
import { applyPlaceholders, type PlaceholderFills } from './placeholder-fill.ts';

export interface Footnote {
  number: number;
  sourceId: string;
  citation: string;
  url?: string;
}

export interface OptionView { id: string; text: string }
export interface QuestionView { id: string; type: 'single' | 'multiple'; prompt: string; options: OptionView[]; footnotes: Footnote[] }
export interface SceneView { id: string; text: string; choices: OptionView[]; debrief?: { keyPoints: string[] } }
export interface CaseView { id: string; title: string; start: string; scenes: SceneView[]; footnotes: Footnote[] }
export interface LessonView { id: string; title: string; body: string; footnotes: Footnote[] }
export interface ModuleView { id: string; minutes: number; lessons: LessonView[]; checks: QuestionView[]; cases: CaseView[] }

export interface CourseSummary {
  id: string;
  version: string;
  language: string;
  languages: string[];
  title: string;
  description: string;
  ceHours: number;
  estimatedMinutes: number;
  passMark: number;
  retryPolicy: { maxAttempts: number | null; hoursBetweenAttempts: number };
}

export interface CourseView extends CourseSummary {
  modules: ModuleView[];
  assessment: QuestionView[];
}

/** Picks the language to show: the one asked for when the course has it, else the course's first. */
export function chooseLanguage(course: Course, wanted: string | undefined): string {
  if (wanted && course.languages.includes(wanted)) return wanted;
  const base = wanted?.split('-')[0];
  if (base && course.languages.includes(base)) return base;
  return course.languages[0] ?? 'en';
}

/** The course's card in a catalog. */
export function summarizeCourse(course: Course, language: string): CourseSummary {
  return {
    id: course.id, version: course.version, language, languages: course.languages,
    title: course.title[language] ?? '', description: course.description[language] ?? '',
    ceHours: course.ceHours, estimatedMinutes: course.estimatedMinutes, passMark: course.passMark, retryPolicy: course.retryPolicy,
  };
}

/** Renders the whole course for a player in `language` with the given placeholder values. */
export function renderCourse(course: Course, language: string, fills: PlaceholderFills): CourseView {
  const say = (text: Localized<string>, notes: FootnoteList): string => notes.cite(applyPlaceholders(text[language] ?? '', fills));
  const question = (q: Course['assessment'][number]): QuestionView => {
    const notes = new FootnoteList(course.sources);
    const prompt = say(q.prompt, notes);
    const options = q.options.map((o) => ({ id: o.id, text: say(o.text, notes) }));
    for (const id of q.sources) notes.add(id);
    return { id: q.id, type: q.type, prompt, options, footnotes: notes.list };
  };
  return {
    ...summarizeCourse(course, language),
    modules: course.modules.map((m) => ({
      id: m.id,
      minutes: m.minutes,
      lessons: m.lessons.map((l) => {
        const notes = new FootnoteList(course.sources);
        const text = l.text[language] ?? { title: '', body: '', cites: [] };
        const body = notes.cite(applyPlaceholders(text.body, fills));
        return { id: l.id, title: text.title, body, footnotes: notes.list };
      }),
      checks: m.checks.map(question),
      cases: m.cases.map((c) => {
        const notes = new FootnoteList(course.sources);
        const scenes = c.scenes.map((s) => ({
          id: s.id,
          text: say(s.text, notes),
          choices: s.choices.map((choice) => ({ id: choice.id, text: say(choice.text, notes) })),
          ...(s.debrief ? { debrief: { keyPoints: (s.debrief[language]?.keyPoints ?? []).map((k) => notes.cite(applyPlaceholders(k, fills))) } } : {}),
        }));
        for (const id of c.sources) notes.add(id);
        return { id: c.id, title: c.title[language] ?? '', start: c.start, scenes, footnotes: notes.list };
      }),
    })),
    assessment: course.assessment.map(question),
  };
}

/** Numbers sources in order of first citation. */
export class FootnoteList {
  readonly list: Footnote[] = [];
  constructor(private readonly sources: CourseSource[]) {}

  /** The footnote number of a source, adding it on first use. */
  add(sourceId: string): number {
    const known = this.list.find((f) => f.sourceId === sourceId);
    if (known) return known.number;
    const source = this.sources.find((s) => s.id === sourceId);
    const note: Footnote = { number: this.list.length + 1, sourceId, citation: source?.citation ?? sourceId, ...(source?.url ? { url: source.url } : {}) };
    this.list.push(note);
    return note.number;
  }

  /** Replaces `[@a; @b]` with `[^1][^2]`. */
  cite(text: string): string {
    return text.replace(/\[@([^\]]+)\]/g, (_whole, ids: string) =>
      ids.split(';').map((part) => `[^${this.add(part.trim().replace(/^@/, ''))}]`).join(''));
  }
}
