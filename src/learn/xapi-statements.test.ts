/**
 * Statement building, checked by Learning Locker's xAPI statement validator (`xapi-validation`),
 * which implements the xAPI 1.0.x statement rules; none of it was written here.
 */
import { describe, expect, test } from 'vitest';
import xapiValidation from 'xapi-validation';
import { ADL_VERBS, buildStatement, courseActivityId, courseVersionExtension, type LearningEvent } from './xapi-statements.ts';

// A CommonJS module with `exports.default`: the function itself under the test runner's interop,
// the exports object under Node's; either way this is the validator.
const validateStatement = (typeof xapiValidation === 'function' ? xapiValidation : xapiValidation.default) as (data: unknown) => { path: string[] }[];

const homePage = 'https://lantern.example.org';
const course = { courseId: 'lantern-essentials', courseVersion: '1.2.0', language: 'es', registration: '0f8fad5b-d9cb-469f-a165-70867728950e' };
const at = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', timestamp: '2026-11-28T10:00:00.000Z', homePage, learnerId: '16fd2706-8baf-433b-82eb-8c7fada847da' };

const events: LearningEvent[] = [
  { ...course, kind: 'registered' },
  { ...course, kind: 'launched' },
  { ...course, kind: 'lesson-completed', moduleId: 'what-it-is', lessonId: 'force-fraud-coercion' },
  { ...course, kind: 'assessment-scored', score: 85, passed: true, attempt: 1 },
  { ...course, kind: 'assessment-scored', score: 40, passed: false, attempt: 2 },
  { ...course, kind: 'course-completed' },
];

describe('xAPI statements', () => {
  test.each(events.map((e) => [e.kind, e] as const))('a %s statement is valid xAPI', (_kind, event) => {
    const statement = buildStatement(event, at);
    expect(validateStatement(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name}`)).toEqual([]);
  });

  test('the validator is not a rubber stamp: a bad score, an email actor without mailto, or a bad id are refused', () => {
    const good = buildStatement(events[3]!, at);
    expect(validateStatement({ ...good, result: { score: { scaled: 85 } } }).length).toBeGreaterThan(0);
    expect(validateStatement({ ...good, actor: { mbox: 'learner@example.org' } }).length).toBeGreaterThan(0);
    expect(validateStatement({ ...good, id: 'not-a-uuid' }).length).toBeGreaterThan(0);
  });

  test('the actor is an account on Lantern\'s public URL named by the opaque learner id, and nothing else', () => {
    const statement = buildStatement(events[0]!, at);
    expect(statement.actor).toEqual({ objectType: 'Agent', account: { homePage, name: at.learnerId } });
    expect(JSON.stringify(statement)).not.toMatch(/@|mbox|"name":"(?!16fd2706)/);
  });

  test('object ids come from the course id and version; the context carries the version, registration and language', () => {
    const courseId = courseActivityId(homePage, 'lantern-essentials', '1.2.0');
    expect(courseId).toBe('https://lantern.example.org/xapi/activities/courses/lantern-essentials/1.2.0');
    const lesson = buildStatement(events[2]!, at);
    expect(lesson.verb.id).toBe(ADL_VERBS.completed);
    expect(lesson.object).toMatchObject({ id: `${courseId}/lessons/what-it-is/force-fraud-coercion` });
    expect(lesson.context).toMatchObject({
      registration: course.registration, revision: '1.2.0', language: 'es',
      extensions: { [courseVersionExtension(homePage)]: '1.2.0' }, contextActivities: { parent: [{ id: courseId }] },
    });
    const newer = buildStatement({ ...events[0]!, courseVersion: '2.0.0' }, at);
    expect(newer.object).toMatchObject({ id: courseActivityId(homePage, 'lantern-essentials', '2.0.0') });
  });

  test('assessments report the score, scaled, and pass or fail; completion of the course is its own statement', () => {
    const passed = buildStatement(events[3]!, at);
    expect(passed.verb.id).toBe(ADL_VERBS.passed);
    expect(passed.result).toEqual({ score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, success: true, completion: true });
    const failed = buildStatement(events[4]!, at);
    expect(failed.verb.id).toBe(ADL_VERBS.failed);
    expect(failed.result).toMatchObject({ score: { scaled: 0.4, raw: 40 }, success: false });
    const completed = buildStatement(events[5]!, at);
    expect(completed.verb.id).toBe(ADL_VERBS.completed);
    expect(completed.object).toMatchObject({ id: courseActivityId(homePage, 'lantern-essentials', '1.2.0') });
    expect(completed.id).toBe(at.id);
    expect(completed.timestamp).toBe(at.timestamp);
  });
});
