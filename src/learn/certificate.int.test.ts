import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../../test/support/poppler.ts';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { shippedCatalog } from './course-catalog.ts';
import type { Course } from './course-model.ts';


describe('certificates', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let course: Course;
  let certificate: { id: string; learnerName: string };
  let code: string;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db, 'Riverside Health');
    course = (await shippedCatalog()).get('lantern-essentials');
    const headers = bearer(org.users.learner.token);
    const { enrolment } = (await lantern.app.inject({ method: 'POST', url: '/api/learn/enrolments', headers, payload: { courseId: course.id, language: 'es' } })).json();
    const answers = course.assessment.map((q) => ({ questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }));
    const passed = await lantern.app.inject({ method: 'POST', url: `/api/learn/enrolments/${enrolment.id}/attempts`, headers, payload: { answers } });
    certificate = passed.json().certificate;
  });
  afterAll(async () => { await lantern.close(); });

  test('the PDF names the learner, course and version, CE hours, date, organization and a verification code', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: `/api/learn/certificates/${certificate.id}/pdf`, headers: bearer(org.users.learner.token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload, ['-layout']).replace(/\s+/g, ' ');
    expect(text).toContain('Certificado de finalización');
    expect(text).toContain('Test learner');
    expect(text).toContain(course.title.es!);
    expect(text).toContain(`Versión ${course.version}`);
    expect(text).toContain(`${course.ceHours} hora`);
    expect(text).toContain(new Date().toISOString().slice(0, 10));
    expect(text).toContain('Riverside Health');
    code = /([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)![1]!;
    expect(text).toContain(`/verify/${code}`);
    const peer = await lantern.app.inject({ method: 'GET', url: `/api/learn/certificates/${certificate.id}/pdf`, headers: bearer(org.users.clinician.token) });
    expect(peer.statusCode).toBe(403);
  });

  test('the public page confirms a valid code with nothing beyond course, version, date, status and printed name', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: `/verify/${code.toLowerCase()}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('data-status="valid"');
    expect(res.body).toContain('Test learner');
    expect(res.body).toContain(course.version);
    expect(res.body).not.toContain(org.users.learner.email);
    expect(res.body).not.toContain('Riverside');
    expect(res.body).not.toContain('<script');
    const unknown = await lantern.app.inject({ method: 'GET', url: '/verify/AAAAA-BBBBB-CCCCC-DDDDD' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('data-status="unknown"');
    expect(unknown.body).not.toContain('Test learner');
    const malformed = await lantern.app.inject({ method: 'GET', url: '/verify/..%2F..%2Fetc' });
    expect(malformed.statusCode).toBe(400);
  });

  test('only educators revoke, audited; the page then says revoked', async () => {
    const url = `/api/learn/certificates/${certificate.id}/revocation`;
    const learner = await lantern.app.inject({ method: 'POST', url, headers: bearer(org.users.learner.token), payload: { reason: 'mine' } });
    expect(learner.statusCode).toBe(403);
    const revoked = await lantern.app.inject({ method: 'POST', url, headers: bearer(org.users.educator.token), payload: { reason: 'issued in error' } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().certificate).toMatchObject({ status: 'revoked', revokedReason: 'issued in error' });
    const twice = await lantern.app.inject({ method: 'POST', url, headers: bearer(org.users.educator.token), payload: { reason: 'again' } });
    expect(twice.statusCode).toBe(409);
    const page = await lantern.app.inject({ method: 'GET', url: `/verify/${code}`, headers: { 'accept-language': 'es' } });
    expect(page.body).toContain('data-status="revoked"');
    expect(page.body).toContain('revocado');
    // The browser's order of preference decides, not only its first tag.
    const preferred = await lantern.app.inject({ method: 'GET', url: `/verify/${code}`, headers: { 'accept-language': 'fr-CA, es;q=0.8, en;q=0.5' } });
    expect(preferred.body).toContain('revocado');
    expect(preferred.body).toContain('<html lang="es">');
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'actor_id', 'actor_kind'])
      .where('organization_id', '=', org.organizationId).where('resource_type', '=', 'certificate').execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'revoke', actor_id: org.users.educator.id, actor_kind: 'token' },
      { action: 'verify', actor_id: null, actor_kind: 'anonymous' },
    ]));
  });

  test('the code is stored only sealed and hashed', async () => {
    const row = await lantern.platform.data.db.selectFrom('learn_certificate').select(['code', 'code_hash']).where('id', '=', certificate.id).executeTakeFirstOrThrow();
    expect(row.code).not.toContain(code);
    expect(row.code_hash).not.toContain(code);
  });
});
