/**
 * @module Enrolments and the steps taken in them. A learner enrols themselves, or an educator
 * assigns the course; every step (a lesson viewed, a check answered, a case choice) is saved as it
 * happens, so progress resumes on any device. Functions take an OrgScope: one organization only.
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid, notFound } from '../platform/http/errors.ts';
import type { Course } from './course-model.ts';
import type { LearnEnrolmentTable, LearnStepTable } from './tables.ts';
import { assertOwnOrOverseen, oversees, type Learner } from './learner-context.ts';
import { forbidden } from '../platform/http/errors.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { queueLearningEvent } from './xapi-outbox.ts';

export interface StepView {
  key: string;
  kind: 'lesson' | 'check' | 'case';
  courseVersion: string;
  answer: unknown;
  correct: boolean | null;
  at: string;
}

export interface ProgressView {
  lastStep: string | null;
  lessonsViewed: number;
  lessonsTotal: number;
  checksAnswered: number;
  checksTotal: number;
  casesCompleted: number;
  casesTotal: number;
  /** Share of lessons, checks and cases done, 0–100. */
  percent: number;
  steps: StepView[];
}

export interface EnrolmentView {
  id: string;
  userId: string;
  courseId: string;
  courseVersion: string;
  language: string;
  assignedBy: string | null;
  dueDate: string | null;
  status: LearnEnrolmentTable['status'];
  createdAt: string;
  completedAt: string | null;
}

const now = (): string => new Date().toISOString();

/** Enrols a learner (the caller, or another user when an educator assigns); an existing enrolment is returned, with a new due date if one is given. */
export async function enrol(scope: OrgScope, learner: Learner, course: Course, input: { userId?: string; language: string; dueDate?: string }): Promise<{ enrolment: EnrolmentView; created: boolean }> {
  const userId = input.userId ?? learner.userId;
  if (userId !== learner.userId && !oversees(learner)) throw forbidden('Only educators assign courses to others.');
  if (!course.languages.includes(input.language)) throw invalid(`The course is not offered in ${input.language}.`, 'language');
  try {
    return await enrolOnce(scope, learner, course, { ...input, userId });
  } catch (error) {
    // Two enrolments at once: the other one won, and this call finds it.
    if (!isUniqueViolation(error)) throw error;
    return enrolOnce(scope, learner, course, { ...input, userId });
  }
}

async function enrolOnce(scope: OrgScope, learner: Learner, course: Course, input: { userId: string; language: string; dueDate?: string }): Promise<{ enrolment: EnrolmentView; created: boolean }> {
  const { userId } = input;
  return scope.transaction(async (tx) => {
    const member = await tx.selectFrom('platform_membership').select('user_id').where('user_id', '=', userId).executeTakeFirst();
    if (!member) throw invalid('No such user in this organization.', 'userId');
    const existing = await tx.selectFrom('learn_enrolment').selectAll().where('user_id', '=', userId).where('course_id', '=', course.id).executeTakeFirst();
    if (existing) {
      if (input.dueDate && input.dueDate !== existing.due_date && oversees(learner)) {
        await tx.updateTable('learn_enrolment').set({ due_date: input.dueDate, updated_at: now() }).where('id', '=', existing.id).execute();
        await tx.audit({ action: 'update', resourceType: 'enrolment', resourceId: existing.id });
        return { enrolment: presentEnrolment({ ...existing, due_date: input.dueDate }), created: false };
      }
      return { enrolment: presentEnrolment(existing), created: false };
    }
    const at = now();
    const row: Omit<LearnEnrolmentTable, 'organization_id'> = {
      id: randomUUID(), user_id: userId, course_id: course.id, course_version: course.version, language: input.language,
      assigned_by: userId === learner.userId ? null : learner.userId, due_date: input.dueDate ?? null, status: 'in-progress',
      last_step: null, created_at: at, updated_at: at, completed_at: null,
    };
    await tx.insert('learn_enrolment', row);
    await tx.audit({ action: 'create', resourceType: 'enrolment', resourceId: row.id });
    await queueLearningEvent(tx, userId, { kind: 'registered', courseId: course.id, courseVersion: course.version, language: input.language, registration: row.id });
    return { enrolment: presentEnrolment({ ...row, organization_id: tx.organizationId }), created: true };
  });
}

/** Loads an enrolment the caller may see (their own, or any when they oversee learners). */
export async function findEnrolment(scope: OrgScope, learner: Learner, id: string): Promise<LearnEnrolmentTable> {
  const row = await scope.selectFrom('learn_enrolment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Enrolment');
  assertOwnOrOverseen(learner, row.user_id);
  return row;
}

/** The caller's enrolments, or (for educators) another user's or everyone's. */
export async function listEnrolments(scope: OrgScope, learner: Learner, filter: { userId?: string; all?: boolean }): Promise<EnrolmentView[]> {
  let query = scope.selectFrom('learn_enrolment').selectAll().orderBy('created_at');
  if (filter.all) {
    if (!oversees(learner)) throw forbidden('Only educators see everyone\'s enrolments.');
  } else {
    const userId = filter.userId ?? learner.userId;
    assertOwnOrOverseen(learner, userId);
    query = query.where('user_id', '=', userId);
  }
  return (await query.execute()).map(presentEnrolment);
}

/**
 * Saves one step (a repeated step replaces the earlier one) and remembers it as the place to resume.
 * The enrolment's first step launches the course, and a lesson's first view completes it, for xAPI.
 */
export async function saveStep(scope: OrgScope, enrolment: LearnEnrolmentTable, step: Pick<LearnStepTable, 'step_key' | 'kind' | 'course_version' | 'answer' | 'correct'>, lesson?: { moduleId: string; lessonId: string }): Promise<void> {
  await scope.transaction(async (tx) => {
    // Saves of one enrolment at once (two devices, a double click) go one after the other, so only
    // the first of them sees no step yet and launches the course.
    await tx.lock(`learn-enrolment:${enrolment.id}`);
    const at = now();
    const course = { courseId: enrolment.course_id, courseVersion: step.course_version, language: enrolment.language, registration: enrolment.id };
    const started = await tx.selectFrom('learn_step').select('id').where('enrolment_id', '=', enrolment.id).limit(1).executeTakeFirst();
    if (!started) await queueLearningEvent(tx, enrolment.user_id, { ...course, kind: 'launched' });
    const firstTime = await tx.insertIfAbsent('learn_step', { id: randomUUID(), enrolment_id: enrolment.id, at, ...step }, ['enrolment_id', 'step_key']);
    if (!firstTime) await tx.updateTable('learn_step').set({ at, ...step }).where('enrolment_id', '=', enrolment.id).where('step_key', '=', step.step_key).execute();
    await tx.updateTable('learn_enrolment').set({ last_step: step.step_key, updated_at: at }).where('id', '=', enrolment.id).execute();
    if (lesson && firstTime) await queueLearningEvent(tx, enrolment.user_id, { ...course, kind: 'lesson-completed', ...lesson });
  });
}

/** The learner's progress through the course, with every saved step. */
export async function readProgress(scope: OrgScope, course: Course, enrolment: LearnEnrolmentTable): Promise<ProgressView> {
  const rows = await scope.selectFrom('learn_step').selectAll().where('enrolment_id', '=', enrolment.id).orderBy('at').execute();
  const steps: StepView[] = rows.map((r) => ({
    key: r.step_key, kind: r.kind, courseVersion: r.course_version, answer: r.answer === null ? null : JSON.parse(r.answer) as unknown,
    correct: r.correct === null ? null : r.correct === 1, at: r.at,
  }));
  return { lastStep: enrolment.last_step, ...summarizeProgress(course, steps), steps };
}

/** Counts what is done against what the course has (pure). */
export function summarizeProgress(course: Course, steps: Pick<StepView, 'key' | 'kind' | 'answer'>[]): Omit<ProgressView, 'lastStep' | 'steps'> {
  const lessonsTotal = course.modules.reduce((n, m) => n + m.lessons.length, 0);
  const checksTotal = course.modules.reduce((n, m) => n + m.checks.length, 0);
  const casesTotal = course.modules.reduce((n, m) => n + m.cases.length, 0);
  const lessonsViewed = steps.filter((s) => s.kind === 'lesson').length;
  const checksAnswered = steps.filter((s) => s.kind === 'check').length;
  const casesCompleted = new Set(steps.filter((s) => s.kind === 'case' && (s.answer as { ended?: boolean } | null)?.ended).map((s) => s.key.split(':')[1]?.split('/')[0])).size;
  const total = lessonsTotal + checksTotal + casesTotal;
  const done = Math.min(lessonsViewed, lessonsTotal) + Math.min(checksAnswered, checksTotal) + Math.min(casesCompleted, casesTotal);
  return { lessonsViewed, lessonsTotal, checksAnswered, checksTotal, casesCompleted, casesTotal, percent: total === 0 ? 100 : Math.floor((done * 100) / total) };
}

export function presentEnrolment(row: LearnEnrolmentTable): EnrolmentView {
  return {
    id: row.id, userId: row.user_id, courseId: row.course_id, courseVersion: row.course_version, language: row.language,
    assignedBy: row.assigned_by, dueDate: row.due_date, status: row.status, createdAt: row.created_at, completedAt: row.completed_at,
  };
}
