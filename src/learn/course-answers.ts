/**
 * @module Answers checked against the course: a knowledge check with feedback for every option, a
 * case choice with its consequence, and the final assessment scored against the pass mark. Pure;
 * the course's text is in the learner's language, with placeholders filled.
 */
import { invalid } from '../platform/http/errors.ts';
import type { Course, Question } from './course-model.ts';
import { applyPlaceholders, type PlaceholderFills } from './placeholder-fill.ts';

export interface OptionFeedback { id: string; chosen: boolean; correct: boolean; feedback: string }
export interface CheckResult { questionId: string; correct: boolean; options: OptionFeedback[] }

export interface CaseChoiceResult {
  caseId: string;
  sceneId: string;
  choiceId: string;
  rating: 'recommended' | 'acceptable' | 'unsafe';
  consequence: string;
  next: string;
  /** Present when the next scene ends the case. */
  debrief?: { text: string; keyPoints: string[] };
}

export interface AssessmentScore {
  /** Percent correct, rounded down: a learner never passes on rounding. */
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: CheckResult[];
}

// Citations are footnoted in the course view; in feedback they are dropped so it reads cleanly.
const plain = (text: string, fills: PlaceholderFills): string => applyPlaceholders(text, fills).replace(/\s*\[@[^\]]+\]/g, '');

/** Checks one question's answer; every option comes back with its feedback. */
export function checkAnswer(question: Question, optionIds: string[], language: string, fills: PlaceholderFills): CheckResult {
  const known = new Set(question.options.map((o) => o.id));
  for (const id of optionIds) if (!known.has(id)) throw invalid(`Question ${question.id} has no option ${id}.`, 'optionIds');
  if (question.type === 'single' && optionIds.length !== 1) throw invalid(`Question ${question.id} takes exactly one option.`, 'optionIds');
  const chosen = new Set(optionIds);
  const correct = question.options.every((o) => o.correct === chosen.has(o.id));
  return {
    questionId: question.id,
    correct,
    options: question.options.map((o) => ({ id: o.id, chosen: chosen.has(o.id), correct: o.correct, feedback: plain(o.feedback[language] ?? '', fills) })),
  };
}

/** Finds a module's knowledge check, or INVALID. */
export function findCheck(course: Course, moduleId: string, questionId: string): Question {
  const question = course.modules.find((m) => m.id === moduleId)?.checks.find((q) => q.id === questionId);
  if (!question) throw invalid(`Module ${moduleId} has no check ${questionId}.`, 'questionId');
  return question;
}

/** Whether the course has the lesson. */
export function assertLesson(course: Course, moduleId: string, lessonId: string): void {
  if (!course.modules.find((m) => m.id === moduleId)?.lessons.some((l) => l.id === lessonId)) {
    throw invalid(`Module ${moduleId} has no lesson ${lessonId}.`, 'lessonId');
  }
}

/** Follows one choice in a branching case. */
export function chooseInCase(course: Course, input: { caseId: string; sceneId: string; choiceId: string }, language: string, fills: PlaceholderFills): CaseChoiceResult {
  const patientCase = course.modules.flatMap((m) => m.cases).find((c) => c.id === input.caseId);
  if (!patientCase) throw invalid(`The course has no case ${input.caseId}.`, 'caseId');
  const scene = patientCase.scenes.find((s) => s.id === input.sceneId);
  if (!scene) throw invalid(`Case ${input.caseId} has no scene ${input.sceneId}.`, 'sceneId');
  const choice = scene.choices.find((c) => c.id === input.choiceId);
  if (!choice) throw invalid(`Scene ${input.sceneId} has no choice ${input.choiceId}.`, 'choiceId');
  const next = patientCase.scenes.find((s) => s.id === choice.next);
  return {
    ...input,
    rating: choice.rating,
    consequence: plain(choice.consequence[language] ?? '', fills),
    next: choice.next,
    ...(next?.debrief ? { debrief: { text: plain(next.text[language] ?? '', fills), keyPoints: (next.debrief[language]?.keyPoints ?? []).map((k) => plain(k, fills)) } } : {}),
  };
}

/** Scores the final assessment; a question left out counts as wrong. */
export function scoreAssessment(course: Course, answers: Record<string, string[]>, language: string, fills: PlaceholderFills): AssessmentScore {
  const known = new Set(course.assessment.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) throw invalid(`The assessment has no question ${id}.`, 'answers');
  const questions = course.assessment.map((q) => {
    const given = answers[q.id];
    if (!given || given.length === 0) {
      return { questionId: q.id, correct: false, options: q.options.map((o) => ({ id: o.id, chosen: false, correct: o.correct, feedback: plain(o.feedback[language] ?? '', fills) })) };
    }
    return checkAnswer(q, given, language, fills);
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.floor((correctCount * 100) / total);
  return { score, passed: score >= course.passMark, correctCount, total, questions };
}

export interface AttemptRecord { passed: boolean; submittedAt: string }

/** Whether another final-assessment attempt is allowed now under the course's retry policy. */
export function attemptAllowed(course: Course, attempts: AttemptRecord[], now: Date): { allowed: true } | { allowed: false; reason: 'passed' | 'no-attempts-left' | 'wait'; nextAt?: string } {
  if (attempts.some((a) => a.passed)) return { allowed: false, reason: 'passed' };
  const { maxAttempts, hoursBetweenAttempts } = course.retryPolicy;
  if (maxAttempts !== null && attempts.length >= maxAttempts) return { allowed: false, reason: 'no-attempts-left' };
  const last = attempts.map((a) => a.submittedAt).sort().at(-1);
  if (last && hoursBetweenAttempts > 0) {
    const nextAt = new Date(Date.parse(last) + hoursBetweenAttempts * 3_600_000);
    if (nextAt > now) return { allowed: false, reason: 'wait', nextAt: nextAt.toISOString() };
  }
  return { allowed: true };
}
