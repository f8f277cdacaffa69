/**
 * @module The typed course model `loadCourse` returns. Language-independent structure (ids, order,
 * correct answers, scene graph) is shared; text is kept per language code (`en`, `es`, …).
 * The on-disk layout is described in content/courses/README.md.
 */

/** A language code as declared in course.yaml (`en`, `es`, `pt-BR`). */
export type LanguageCode = string;

/** Text in every language the course declares. */
export type Localized<T> = Record<LanguageCode, T>;

/** A cited source; its id is what lessons cite as `[@id]`. */
export interface CourseSource {
  id: string;
  citation: string;
  url?: string;
  /** Where the fact is recorded in docs/domain-facts.md, e.g. "§4 item 3". */
  facts?: string;
}

/** How many final-assessment attempts a learner has, and how far apart. */
export interface RetryPolicy {
  /** null: unlimited attempts. */
  maxAttempts: number | null;
  hoursBetweenAttempts: number;
}

export interface Course {
  id: string;
  version: string;
  languages: LanguageCode[];
  title: Localized<string>;
  description: Localized<string>;
  ceHours: number;
  estimatedMinutes: number;
  /** Percent of final-assessment questions answered correctly needed to pass (0–100). */
  passMark: number;
  retryPolicy: RetryPolicy;
  sources: CourseSource[];
  modules: CourseModule[];
  assessment: Question[];
}

export interface CourseModule {
  id: string;
  minutes: number;
  /** In order; a module declares none and has the single lesson `lesson`. */
  lessons: ModuleLesson[];
  checks: Question[];
  cases: PatientCase[];
}

export interface ModuleLesson {
  id: string;
  text: Localized<Lesson>;
}

export interface Lesson {
  title: string;
  /** Markdown after the front matter; citations `[@id]` and placeholders `{hotline.phone}` unrendered. */
  body: string;
  /** Source ids cited in the body, in order of first citation. */
  cites: string[];
}

export type QuestionType = 'single' | 'multiple';

/** A knowledge check or final-assessment question. */
export interface Question {
  id: string;
  type: QuestionType;
  sources: string[];
  prompt: Localized<string>;
  options: QuestionOption[];
}

export interface QuestionOption {
  id: string;
  correct: boolean;
  text: Localized<string>;
  /** Shown after answering, whichever way the learner chose. */
  feedback: Localized<string>;
}

/** How a choice in a case compares with recommended practice. */
export type ChoiceRating = 'recommended' | 'acceptable' | 'unsafe';

export interface PatientCase {
  id: string;
  sources: string[];
  title: Localized<string>;
  start: string;
  scenes: CaseScene[];
}

export interface CaseScene {
  id: string;
  text: Localized<string>;
  /** Empty for a debrief scene. */
  choices: CaseChoice[];
  /** Present only on debrief scenes: the end of a path. */
  debrief?: Localized<CaseDebrief>;
}

export interface CaseChoice {
  id: string;
  rating: ChoiceRating;
  next: string;
  text: Localized<string>;
  /** What happens because of the choice, and why. */
  consequence: Localized<string>;
}

export interface CaseDebrief {
  keyPoints: string[];
}
