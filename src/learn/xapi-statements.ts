/**
 * @module xAPI statements from learning events, as plain data. The actor is pseudonymous: an
 * account on Lantern's public URL named by an opaque per-organization learner id, never an email or
 * user id. Activity ids are built from the course id and version, and the context carries the
 * version (as `revision` and as an extension), the registration (the enrolment) and the language.
 */
import type { Statement } from '@xapi/xapi';

interface CourseRef { courseId: string; courseVersion: string; language: string; registration: string }

/** A learning event, queued when it happens and built into a statement when sent. */
export type LearningEvent =
  | (CourseRef & { kind: 'registered' })
  | (CourseRef & { kind: 'launched' })
  | (CourseRef & { kind: 'lesson-completed'; moduleId: string; lessonId: string })
  | (CourseRef & { kind: 'assessment-scored'; score: number; passed: boolean; attempt: number })
  | (CourseRef & { kind: 'course-completed' });

export const ADL_VERBS = {
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

/** The activity id of a course version: `<public URL>/xapi/activities/courses/<id>/<version>`. */
export function courseActivityId(homePage: string, courseId: string, courseVersion: string): string {
  return `${homePage}/xapi/activities/courses/${encodeURIComponent(courseId)}/${encodeURIComponent(courseVersion)}`;
}

/** The context extension that names the course version. */
export const courseVersionExtension = (homePage: string): string => `${homePage}/xapi/extensions/course-version`;

/** Builds the statement for one event. */
export function buildStatement(event: LearningEvent, at: { id: string; timestamp: string; homePage: string; learnerId: string }): Statement {
  const course = courseActivityId(at.homePage, event.courseId, event.courseVersion);
  const courseActivity = { objectType: 'Activity' as const, id: course, definition: { type: ACTIVITY_TYPES.course } };
  const verb = (id: (typeof ADL_VERBS)[keyof typeof ADL_VERBS], display: string) => ({ id, display: { 'en-US': display } });
  const base = {
    id: at.id,
    timestamp: at.timestamp,
    actor: { objectType: 'Agent' as const, account: { homePage: at.homePage, name: at.learnerId } },
  };
  const context = (withParent: boolean) => ({
    registration: event.registration,
    revision: event.courseVersion,
    platform: 'Lantern',
    language: event.language,
    extensions: { [courseVersionExtension(at.homePage)]: event.courseVersion },
    ...(withParent ? { contextActivities: { parent: [courseActivity] } } : {}),
  });
  switch (event.kind) {
    case 'registered':
      return { ...base, verb: verb(ADL_VERBS.registered, 'registered'), object: courseActivity, context: context(false) };
    case 'launched':
      return { ...base, verb: verb(ADL_VERBS.launched, 'launched'), object: courseActivity, context: context(false) };
    case 'lesson-completed':
      return {
        ...base, verb: verb(ADL_VERBS.completed, 'completed'),
        object: { objectType: 'Activity', id: `${course}/lessons/${encodeURIComponent(event.moduleId)}/${encodeURIComponent(event.lessonId)}`, definition: { type: ACTIVITY_TYPES.lesson } },
        result: { completion: true }, context: context(true),
      };
    case 'assessment-scored':
      return {
        ...base, verb: event.passed ? verb(ADL_VERBS.passed, 'passed') : verb(ADL_VERBS.failed, 'failed'),
        object: { objectType: 'Activity', id: `${course}/assessment`, definition: { type: ACTIVITY_TYPES.assessment } },
        result: { score: { scaled: event.score / 100, raw: event.score, min: 0, max: 100 }, success: event.passed, completion: true },
        context: context(true),
      };
    case 'course-completed':
      return { ...base, verb: verb(ADL_VERBS.completed, 'completed'), object: courseActivity, result: { completion: true, success: true }, context: context(false) };
  }
}
