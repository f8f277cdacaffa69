/**
 * @module Builds the typed Course model from files the course check has already validated: the
 * structure comes from the first declared language, the text from every language.
 */
import type { YamlFile } from './course-files.ts';
import type { Course, CourseSource, Lesson, Localized, PatientCase, Question, RetryPolicy } from './course-model.ts';

/** course.yaml as the schema guarantees it. */
export interface CourseYaml {
  id: string;
  version: string;
  languages: string[];
  title: Localized<string>;
  description: Localized<string>;
  ceHours: number;
  estimatedMinutes: number;
  passMark: number;
  retryPolicy: RetryPolicy;
  sources: CourseSource[];
  modules: { id: string; minutes: number; lessons?: string[]; checks?: boolean; cases?: string[] }[];
  assessment?: boolean;
}

/** Everything the check read, by part and language. */
export interface ParsedCourse {
  meta: CourseYaml;
  /** Key: `<module id>/<lesson id>`. */
  lessons: Map<string, Map<string, Lesson>>;
  /** Key: `modules/<id>/checks` or `assessment`. */
  questionFiles: Map<string, Map<string, YamlFile>>;
  cases: Map<string, Map<string, YamlFile>>;
}

interface QuestionYaml {
  id: string;
  type: 'single' | 'multiple';
  prompt: string;
  sources: string[];
  options: { id: string; text: string; correct: boolean; feedback: string }[];
}

interface CaseYaml {
  id: string;
  title: string;
  start: string;
  sources: string[];
  scenes: {
    id: string;
    text: string;
    choices?: { id: string; text: string; rating: 'recommended' | 'acceptable' | 'unsafe'; consequence: string; next: string }[];
    debrief?: { keyPoints: string[] };
  }[];
}

/** Assembles the model; call only when the check found no issues. */
export function assembleCourse(parsed: ParsedCourse): Course {
  const { meta } = parsed;
  const languages = meta.languages;
  const localize = <T>(pick: (lang: string) => T): Localized<T> => Object.fromEntries(languages.map((lang) => [lang, pick(lang)]));
  const questionsOf = (key: string): Question[] => {
    const files = parsed.questionFiles.get(key);
    if (!files) return [];
    const byLang = (lang: string): QuestionYaml[] => (files.get(lang)?.value as { questions: QuestionYaml[] }).questions;
    return byLang(languages[0] ?? '').map((q, i) => ({
      id: q.id,
      type: q.type,
      sources: q.sources,
      prompt: localize((lang) => byLang(lang)[i]?.prompt ?? ''),
      options: q.options.map((o, j) => ({
        id: o.id,
        correct: o.correct,
        text: localize((lang) => byLang(lang)[i]?.options[j]?.text ?? ''),
        feedback: localize((lang) => byLang(lang)[i]?.options[j]?.feedback ?? ''),
      })),
    }));
  };
  const caseOf = (caseId: string): PatientCase => {
    const files = parsed.cases.get(caseId);
    const byLang = (lang: string): CaseYaml => files?.get(lang)?.value as CaseYaml;
    const ref = byLang(languages[0] ?? '');
    return {
      id: ref.id,
      sources: ref.sources,
      title: localize((lang) => byLang(lang).title),
      start: ref.start,
      scenes: ref.scenes.map((scene, i) => ({
        id: scene.id,
        text: localize((lang) => byLang(lang).scenes[i]?.text ?? ''),
        choices: (scene.choices ?? []).map((choice, j) => ({
          id: choice.id,
          rating: choice.rating,
          next: choice.next,
          text: localize((lang) => byLang(lang).scenes[i]?.choices?.[j]?.text ?? ''),
          consequence: localize((lang) => byLang(lang).scenes[i]?.choices?.[j]?.consequence ?? ''),
        })),
        ...(scene.debrief ? { debrief: localize((lang) => ({ keyPoints: byLang(lang).scenes[i]?.debrief?.keyPoints ?? [] })) } : {}),
      })),
    };
  };
  return {
    id: meta.id,
    version: meta.version,
    languages,
    title: meta.title,
    description: meta.description,
    ceHours: meta.ceHours,
    estimatedMinutes: meta.estimatedMinutes,
    passMark: meta.passMark,
    retryPolicy: meta.retryPolicy,
    sources: meta.sources,
    modules: meta.modules.map((m) => ({
      id: m.id,
      minutes: m.minutes,
      lessons: (m.lessons ?? ['lesson']).map((lessonId) => ({
        id: lessonId,
        text: localize((lang) => parsed.lessons.get(`${m.id}/${lessonId}`)?.get(lang) ?? { title: '', body: '', cites: [] }),
      })),
      checks: m.checks ? questionsOf(`modules/${m.id}/checks`) : [],
      cases: (m.cases ?? []).map(caseOf),
    })),
    assessment: meta.assessment === false ? [] : questionsOf('assessment'),
  };
}
