import { beforeAll, describe, expect, test } from 'vitest';
import { loadShippedReference } from '../respond/jurisdictions.ts';
import { shippedCatalog } from './course-catalog.ts';
import type { Course } from './course-model.ts';
import { attemptAllowed, checkAnswer, chooseInCase, scoreAssessment } from './course-answers.ts';
import { fillPlaceholders } from './placeholder-fill.ts';
import { chooseLanguage, renderCourse } from './course-render.ts';

describe('answers, cases and scores', () => {
  let course: Course;
  const fills = fillPlaceholders(loadShippedReference(), undefined, 'en');
  beforeAll(async () => { course = (await shippedCatalog()).get('lantern-essentials'); });

  const right = (q: Course['assessment'][number]): string[] => q.options.filter((o) => o.correct).map((o) => o.id);

  test('a check returns feedback for every option and whether the answer was right', () => {
    const q = course.modules[0]!.checks[0]!;
    const result = checkAnswer(q, right(q), 'es', fills);
    expect(result.correct).toBe(true);
    expect(result.options.map((o) => o.id)).toEqual(q.options.map((o) => o.id));
    expect(result.options.every((o) => o.feedback.length > 0 && !o.feedback.includes('[@'))).toBe(true);
    expect(() => checkAnswer(q, ['no-such-option'], 'en', fills)).toThrow(/no option/);
  });

  test('the pass mark decides, a learner never passes on rounding, and a missing answer counts as wrong', () => {
    const all = Object.fromEntries(course.assessment.map((q) => [q.id, right(q)]));
    expect(scoreAssessment(course, all, 'en', fills)).toMatchObject({ score: 100, passed: true });
    const total = course.assessment.length;
    const needed = Math.ceil((course.passMark * total) / 100);
    const justEnough = Object.fromEntries(course.assessment.slice(0, needed).map((q) => [q.id, right(q)]));
    expect(scoreAssessment(course, justEnough, 'en', fills).passed).toBe(true);
    const oneShort = Object.fromEntries(course.assessment.slice(0, needed - 1).map((q) => [q.id, right(q)]));
    const short = scoreAssessment(course, oneShort, 'en', fills);
    expect(short.passed).toBe(false);
    expect(short.score).toBe(Math.floor(((needed - 1) * 100) / total));
  });

  test('a case choice gives its consequence and, at the end of a path, the debrief', () => {
    const patientCase = course.modules.flatMap((m) => m.cases)[0]!;
    const start = patientCase.scenes.find((s) => s.id === patientCase.start)!;
    const choice = start.choices[0]!;
    const result = chooseInCase(course, { caseId: patientCase.id, sceneId: start.id, choiceId: choice.id }, 'en', fills);
    expect(result).toMatchObject({ rating: choice.rating, next: choice.next });
    const ending = patientCase.scenes.find((s) => s.choices.some((c) => patientCase.scenes.find((n) => n.id === c.next)?.debrief))!;
    const last = ending.choices.find((c) => patientCase.scenes.find((n) => n.id === c.next)?.debrief)!;
    expect(chooseInCase(course, { caseId: patientCase.id, sceneId: ending.id, choiceId: last.id }, 'en', fills).debrief?.keyPoints.length).toBeGreaterThan(0);
  });

  test('retries follow the policy: a limit, a wait between attempts, none after passing', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const failed = { passed: false, submittedAt: '2026-11-28T11:00:00Z' };
    const limited = { ...course, retryPolicy: { maxAttempts: 2, hoursBetweenAttempts: 0 } };
    expect(attemptAllowed(limited, [failed], now)).toEqual({ allowed: true });
    expect(attemptAllowed(limited, [failed, failed], now)).toMatchObject({ allowed: false, reason: 'no-attempts-left' });
    const waiting = { ...course, retryPolicy: { maxAttempts: null, hoursBetweenAttempts: 24 } };
    expect(attemptAllowed(waiting, [failed], now)).toEqual({ allowed: false, reason: 'wait', nextAt: '2026-11-29T11:00:00.000Z' });
    expect(attemptAllowed(waiting, [{ passed: true, submittedAt: '2026-01-01T00:00:00Z' }], now)).toMatchObject({ reason: 'passed' });
  });

  test('the rendered course numbers footnotes per lesson and hides every answer', () => {
    const view = renderCourse(course, chooseLanguage(course, 'es-MX'), fills);
    expect(view.language).toBe('es');
    const lesson = view.modules[0]!.lessons[0]!;
    const markers = [...lesson.body.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
    expect(Math.max(...markers)).toBe(lesson.footnotes.length);
    expect(lesson.footnotes.map((f) => f.number)).toEqual(lesson.footnotes.map((_f, i) => i + 1));
    expect(JSON.stringify(view)).not.toMatch(/"(correct|feedback|rating|consequence)"/);
  });
});
