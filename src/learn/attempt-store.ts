/**
 * @module Final-assessment attempts: allowed by the course's retry policy, scored against its pass
 * mark, each recording the course version; passing completes the enrolment and issues the
 * certificate in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { LanternError, conflict, forbidden } from '../platform/http/errors.ts';
import { isUniqueViolation } from './unique-violation.ts';
import type { Course } from './course-model.ts';
import type { LearnEnrolmentTable } from './tables.ts';
import { attemptAllowed, scoreAssessment, type AssessmentScore } from './course-answers.ts';
import type { PlaceholderFills } from './placeholder-fill.ts';
import { issueCertificate, type CertificateView } from './certificate-store.ts';
import type { Learner } from './learner-context.ts';
import { queueLearningEvent } from './xapi-outbox.ts';

export interface AttemptView {
  id: string;
  number: number;
  courseVersion: string;
  score: number;
  passMark: number;
  passed: boolean;
  submittedAt: string;
}

export interface AttemptResult {
  attempt: AttemptView;
  result: AssessmentScore;
  attemptsLeft: number | null;
  certificate: CertificateView | null;
}

/** Scores and records one attempt by the enrolment's own learner. */
export async function submitAttempt(scope: OrgScope, learner: Learner, input: {
  course: Course; enrolment: LearnEnrolmentTable; answers: Record<string, string[]>; fills: PlaceholderFills; organizationName: string;
}): Promise<AttemptResult> {
  if (input.enrolment.user_id !== learner.userId) throw forbidden('Only the learner takes their assessment.');
  try {
    return await recordAttempt(scope, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another attempt was submitted at the same time; reload to see its result.', 'answers');
    throw error;
  }
}

async function recordAttempt(scope: OrgScope, input: {
  course: Course; enrolment: LearnEnrolmentTable; answers: Record<string, string[]>; fills: PlaceholderFills; organizationName: string;
}): Promise<AttemptResult> {
  const { course, enrolment } = input;
  return scope.transaction(async (tx) => {
    const previous = await listAttempts(tx, enrolment.id);
    const now = new Date();
    const gate = attemptAllowed(course, previous.map((a) => ({ passed: a.passed, submittedAt: a.submittedAt })), now);
    if (!gate.allowed) {
      const message = gate.reason === 'passed' ? 'You have already passed this course.'
        : gate.reason === 'no-attempts-left' ? 'No attempts are left under this course\'s retry policy.'
          : `The next attempt opens at ${gate.nextAt}.`;
      throw new LanternError('CONFLICT', message, 'answers');
    }
    const result = scoreAssessment(course, input.answers, enrolment.language, input.fills);
    const at = now.toISOString();
    const attempt: AttemptView = { id: randomUUID(), number: previous.length + 1, courseVersion: course.version, score: result.score, passMark: course.passMark, passed: result.passed, submittedAt: at };
    await tx.insert('learn_attempt', {
      id: attempt.id, enrolment_id: enrolment.id, user_id: enrolment.user_id, course_id: course.id, course_version: course.version, number: attempt.number,
      answers: JSON.stringify(input.answers), score: attempt.score, pass_mark: course.passMark, passed: attempt.passed ? 1 : 0, submitted_at: at,
    });
    await tx.audit({ action: 'create', resourceType: 'assessment-attempt', resourceId: attempt.id });
    const xapiCourse = { courseId: course.id, courseVersion: course.version, language: enrolment.language, registration: enrolment.id };
    await queueLearningEvent(tx, enrolment.user_id, { ...xapiCourse, kind: 'assessment-scored', score: attempt.score, passed: attempt.passed, attempt: attempt.number }, now);
    if (attempt.passed) await queueLearningEvent(tx, enrolment.user_id, { ...xapiCourse, kind: 'course-completed' }, now);
    const max = course.retryPolicy.maxAttempts;
    const attemptsLeft = max === null ? null : Math.max(0, max - attempt.number);
    let certificate: CertificateView | null = null;
    if (result.passed) {
      await tx.updateTable('learn_enrolment').set({ status: 'passed', completed_at: at, updated_at: at }).where('id', '=', enrolment.id).execute();
      certificate = await issueCertificate(tx, { enrolment, attemptId: attempt.id, course, organizationName: input.organizationName, at });
    } else if (attemptsLeft === 0) {
      await tx.updateTable('learn_enrolment').set({ status: 'failed', updated_at: at }).where('id', '=', enrolment.id).execute();
    }
    return { attempt, result, attemptsLeft: result.passed ? 0 : attemptsLeft, certificate };
  });
}

/** An enrolment's attempts, oldest first. */
export async function listAttempts(scope: OrgScope, enrolmentId: string): Promise<AttemptView[]> {
  const rows = await scope.selectFrom('learn_attempt').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('number').execute();
  return rows.map((r) => ({ id: r.id, number: r.number, courseVersion: r.course_version, score: r.score, passMark: r.pass_mark, passed: r.passed === 1, submittedAt: r.submitted_at }));
}
