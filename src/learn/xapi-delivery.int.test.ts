/**
 * xAPI statements reach a learning record store: a small LRS on 127.0.0.1 (Fastify) that takes
 * POST /statements with Basic auth and the X-Experience-API-Version header and checks each
 * statement with Learning Locker's validator (`xapi-validation`). A learner completes the course;
 * the statements arrive, and after the LRS was down they arrive on a later try.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import xapiValidation from 'xapi-validation';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { shippedCatalog } from './course-catalog.ts';
import type { Course } from './course-model.ts';
import { deliverXapiStatements, retryDelayMs } from './xapi-outbox.ts';
import { ADL_VERBS, courseActivityId } from './xapi-statements.ts';

const validateStatement = (typeof xapiValidation === 'function' ? xapiValidation : xapiValidation.default) as (data: unknown) => { path: string[] }[];

interface StoredStatement {
  id: string;
  actor: { account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string };
  result?: { score?: { raw: number; scaled: number }; success?: boolean };
  context: { registration: string; revision: string };
}

interface TestLrs { endpoint: string; statements: StoredStatement[]; posts: number; refused: string[]; down: boolean; close(): Promise<void> }

async function startLrs(key: string, secret: string): Promise<TestLrs> {
  const app: FastifyInstance = Fastify();
  const lrs = { statements: [] as StoredStatement[], posts: 0, refused: [] as string[], down: false };
  app.post('/xapi/statements', async (request, reply) => {
    lrs.posts += 1;
    if (lrs.down) return reply.code(503).send({ message: 'down for maintenance' });
    if (request.headers.authorization !== `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`) return reply.code(401).send();
    if (!/^1\.0\.\d+$/.test(String(request.headers['x-experience-api-version']))) return reply.code(400).send({ message: 'X-Experience-API-Version' });
    const batch = (Array.isArray(request.body) ? request.body : [request.body]) as StoredStatement[];
    const warnings = batch.flatMap((s) => validateStatement(s).map((w) => w.path.join('.')));
    if (warnings.length > 0) {
      lrs.refused.push(...warnings);
      return reply.code(400).send({ warnings });
    }
    lrs.statements.push(...batch);
    return batch.map((s) => s.id);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return Object.assign(lrs, { endpoint: `http://127.0.0.1:${port}/xapi/`, close: () => app.close() });
}

describe('xAPI statements to an LRS', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let quiet: TestOrganization;
  let lrs: TestLrs;
  let course: Course;

  const inject = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    lantern.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  /** Enrols, views every lesson (one twice) and passes the final assessment. */
  async function completeCourse(token: string): Promise<string> {
    const { enrolment } = (await inject(token, 'POST', '/api/learn/enrolments', { courseId: course.id })).json();
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        expect((await inject(token, 'POST', `/api/learn/enrolments/${enrolment.id}/steps`, { kind: 'lesson', moduleId: module.id, lessonId: lesson.id })).statusCode).toBe(200);
      }
    }
    const first = course.modules[0]!;
    await inject(token, 'POST', `/api/learn/enrolments/${enrolment.id}/steps`, { kind: 'lesson', moduleId: first.id, lessonId: first.lessons[0]!.id });
    const answers = course.assessment.map((q) => ({ questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }));
    const attempt = await inject(token, 'POST', `/api/learn/enrolments/${enrolment.id}/attempts`, { answers });
    expect(attempt.json().attempt.passed).toBe(true);
    return enrolment.id as string;
  }

  beforeAll(async () => {
    lantern = await startTestLantern();
    course = (await shippedCatalog()).get('lantern-essentials');
    org = await givenOrganization(lantern.platform.data.db, 'xAPI');
    quiet = await givenOrganization(lantern.platform.data.db, 'No LRS');
    lrs = await startLrs('lantern-key', 'lrs secret 9');
  });
  afterAll(async () => {
    await lrs?.close();
    await lantern?.close();
  });

  test('admins configure the LRS; the secret is sealed and never shown; only https or loopback endpoints', async () => {
    const admin = org.users.admin.token;
    const payload = { endpoint: lrs.endpoint, username: 'lantern-key', password: 'lrs secret 9', enabled: true };
    expect((await inject(org.users.educator.token, 'PUT', '/api/learn/integrations/lrs', payload)).statusCode).toBe(403);
    expect((await inject(admin, 'PUT', '/api/learn/integrations/lrs', { ...payload, endpoint: 'http://lrs.example.org/xapi/' })).statusCode).toBe(400);
    expect((await inject(admin, 'PUT', '/api/learn/integrations/lrs', { ...payload, password: undefined })).statusCode).toBe(400);
    const saved = await inject(admin, 'PUT', '/api/learn/integrations/lrs', payload);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().lrs).toMatchObject({ endpoint: lrs.endpoint, username: 'lantern-key', enabled: true, deliveredCount: 0, failedCount: 0, pending: 0 });
    expect(saved.body).not.toContain('lrs secret');
    const row = await lantern.platform.data.db.selectFrom('learn_lrs_settings').select('password').where('organization_id', '=', org.organizationId).executeTakeFirstOrThrow();
    expect(row.password).not.toContain('lrs secret');
  });

  test('statements wait while the LRS is down, are retried with backoff, then arrive valid and pseudonymous', async () => {
    lrs.down = true;
    const registration = await completeCourse(org.users.learner.token);
    await completeCourse(quiet.users.learner.token);
    const queued = await lantern.platform.data.db.selectFrom('learn_xapi_outbox').select(['organization_id']).execute();
    expect(new Set(queued.map((r) => r.organization_id))).toEqual(new Set([org.organizationId]));
    const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
    // registered, launched, one per lesson (the repeat view is not a second completion), passed, completed.
    expect(queued).toHaveLength(lessons + 4);

    const now = new Date();
    const failed = await deliverXapiStatements(lantern.platform, now);
    expect(failed).toMatchObject({ sent: 0, failedBatches: 1 });
    expect(lrs.posts).toBe(1);
    const view = (await inject(org.users.admin.token, 'GET', '/api/learn/integrations')).json().lrs;
    expect(view).toMatchObject({ failedCount: 1, lastFailure: 'http-503', deliveredCount: 0, pending: lessons + 4 });

    lrs.down = false;
    expect((await deliverXapiStatements(lantern.platform, new Date(now.getTime() + retryDelayMs(1) - 1000))).sent).toBe(0);
    expect(lrs.posts).toBe(1);
    const retried = await deliverXapiStatements(lantern.platform, new Date(now.getTime() + retryDelayMs(1)));
    expect(retried).toMatchObject({ sent: lessons + 4, failedBatches: 0 });
    expect(lrs.refused).toEqual([]);
    expect(lrs.statements).toHaveLength(lessons + 4);

    const homePage = lantern.platform.config.publicUrl;
    const courseId = courseActivityId(homePage, course.id, course.version);
    const names = new Set(lrs.statements.map((s) => s.actor.account.name));
    expect(names.size).toBe(1);
    const [learnerId] = [...names];
    expect(learnerId).not.toBe(org.users.learner.id);
    expect(JSON.stringify(lrs.statements)).not.toContain(org.users.learner.email);
    expect(JSON.stringify(lrs.statements)).not.toContain(org.users.learner.id);
    expect(lrs.statements.every((s) => s.actor.account.homePage === homePage && s.context.registration === registration && s.context.revision === course.version)).toBe(true);
    const verbs = lrs.statements.map((s) => `${s.verb.id.split('/').at(-1)} ${s.object.id.replace(courseId, 'course')}`);
    expect(verbs).toEqual(expect.arrayContaining(['registered course', 'launched course', 'passed course/assessment', 'completed course']));
    expect(verbs.filter((v) => v.startsWith('completed course/lessons/'))).toHaveLength(lessons);
    const passed = lrs.statements.find((s) => s.verb.id === ADL_VERBS.passed)!;
    expect(passed.result).toMatchObject({ score: { raw: 100, scaled: 1 }, success: true });

    // Sent once: a later run has nothing to send.
    expect((await deliverXapiStatements(lantern.platform, new Date(now.getTime() + 3_600_000))).sent).toBe(0);
    expect((await inject(org.users.admin.token, 'GET', '/api/learn/integrations')).json().lrs).toMatchObject({ deliveredCount: lessons + 4, pending: 0 });
  });

  test('the first step saved ten times at once (two devices, a double click) launches the course once', async () => {
    const other = await givenOrganization(lantern.platform.data.db, 'xAPI at once');
    const lrsSettings = { endpoint: lrs.endpoint, username: 'lantern-key', password: 'lrs secret 9', enabled: true };
    expect((await inject(other.users.admin.token, 'PUT', '/api/learn/integrations/lrs', lrsSettings)).statusCode).toBe(200);
    const token = other.users.learner.token;
    const { enrolment } = (await inject(token, 'POST', '/api/learn/enrolments', { courseId: course.id })).json();
    const module = course.modules[0]!;
    const saves = await Promise.all(Array.from({ length: 10 }, () =>
      inject(token, 'POST', `/api/learn/enrolments/${enrolment.id}/steps`, { kind: 'lesson', moduleId: module.id, lessonId: module.lessons[0]!.id })));
    expect(saves.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const queued = await lantern.platform.data.db.selectFrom('learn_xapi_outbox').select('event').where('sent_at', 'is', null).execute();
    const kinds = queued.map((r) => JSON.parse(r.event) as { kind: string; registration: string }).filter((e) => e.registration === enrolment.id).map((e) => e.kind);
    expect(kinds.sort()).toEqual(['launched', 'lesson-completed', 'registered']);
    // Sent, so that the next test starts with nothing waiting.
    expect((await deliverXapiStatements(lantern.platform, new Date(Date.now() + 3_600_000))).sent).toBe(3);
  });

  test('a learner keeps the same opaque id; turning the LRS off stops queueing and drops what waits', async () => {
    const admin = org.users.admin.token;
    lrs.down = true;
    await inject(org.users.clinician.token, 'POST', '/api/learn/enrolments', { courseId: course.id });
    expect(await lantern.platform.data.db.selectFrom('learn_xapi_outbox').select('id').where('sent_at', 'is', null).execute()).toHaveLength(1);
    expect((await inject(admin, 'PUT', '/api/learn/integrations/lrs', { endpoint: lrs.endpoint, username: 'lantern-key', enabled: false })).statusCode).toBe(200);
    await inject(org.users.educator.token, 'POST', '/api/learn/enrolments', { courseId: course.id });
    expect(await lantern.platform.data.db.selectFrom('learn_xapi_outbox').select('id').where('sent_at', 'is', null).execute()).toHaveLength(1);
    expect((await inject(admin, 'DELETE', '/api/learn/integrations/lrs')).statusCode).toBe(204);
    expect(await lantern.platform.data.db.selectFrom('learn_xapi_outbox').select('id').where('sent_at', 'is', null).execute()).toHaveLength(0);
    expect((await inject(admin, 'GET', '/api/learn/integrations')).json().lrs).toBeNull();
    const ids = await lantern.platform.data.db.selectFrom('learn_xapi_learner').select('learner_id').where('organization_id', '=', org.organizationId).execute();
    expect(ids).toHaveLength(2);
  });
});
