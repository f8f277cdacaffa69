/**
 * What the server logs while people sign in, send passwords and tokens, and post bodies that look
 * like patient data: none of those values may reach a log line, and every request id must (so a
 * support ticket's id finds its log lines). Logs are captured from the real pino logger.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../src/platform/services.ts';
import { startTestLantern, type TestLantern } from './support/platform.ts';
import { captureRoutes, fillPath, isWrite, pathParams, type RouteInfo } from './support/routes.ts';
import { givenOrganization, TEST_PASSWORD, type TestOrganization } from './support/actors.ts';

// Values no log line may contain; each is distinctive so a match cannot be a coincidence.
const patient = {
  name: 'Zelinda Quarrington-Vasquez',
  given: 'Zelinda',
  family: 'Quarrington-Vasquez',
  birthDate: '1961-02-17',
  phone: '+1-555-0142-7788',
  address: '4417 Larkspur Hollow Road',
  mrn: 'MRN-88217734',
  ssn: '078-05-1120',
  notes: 'bruising on both wrists, employer holds passport',
  answers: [{ linkId: 'q1', valueString: 'works off a debt to the recruiter' }],
};
const WRONG_PASSWORD = 'wrong-password-Hx81-unique';

describe('logs', () => {
  const lines: string[] = [];
  let lantern: TestLantern;
  let routes: RouteInfo[];
  let organization: TestOrganization;
  const secrets: string[] = [];
  const requestIds: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    const logger = createLogger({ logLevel: 'debug' }, sink);
    const built = await captureRoutes(() => startTestLantern({}, { logger }));
    lantern = built.result;
    routes = built.routes;
    organization = await givenOrganization(lantern.platform.data.db, 'Logged', { password: TEST_PASSWORD });
  });
  afterAll(async () => { await lantern?.close(); });

  async function call(options: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await lantern.app.inject(options);
    const id = res.headers['x-request-id'];
    if (typeof id === 'string') requestIds.push(id);
    return res;
  }

  test('signing in, with a wrong and a right password, answers as the contract says', async () => {
    const email = organization.users.clinician.email;
    const wrong = await call({ method: 'POST', url: '/api/session', payload: { email, password: WRONG_PASSWORD } });
    expect(wrong.statusCode).toBe(401);
    const right = await call({ method: 'POST', url: '/api/session', payload: { email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(200);
    const cookie = right.cookies.find((c) => c.name === 'lantern_session');
    expect(cookie?.value).toBeTruthy();
    const view = right.json() as { csrfToken: string };
    secrets.push(TEST_PASSWORD, WRONG_PASSWORD, cookie!.value, view.csrfToken);
    const again = await call({ method: 'GET', url: '/api/session', cookies: { lantern_session: cookie!.value } });
    expect(again.statusCode).toBe(200);
  });

  test('API tokens and patient-looking bodies go to every write route, signed in and not', async () => {
    const { token } = organization.users.clinician;
    const admin = organization.users.admin;
    secrets.push(token, admin.token);
    const writes = routes.filter((r) => isWrite(r) && /^\/(api|fhir|hsds|cds-services)(\/|$)/.test(r.url));
    for (const route of writes) {
      const url = fillPath(route.url, Object.fromEntries(pathParams(route.url).map((p) => [p, randomUUID()])));
      for (const authorization of [undefined, `Bearer ${token}`, `Bearer ${admin.token}`]) {
        const res = await call({
          method: route.method as 'POST', url, payload: { ...patient, password: TEST_PASSWORD, token },
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        });
        expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
      }
    }
    // A bad token in a header is a secret too.
    const bogus = `lt_${'q'.repeat(40)}`;
    secrets.push(bogus);
    const refused = await call({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${bogus}` } });
    expect(refused.statusCode).toBe(401);
  }, 120_000);

  test('no log line holds a password, token, cookie or patient value', () => {
    expect(lines.length).toBeGreaterThan(0);
    const forbidden = [...secrets, patient.name, patient.given, patient.family, patient.birthDate, patient.phone, patient.address,
      patient.mrn, patient.ssn, patient.notes, patient.answers[0]!.valueString];
    const found = forbidden.flatMap((value) => lines.filter((line) => line.includes(value)).map((line) => `${value} in ${line.slice(0, 300)}`));
    expect(found).toEqual([]);
  });

  test('every request id appears in the log', () => {
    expect(requestIds.length).toBeGreaterThan(3);
    const logged = lines.join('\n');
    expect(requestIds.filter((id) => !logged.includes(id))).toEqual([]);
  });
});
