/**
 * @module Course delivery for a player: `GET /api/learn/courses`, `GET /api/learn/courses/{id}`,
 * enrolments (`/api/learn/enrolments`), a step saved per call (`…/{id}/steps`) and final-assessment
 * attempts (`…/{id}/attempts`).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import { forbidden } from '../platform/http/errors.ts';
import type { CourseCatalog } from './course-catalog.ts';
import { chooseLanguage, renderCourse, summarizeCourse } from './course-render.ts';
import { assertLesson, checkAnswer, chooseInCase, findCheck } from './course-answers.ts';
import { enrol, findEnrolment, listEnrolments, presentEnrolment, readProgress, saveStep } from './enrolment-store.ts';
import { listAttempts, submitAttempt } from './attempt-store.ts';
import { listCertificates } from './certificate-store.ts';
import { learnerFills } from './learner-context.ts';
import { learnerOf } from './learner-request.ts';
import { AttemptBody, CourseParams, EnrolBody, IdParams, LanguageQuery, OwnerQuery, StepBody } from './schemas.ts';

const tags = ['learn'];

export const courseRoutes: FastifyPluginAsync<{ platform: Platform; catalog: () => Promise<CourseCatalog> }> = async (base, { platform, catalog: loadCatalog }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // Loaded on first use (then cached), so starting the server does not wait for every course's check.
  let catalog: CourseCatalog;
  app.addHook('preHandler', async () => { catalog ??= await loadCatalog(); });

  app.get('/api/learn/courses', {
    config: { access: { permission: ['course', 'read'] } },
    schema: { tags, summary: 'The courses offered, in the caller\'s language where the course has it', querystring: LanguageQuery },
  }, async (request) => {
    const wanted = request.query.lang ?? learnerOf(request).locale;
    return { courses: catalog.list().map((c) => summarizeCourse(c, chooseLanguage(c, wanted))) };
  });

  app.get('/api/learn/courses/:courseId', {
    config: { access: { permission: ['course', 'read'] } },
    schema: { tags, summary: 'A course for a player: placeholders filled from jurisdiction data, citations as footnotes, no answers', params: CourseParams, querystring: LanguageQuery },
  }, async (request) => {
    const learner = learnerOf(request);
    const course = catalog.get(request.params.courseId);
    const language = chooseLanguage(course, request.query.lang ?? learner.locale);
    return renderCourse(course, language, await learnerFills(request.scope(), learner, language));
  });

  app.get('/api/learn/enrolments', {
    config: { access: { permission: ['enrolment', 'read'] } },
    schema: { tags, summary: 'The caller\'s enrolments (educators: a user\'s, or all with all=true)', querystring: OwnerQuery },
  }, async (request) => ({ enrolments: await listEnrolments(request.scope(), learnerOf(request), request.query) }));

  app.post('/api/learn/enrolments', {
    config: { access: { permission: ['enrolment', 'create'] } },
    schema: { tags, summary: 'Enrol the caller, or (educators) assign the course to a user', body: EnrolBody },
  }, async (request, reply) => {
    const learner = learnerOf(request);
    const course = catalog.get(request.body.courseId);
    const language = chooseLanguage(course, request.body.language ?? learner.locale);
    const { enrolment, created } = await enrol(request.scope(), learner, course, { ...request.body, language });
    return reply.code(created ? 201 : 200).send({ enrolment });
  });

  app.get('/api/learn/enrolments/:id', {
    config: { access: { permission: ['enrolment', 'read'] } },
    schema: { tags, summary: 'An enrolment with its progress (every saved step), attempts and certificate, to resume anywhere', params: IdParams },
  }, async (request) => {
    const scope = request.scope();
    const learner = learnerOf(request);
    const row = await findEnrolment(scope, learner, request.params.id);
    const course = catalog.get(row.course_id);
    const attempts = await listAttempts(scope, row.id);
    const max = course.retryPolicy.maxAttempts;
    const certificates = await listCertificates(scope, learner, { userId: row.user_id });
    return {
      enrolment: presentEnrolment(row),
      currentCourseVersion: course.version,
      progress: await readProgress(scope, course, row),
      attempts,
      attemptsLeft: attempts.some((a) => a.passed) ? 0 : max === null ? null : Math.max(0, max - attempts.length),
      certificate: certificates.find((c) => c.courseId === row.course_id && c.status === 'valid') ?? null,
    };
  });

  app.post('/api/learn/enrolments/:id/steps', {
    config: { access: { permission: ['enrolment', 'update'] } },
    schema: { tags, summary: 'Save one step: a lesson viewed, a check answered (feedback for every option), a case choice (its consequence)', params: IdParams, body: StepBody },
  }, async (request) => {
    const scope = request.scope();
    const learner = learnerOf(request);
    const row = await findEnrolment(scope, learner, request.params.id);
    if (row.user_id !== learner.userId) throw forbidden('Only the learner saves their own progress.');
    const course = catalog.get(row.course_id);
    const fills = await learnerFills(scope, learner, row.language);
    const step = request.body;
    let result: unknown = null;
    if (step.kind === 'lesson') {
      assertLesson(course, step.moduleId, step.lessonId);
      await saveStep(scope, row, { step_key: `lesson:${step.moduleId}/${step.lessonId}`, kind: 'lesson', course_version: course.version, answer: null, correct: null }, { moduleId: step.moduleId, lessonId: step.lessonId });
    } else if (step.kind === 'check') {
      const checked = checkAnswer(findCheck(course, step.moduleId, step.questionId), step.optionIds, row.language, fills);
      await saveStep(scope, row, { step_key: `check:${step.moduleId}/${step.questionId}`, kind: 'check', course_version: course.version, answer: JSON.stringify(step.optionIds), correct: checked.correct ? 1 : 0 });
      result = checked;
    } else {
      const chosen = chooseInCase(course, step, row.language, fills);
      await saveStep(scope, row, {
        step_key: `case:${step.caseId}/${step.sceneId}`, kind: 'case', course_version: course.version,
        answer: JSON.stringify({ choiceId: step.choiceId, next: chosen.next, ended: chosen.debrief !== undefined }), correct: null,
      });
      result = chosen;
    }
    const saved = await findEnrolment(scope, learner, row.id);
    return { result, progress: await readProgress(scope, course, saved) };
  });

  app.post('/api/learn/enrolments/:id/attempts', {
    config: { access: { permission: ['enrolment', 'update'] } },
    schema: { tags, summary: 'Submit the final assessment: scored with the pass mark, retries per the course policy; passing issues the certificate', params: IdParams, body: AttemptBody },
  }, async (request, reply) => {
    const scope = request.scope();
    const learner = learnerOf(request);
    const row = await findEnrolment(scope, learner, request.params.id);
    const course = catalog.get(row.course_id);
    const organization = await platform.data.db.selectFrom('platform_organization').select('name').where('id', '=', scope.organizationId).executeTakeFirstOrThrow();
    const answers = Object.fromEntries(request.body.answers.map((a) => [a.questionId, a.optionIds]));
    const result = await submitAttempt(scope, learner, {
      course, enrolment: row, answers, fills: await learnerFills(scope, learner, row.language), organizationName: organization.name,
    });
    return reply.code(201).send(result);
  });
};
