import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { findJurisdiction, findNationalRoute, loadShippedReference } from '../respond/jurisdictions.ts';
import { shippedCatalog } from './course-catalog.ts';
import type { Course } from './course-model.ts';

/** The final-assessment answers taken from the course itself: right, or wrong on `wrong` questions. */
function answersFor(course: Course, wrong = 0): { questionId: string; optionIds: string[] }[] {
  return course.assessment.map((q, i) => ({
    questionId: q.id,
    optionIds: i < wrong ? [q.options.find((o) => !o.correct)!.id] : q.options.filter((o) => o.correct).map((o) => o.id),
  }));
}

describe('course delivery API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let course: Course;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    course = (await shippedCatalog()).get('lantern-essentials');
  });
  afterAll(async () => { await lantern.close(); });

  const as = (role: keyof TestOrganization['users']) => bearer(org.users[role].token);

  test('the catalog lists the course, and a Spanish read fills placeholders from jurisdiction data with footnotes and no answers', async () => {
    const list = await lantern.app.inject({ method: 'GET', url: '/api/learn/courses?lang=es', headers: as('learner') });
    expect(list.statusCode).toBe(200);
    expect(list.json().courses).toContainEqual(expect.objectContaining({ id: 'lantern-essentials', language: 'es', ceHours: course.ceHours }));

    const profile = await lantern.app.inject({ method: 'PUT', url: '/api/learn/profile', headers: as('learner'), payload: { profession: 'nurse', jurisdiction: 'US-TX' } });
    expect(profile.statusCode).toBe(200);
    const res = await lantern.app.inject({ method: 'GET', url: '/api/learn/courses/lantern-essentials?lang=es', headers: as('learner') });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const text = JSON.stringify(view);
    const hotline = findNationalRoute(loadShippedReference().national, 'human-trafficking-hotline')!;
    expect(text.includes(hotline.phone)).toBe(true);
    expect(/\{(hotline|cybertipline|stateChildReport)\.[A-Za-z]+\}/.test(text)).toBe(false);
    expect(text.includes('[@')).toBe(false);
    expect(/"(correct|feedback|rating|consequence)"/.test(text)).toBe(false);
    const lesson = view.modules[0].lessons[0];
    expect(lesson.body).toMatch(/\[\^1\]/);
    expect(lesson.footnotes[0]).toMatchObject({ number: 1, citation: expect.any(String) });
    // The learner recorded Texas: its statewide reporting number comes from us-states.yaml.
    const texas = findJurisdiction(loadShippedReference().jurisdictions, 'US-TX').jurisdiction.childProtection.phones[0]!.number;
    expect(text.includes(`Texas: `) && text.includes(texas)).toBe(true);
  });

  test('a learner enrols, saves each step with feedback, and resumes from any device', async () => {
    const enrolled = await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('learner'), payload: { courseId: 'lantern-essentials', language: 'en' } });
    expect(enrolled.statusCode).toBe(201);
    const id = enrolled.json().enrolment.id as string;
    const again = await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('learner'), payload: { courseId: 'lantern-essentials' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().enrolment.id).toBe(id);

    const module = course.modules[0]!;
    const lesson = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('learner'), payload: { kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id } });
    expect(lesson.statusCode).toBe(200);
    expect(lesson.json().progress.lessonsViewed).toBe(1);

    const question = module.checks[0]!;
    const wrong = question.options.find((o) => !o.correct)!;
    const check = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('learner'), payload: { kind: 'check', moduleId: module.id, questionId: question.id, optionIds: [wrong.id] } });
    expect(check.statusCode).toBe(200);
    const checked = check.json().result;
    expect(checked.correct).toBe(false);
    expect(checked.options).toHaveLength(question.options.length);
    for (const option of checked.options) expect(option.feedback.length).toBeGreaterThan(0);

    const patientCase = course.modules.flatMap((m) => m.cases)[0]!;
    const start = patientCase.scenes.find((s) => s.id === patientCase.start)!;
    const choice = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('learner'), payload: { kind: 'case', caseId: patientCase.id, sceneId: start.id, choiceId: start.choices[0]!.id } });
    expect(choice.statusCode).toBe(200);
    expect(choice.json().result).toMatchObject({ rating: start.choices[0]!.rating, next: start.choices[0]!.next, consequence: expect.any(String) });

    const bogus = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('learner'), payload: { kind: 'lesson', moduleId: module.id, lessonId: 'nope' } });
    expect(bogus.statusCode).toBe(400);
    const extra = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('learner'), payload: { kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id, score: 100 } });
    expect(extra.statusCode).toBe(400);

    // Another device: the same learner reads the enrolment back and finds every step and where to resume.
    const resumed = await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${id}`, headers: as('learner') });
    expect(resumed.statusCode).toBe(200);
    const progress = resumed.json().progress;
    expect(progress.lastStep).toBe(`case:${patientCase.id}/${start.id}`);
    expect(progress.steps.map((s: { key: string }) => s.key)).toEqual([
      `lesson:${module.id}/${module.lessons[0]!.id}`, `check:${module.id}/${question.id}`, `case:${patientCase.id}/${start.id}`,
    ]);
    expect(progress.steps.every((s: { courseVersion: string }) => s.courseVersion === course.version)).toBe(true);

    const peer = await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${id}`, headers: as('clinician') });
    expect(peer.statusCode).toBe(403);
    const educator = await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${id}`, headers: as('educator') });
    expect(educator.statusCode).toBe(200);
    const educatorStep = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${id}/steps`, headers: as('educator'), payload: { kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id } });
    expect(educatorStep.statusCode).toBe(403);
  });

  test('the final assessment is scored with the pass mark, records the course version, and passing issues one certificate', async () => {
    const { enrolment } = (await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('social-worker'), payload: { courseId: 'lantern-essentials' } })).json();
    const url = `/api/learn/enrolments/${enrolment.id}/attempts`;
    const failing = await lantern.app.inject({ method: 'POST', url, headers: as('social-worker'), payload: { answers: answersFor(course, course.assessment.length) } });
    expect(failing.statusCode).toBe(201);
    expect(failing.json()).toMatchObject({ attempt: { number: 1, passed: false, score: 0, courseVersion: course.version, passMark: course.passMark }, certificate: null });
    expect(failing.json().attemptsLeft).toBe((course.retryPolicy.maxAttempts ?? 0) - 1);
    expect(failing.json().result.questions[0].options[0].feedback).toEqual(expect.any(String));

    const passing = await lantern.app.inject({ method: 'POST', url, headers: as('social-worker'), payload: { answers: answersFor(course) } });
    expect(passing.statusCode).toBe(201);
    expect(passing.json()).toMatchObject({ attempt: { number: 2, passed: true, score: 100, courseVersion: course.version } });
    expect(passing.json().certificate).toMatchObject({ courseId: 'lantern-essentials', courseVersion: course.version, ceHours: course.ceHours, status: 'valid', learnerName: 'Test social-worker' });

    const after = await lantern.app.inject({ method: 'POST', url, headers: as('social-worker'), payload: { answers: answersFor(course) } });
    expect(after.statusCode).toBe(409);
    const detail = (await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${enrolment.id}`, headers: as('social-worker') })).json();
    expect(detail.enrolment.status).toBe('passed');
    expect(detail.attempts.map((a: { courseVersion: string }) => a.courseVersion)).toEqual([course.version, course.version]);

    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'resource_type']).where('organization_id', '=', org.organizationId).execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'create', resource_type: 'enrolment' }, { action: 'create', resource_type: 'assessment-attempt' }, { action: 'create', resource_type: 'certificate' },
    ]));
  });

  test('retries stop at the policy\'s limit', async () => {
    // A program lead may read courses but not enrol: the policy table decides.
    const lead = await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('program-lead'), payload: { courseId: 'lantern-essentials' } });
    expect(lead.statusCode).toBe(403);
    const max = course.retryPolicy.maxAttempts!;
    const { enrolment: mine } = (await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('clinician'), payload: { courseId: 'lantern-essentials' } })).json();
    for (let i = 0; i < max; i += 1) {
      const res = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${mine.id}/attempts`, headers: as('clinician'), payload: { answers: answersFor(course, course.assessment.length) } });
      expect(res.statusCode).toBe(201);
    }
    const over = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${mine.id}/attempts`, headers: as('clinician'), payload: { answers: answersFor(course) } });
    expect(over.statusCode).toBe(409);
    const detail = (await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${mine.id}`, headers: as('clinician') })).json();
    expect(detail.enrolment.status).toBe('failed');
    expect(detail.attemptsLeft).toBe(0);
  });

  test('an educator assigns the course with a due date; a learner cannot assign it to others', async () => {
    const assigned = await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('educator'), payload: { courseId: 'lantern-essentials', userId: org.users.partner.id, dueDate: '2027-01-31' } });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json().enrolment).toMatchObject({ userId: org.users.partner.id, assignedBy: org.users.educator.id, dueDate: '2027-01-31' });
    const refused = await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers: as('learner'), payload: { courseId: 'lantern-essentials', userId: org.users.admin.id } });
    expect(refused.statusCode).toBe(403);
    const all = await lantern.app.inject({ method: 'GET', url: '/api/learn/enrolments?all=true', headers: as('educator') });
    expect(all.json().enrolments.length).toBeGreaterThanOrEqual(3);
    const notAll = await lantern.app.inject({ method: 'GET', url: '/api/learn/enrolments?all=true', headers: as('learner') });
    expect(notAll.statusCode).toBe(403);
  });

  test('another organization sees none of it', async () => {
    const other = await givenOrganization(lantern.platform.data.db, 'Other');
    const mine = (await lantern.app.inject({ method: 'GET', url: '/api/learn/enrolments', headers: as('learner') })).json().enrolments[0];
    const res = await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${mine.id}`, headers: bearer(other.users.educator.token) });
    expect(res.statusCode).toBe(404);
  });
});

describe('double submits', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let course: Course;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    course = (await shippedCatalog()).get('lantern-essentials');
  });
  afterAll(async () => { await lantern.close(); });

  test('two enrolments at once give one enrolment; two passing attempts at once give one certificate', async () => {
    const headers = bearer(org.users.learner.token);
    const enrol = () => lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers, payload: { courseId: course.id } });
    const both = await Promise.all([enrol(), enrol()]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json().enrolment.id).toBe(both[1]!.json().enrolment.id);

    const url = `/api/learn/enrolments/${both[0]!.json().enrolment.id}/attempts`;
    const submit = () => lantern.app.inject({ method: 'POST', url, headers, payload: { answers: answersFor(course) } });
    const attempts = await Promise.all([submit(), submit()]);
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const certificates = (await lantern.app.inject({ method: 'GET', url: '/api/learn/certificates', headers })).json().certificates;
    expect(certificates).toHaveLength(1);
  });

  test('ten saves of the same step at once (two devices, a double click) all succeed and keep it once', async () => {
    const headers = bearer(org.users.learner.token);
    const { enrolment } = (await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers, payload: { courseId: course.id } })).json();
    const module = course.modules[0]!;
    const step = { kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id };
    const save = () => lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${enrolment.id}/steps`, headers, payload: step });
    for (let round = 0; round < 3; round += 1) {
      const saves = await Promise.all(Array.from({ length: 10 }, save));
      expect(saves.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    }
    const progress = (await lantern.app.inject({ method: 'GET', url: `/api/learn/enrolments/${enrolment.id}`, headers })).json().progress;
    expect(progress.steps.filter((s: { key: string }) => s.key === `lesson:${module.id}/${step.lessonId}`)).toHaveLength(1);
    expect(progress.lessonsViewed).toBe(1);
  });
});
