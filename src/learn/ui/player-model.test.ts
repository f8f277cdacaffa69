import { describe, expect, test } from 'vitest';
import { isStepDone, listPlayerSteps, resumeIndex, resumeScene } from './player-model.ts';
import type { CourseView, ProgressView } from './learn-types.ts';

const course = {
  id: 'c', version: '1', language: 'en', languages: ['en'], title: 'C', description: '', ceHours: 1, estimatedMinutes: 60, passMark: 80,
  retryPolicy: { maxAttempts: 3, hoursBetweenAttempts: 0 },
  modules: [
    { id: 'm1', minutes: 10, lessons: [{ id: 'l1', title: 'L1', body: '', footnotes: [] }, { id: 'l2', title: 'L2', body: '', footnotes: [] }], checks: [{ id: 'q1', type: 'single', prompt: '', options: [], footnotes: [] }], cases: [] },
    { id: 'm2', minutes: 10, lessons: [], checks: [], cases: [{ id: 'k1', title: 'K', start: 's1', scenes: [], footnotes: [] }] },
  ],
  assessment: [],
} satisfies CourseView;

function progress(steps: { key: string; kind: 'lesson' | 'check' | 'case'; answer?: unknown; at: string }[]): ProgressView {
  return {
    lastStep: steps.at(-1)?.key ?? null, lessonsViewed: 0, lessonsTotal: 2, checksAnswered: 0, checksTotal: 1, casesCompleted: 0, casesTotal: 1, percent: 0,
    steps: steps.map((s) => ({ key: s.key, kind: s.kind, courseVersion: '1', answer: s.answer ?? null, correct: null, at: s.at })),
  };
}

describe('the player route', () => {
  test('lists lessons, checks and cases by module, then the assessment', () => {
    expect(listPlayerSteps(course).map((s) => `${s.kind}:${s.id}`)).toEqual(['lesson:l1', 'lesson:l2', 'check:q1', 'case:k1', 'assessment:assessment']);
  });

  test('resumes at the first step not done', () => {
    const steps = listPlayerSteps(course);
    expect(resumeIndex(steps, progress([]))).toBe(0);
    expect(resumeIndex(steps, progress([{ key: 'lesson:m1/l1', kind: 'lesson', at: '1' }, { key: 'check:m1/q1', kind: 'check', at: '2' }]))).toBe(1);
    const allButCase = progress([{ key: 'lesson:m1/l1', kind: 'lesson', at: '1' }, { key: 'lesson:m1/l2', kind: 'lesson', at: '2' }, { key: 'check:m1/q1', kind: 'check', at: '3' }]);
    expect(resumeIndex(steps, allButCase)).toBe(3);
  });

  test('a case is done only when a choice ended it, and resumes at the scene the last choice led to', () => {
    const midway = progress([{ key: 'case:k1/s1', kind: 'case', answer: { choiceId: 'a', next: 's2', ended: false }, at: '1' }]);
    expect(isStepDone({ kind: 'case', moduleId: 'm2', id: 'k1' }, midway)).toBe(false);
    expect(resumeScene('k1', 's1', midway)).toBe('s2');
    const ended = progress([
      { key: 'case:k1/s1', kind: 'case', answer: { choiceId: 'a', next: 's2', ended: false }, at: '1' },
      { key: 'case:k1/s2', kind: 'case', answer: { choiceId: 'b', next: 'end', ended: true }, at: '2' },
    ]);
    expect(isStepDone({ kind: 'case', moduleId: 'm2', id: 'k1' }, ended)).toBe(true);
    expect(resumeScene('k1', 's1', ended)).toBe('s1');
    expect(resumeIndex(listPlayerSteps(course), ended)).toBe(0);
  });
});
