import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { createApiToken, createFacility, createUser } from '../platform/identity/accounts.ts';
import { startJobScheduler } from '../platform/jobs/scheduler.ts';
import { shippedCatalog } from './course-catalog.ts';
import { learnRemindersJob, produceReminders } from './reminder-job.ts';

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('compliance', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let northId: string;
  let formulaUser: { id: string; token: string };

  beforeAll(async () => {
    lantern = await startTestLantern();
    const db = lantern.platform.data.db;
    org = await givenOrganization(db);
    northId = await createFacility(db, { organizationId: org.organizationId, name: 'North Clinic', jurisdiction: 'US-MI' });
    const email = `formula-${org.organizationId.slice(0, 8)}@test.example.org`;
    const id = await createUser(db, { email, displayName: '=HYPERLINK("http://evil.example")', organizationId: org.organizationId, roles: ['clinician'] });
    formulaUser = { id, token: (await createApiToken(db, { email, organizationId: org.organizationId, name: 'test' })).token };

    // Michigan requires one training before the next license renewal, any course (content/compliance/rules.yaml).
    const put = (token: string, payload: object) => lantern.app.inject({ method: 'PUT', url: '/api/learn/profile', headers: bearer(token), payload });
    expect((await put(org.users.learner.token, { profession: 'nurse', jurisdiction: 'US-MI', licenseRenewalDate: day(30), facilityId: northId })).statusCode).toBe(200);
    expect((await put(org.users.clinician.token, { profession: 'physician', jurisdiction: 'US-MI', licenseRenewalDate: day(-10), facilityId: org.facilityId })).statusCode).toBe(200);
    expect((await put(formulaUser.token, { profession: 'physician', jurisdiction: 'US-MI', licenseRenewalDate: day(-10) })).statusCode).toBe(200);
    expect((await put(org.users['social-worker'].token, { profession: 'social-worker', jurisdiction: 'US-MI', licenseRenewalDate: day(20) })).statusCode).toBe(200);

    const course = (await shippedCatalog()).get('lantern-essentials');
    const headers = bearer(org.users['social-worker'].token);
    const { enrolment } = (await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers, payload: { courseId: course.id } })).json();
    const answers = course.assessment.map((q) => ({ questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }));
    expect((await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${enrolment.id}/attempts`, headers, payload: { answers } })).json().attempt.passed).toBe(true);
  });
  afterAll(async () => { await lantern.close(); });

  test('a profile takes known professions and ISO codes only, and reads back', async () => {
    const bad = await lantern.app.inject({ method: 'PUT', url: '/api/learn/profile', headers: bearer(org.users.educator.token), payload: { profession: 'wizard', jurisdiction: 'US-MI' } });
    expect(bad.statusCode).toBe(400);
    const badCode = await lantern.app.inject({ method: 'PUT', url: '/api/learn/profile', headers: bearer(org.users.educator.token), payload: { profession: 'nurse', jurisdiction: 'Michigan' } });
    expect(badCode.statusCode).toBe(400);
    const mine = await lantern.app.inject({ method: 'GET', url: '/api/learn/profile', headers: bearer(org.users.learner.token) });
    expect(mine.json().profile).toMatchObject({ profession: 'nurse', jurisdiction: 'US-MI', licenseRenewalDate: day(30), facilityId: northId });
    expect(mine.json().professions.length).toBeGreaterThan(5);
  });

  test('educators see who is compliant, due soon or overdue, filtered by facility and role', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/learn/compliance', headers: bearer(org.users.educator.token) });
    expect(res.statusCode).toBe(200);
    const byUser = new Map(res.json().rows.map((r: { userId: string; status: string }) => [r.userId, r.status]));
    expect(byUser.get(org.users.learner.id)).toBe('due-soon');
    expect(byUser.get(org.users.clinician.id)).toBe('overdue');
    expect(byUser.get(org.users['social-worker'].id)).toBe('compliant');
    expect(byUser.get(org.users.admin.id)).toBe('no-profile');

    const north = (await lantern.app.inject({ method: 'GET', url: `/api/learn/compliance?facilityId=${northId}`, headers: bearer(org.users.educator.token) })).json();
    expect(north.rows.map((r: { userId: string }) => r.userId)).toEqual([org.users.learner.id]);
    const clinicians = (await lantern.app.inject({ method: 'GET', url: '/api/learn/compliance?role=clinician&status=overdue', headers: bearer(org.users.educator.token) })).json();
    expect(clinicians.rows.map((r: { userId: string }) => r.userId).sort()).toEqual([org.users.clinician.id, formulaUser.id].sort());

    const learner = await lantern.app.inject({ method: 'GET', url: '/api/learn/compliance', headers: bearer(org.users.learner.token) });
    expect(learner.statusCode).toBe(403);
  });

  test('the CSV export neutralizes formulas and is audited', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/learn/compliance/export.csv', headers: bearer(org.users.educator.token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('name,email,roles,facility,profession,jurisdiction,license_renewal,status,due_date,reason,rule,last_completed');
    const formulaLine = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(formulaLine.startsWith('"\'=HYPERLINK(')).toBe(true);
    expect(res.body).toContain('North Clinic');
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select('action')
      .where('organization_id', '=', org.organizationId).where('resource_type', '=', 'compliance').execute();
    expect(audit.map((a) => a.action)).toContain('export');
  });

  test('the completion series counts this month\'s completion', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/learn/compliance/series', headers: bearer(org.users.educator.token) });
    expect(res.statusCode).toBe(200);
    const points = res.json().points as { month: string; completions: number; learnersCompleted: number }[];
    expect(points).toHaveLength(12);
    expect(points.at(-1)).toEqual({ month: day(0).slice(0, 7), completions: 1, learnersCompleted: 1 });
    expect(points.slice(0, -1).every((p) => p.completions === 0)).toBe(true);
  });

  test('the daily job leaves one in-app reminder per due learner, never twice, and sends no email without SMTP', async () => {
    const first = await produceReminders(lantern.platform, new Date());
    expect(first.created).toBeGreaterThanOrEqual(3);
    expect(first.emailed).toBe(0);
    const second = await produceReminders(lantern.platform, new Date());
    expect(second.created).toBe(0);
    const reminders = (await lantern.app.inject({ method: 'GET', url: '/api/learn/reminders', headers: bearer(org.users.learner.token) })).json().reminders;
    expect(reminders).toEqual([expect.objectContaining({ ruleId: 'us-mi-licensees', status: 'due-soon', dueDate: day(30) })]);
    const none = (await lantern.app.inject({ method: 'GET', url: '/api/learn/reminders', headers: bearer(org.users['social-worker'].token) })).json().reminders;
    expect(none).toEqual([]);
    const dismissed = await lantern.app.inject({ method: 'POST', url: `/api/learn/reminders/${reminders[0].id}/dismissal`, headers: bearer(org.users.learner.token) });
    expect(dismissed.statusCode).toBe(204);
    const other = await lantern.app.inject({ method: 'POST', url: `/api/learn/reminders/${reminders[0].id}/dismissal`, headers: bearer(org.users.clinician.token) });
    expect(other.statusCode).toBe(404);
    expect((await lantern.app.inject({ method: 'GET', url: '/api/learn/reminders', headers: bearer(org.users.learner.token) })).json().reminders).toEqual([]);
  });

  test('schedulers in several processes run the reminder job once a day', async () => {
    const schedulers = [0, 1, 2].map(() => startJobScheduler({ platform: lantern.platform, jobs: [learnRemindersJob()], firstTickMs: 60_000, intervalMs: 60_000 }));
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.stop()));
    const runs = await lantern.platform.data.db.selectFrom('platform_job_run').selectAll().where('job', '=', 'learn-reminders').execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finished_at).not.toBeNull();
  });
});
