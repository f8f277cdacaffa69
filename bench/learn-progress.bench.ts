/**
 * Progress saved under load: a learner's player saves a step after every lesson, check and case
 * choice (POST /api/learn/enrolments/{id}/steps). Each request resolves the token, checks the
 * policy, finds the enrolment, validates the step against the course, upserts the step row and
 * reads the progress back (every saved step). Run it the way many learners at once would press
 * "continue": `npm run bench -- learn-progress --connections 200`. The harness drives one request,
 * so all connections save the same learner's step: one row upserted from 200 sockets, the worst
 * case for write contention.
 */
import type { Benchmark } from './harness.ts';

const progressSave: Benchmark = async (context) => {
  const token = await context.token('learner');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const enrolled = await fetch(`${context.url}/api/learn/enrolments`, { method: 'POST', headers, body: JSON.stringify({ courseId: 'lantern-essentials', language: 'en' }) });
  if (enrolled.status !== 201) throw new Error(`enrolling the benchmark learner answered ${enrolled.status} ${await enrolled.text()}`);
  const { enrolment } = await enrolled.json() as { enrolment: { id: string } };
  const course = await (await fetch(`${context.url}/api/learn/courses/lantern-essentials?lang=en`, { headers })).json() as { modules: { id: string; lessons: { id: string }[] }[] };
  const module = course.modules[0]!;
  // A learner partway through: the first module's lessons saved, so the progress read-back is realistic.
  for (const lesson of module.lessons) {
    await fetch(`${context.url}/api/learn/enrolments/${enrolment.id}/steps`, { method: 'POST', headers, body: JSON.stringify({ kind: 'lesson', moduleId: module.id, lessonId: lesson.id }) });
  }
  return {
    title: 'POST /api/learn/enrolments/{id}/steps (a lesson read) with a learner\'s bearer token',
    request: {
      method: 'POST', path: `/api/learn/enrolments/${enrolment.id}/steps`, headers,
      body: JSON.stringify({ kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id }),
    },
    p99RatioGoal: 3,
  };
};

export default progressSave;
