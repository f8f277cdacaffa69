/**
 * @module The course player's route through a course: every lesson, knowledge check and case in
 * module order, then the final assessment; and where to resume from the saved steps (the first
 * step not yet done, and inside a case the scene the last choice led to). Pure, so it is tested
 * without a browser.
 */
import type { CourseView, ProgressView } from './learn-types.ts';

export type PlayerStep =
  | { kind: 'lesson'; moduleId: string; id: string }
  | { kind: 'check'; moduleId: string; id: string }
  | { kind: 'case'; moduleId: string; id: string }
  | { kind: 'assessment'; id: 'assessment' };

/** Every step of the course in the order the player shows them. */
export function listPlayerSteps(course: CourseView): PlayerStep[] {
  const steps: PlayerStep[] = [];
  for (const module of course.modules) {
    for (const lesson of module.lessons) steps.push({ kind: 'lesson', moduleId: module.id, id: lesson.id });
    for (const check of module.checks) steps.push({ kind: 'check', moduleId: module.id, id: check.id });
    for (const patientCase of module.cases) steps.push({ kind: 'case', moduleId: module.id, id: patientCase.id });
  }
  steps.push({ kind: 'assessment', id: 'assessment' });
  return steps;
}

interface CaseAnswer { choiceId: string; next: string; ended: boolean }

function caseAnswers(progress: ProgressView, caseId: string): { sceneId: string; answer: CaseAnswer; at: string }[] {
  return progress.steps
    .filter((s) => s.kind === 'case' && s.key.startsWith(`case:${caseId}/`))
    .map((s) => ({ sceneId: s.key.slice(`case:${caseId}/`.length), answer: s.answer as CaseAnswer, at: s.at }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** True when the saved progress has the step done (a case is done when a choice ended it). */
export function isStepDone(step: PlayerStep, progress: ProgressView): boolean {
  if (step.kind === 'assessment') return false;
  if (step.kind === 'case') return caseAnswers(progress, step.id).some((a) => a.answer.ended);
  const key = `${step.kind}:${step.moduleId}/${step.id}`;
  return progress.steps.some((s) => s.key === key);
}

/** The index of the step to resume at: the first one not done (the assessment when all are). */
export function resumeIndex(steps: PlayerStep[], progress: ProgressView): number {
  const index = steps.findIndex((step) => !isStepDone(step, progress));
  return index === -1 ? steps.length - 1 : index;
}

/** The scene a case resumes at: where the latest saved choice led, else the case's start. */
export function resumeScene(caseId: string, start: string, progress: ProgressView): string {
  const answers = caseAnswers(progress, caseId);
  const last = answers.at(-1);
  return last && !last.answer.ended ? last.answer.next : start;
}
